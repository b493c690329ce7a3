import type { Command } from 'commander';
import { withAppContext } from './context.ts';
import { runCommand } from './output.ts';

/** `yangfan migrate`: bring the schema up to date and reload reference data. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('迁移数据库到最新结构并加载参考数据')
    .option('--json', 'JSON 输出')
    .action(async (options: { json?: boolean }) => {
      await runCommand(
        options,
        () => withAppContext(async (ctx, migrations) => ({ applied: migrations, database: ctx.dialect })),
        (r) => (r.applied.length ? `已执行迁移：${r.applied.join('、')}` : '数据库已是最新结构'),
      );
    });
}
