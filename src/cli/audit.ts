import type { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit/audit-verify.ts';
import { withAppContext } from './context.ts';
import { runCommand } from './output.ts';

/** `yangfan audit verify`: recompute the SM3 chain and report the first broken link. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志哈希链，报告第一处断裂')
    .option('--json', 'JSON 输出')
    .action(async (options: { json?: boolean }) => {
      await runCommand(
        options,
        () => withAppContext((ctx) => verifyAuditChain(ctx.db)),
        (r) => (r.ok ? `审计日志完整：已校验 ${r.checked} 条` : `审计日志被篡改：第 ${r.first_broken?.id} 条（${r.first_broken?.reason}），此前 ${r.checked} 条完好`),
        (r) => !r.ok,
      );
    });
}
