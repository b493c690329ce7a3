import { Command, CommanderError } from 'commander';
import { EXIT } from './output.ts';
import { registerAuditCommands } from './audit.ts';
import { registerCalendarCommands } from './calendar.ts';
import { registerCheckCommands } from './check.ts';
import { registerCompensationCommand } from './compensation.ts';
import { registerDemoCommand } from './demo.ts';
import { registerImportCommand } from './import.ts';
import { registerJobsCommands } from './jobs.ts';
import { registerKpiCommand } from './kpi.ts';
import { registerMatchCommand } from './match.ts';
import { registerMigrateCommand } from './migrate.ts';
import { registerOpinionCommands } from './opinion.ts';
import { registerOutboxCommands } from './outbox.ts';
import { registerPolicyCommands } from './policy.ts';
import { registerServeCommands } from './serve.ts';
import { registerUserCommands } from './user.ts';
import { registerWorkdaysCommands } from './workdays.ts';
import { registerWorkerCommand } from './worker.ts';

// The `yangfan` command line (SPEC §4). Each command lives in its own file, thin over services.
const program = new Command('yangfan')
  .description('扬帆 — 江苏专精特新企业就业创业扬帆计划信息系统')
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerWorkerCommand(program);
registerMigrateCommand(program);
registerDemoCommand(program);
registerCheckCommands(program);
registerWorkdaysCommands(program);
registerCalendarCommands(program);
registerUserCommands(program);
registerImportCommand(program);
registerAuditCommands(program);
registerKpiCommand(program);
registerPolicyCommands(program);
registerMatchCommand(program);
registerOutboxCommands(program);
registerJobsCommands(program);
registerOpinionCommands(program);
registerCompensationCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const isHelp = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    process.exitCode = isHelp ? EXIT.ok : EXIT.usage;
  } else {
    throw error;
  }
}
