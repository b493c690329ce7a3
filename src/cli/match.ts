import type { Command } from 'commander';
import { createMatchRun, executeMatchRun } from '../modules/benefits/match/match.service.ts';
import { systemActor } from '../platform/auth/current-user.ts';
import { withAppContext } from './context.ts';
import { runCommand, type CommandOptions } from './output.ts';

/**
 * `yangfan match <policy-code> --period <p>` (SPEC §4): one 免申即享 match run over the whole
 * register, answering the batch summary (new candidates, unchanged, amount changed, timings).
 */
export function registerMatchCommand(program: Command): void {
  program
    .command('match <code>')
    .description('免申即享匹配：按政策和期间比对全部企业，生成待确认名单')
    .requiredOption('--period <YYYY|YYYYMM>', '期间（稳岗返还为返还年度 YYYY；按月的政策为 YYYYMM）')
    .option('--json', 'JSON 输出')
    .action(async (code: string, options: CommandOptions & { period: string }) => {
      await runCommand(
        options,
        () =>
          withAppContext(async (ctx) => {
            const actor = systemActor('cli:match');
            return executeMatchRun(ctx, actor, await createMatchRun(ctx, ctx.db, actor, code, options.period));
          }),
        describeRun,
      );
    });
}

function describeRun(run: Awaited<ReturnType<typeof executeMatchRun>>): string {
  const s = (run.summary ?? {}) as Record<string, unknown>;
  return [
    `匹配批次 ${run.id}：${run.policy} 第 ${run.version_no} 版，期间 ${run.period}（评估日 ${run.date}），${run.status}`,
    `评估企业 ${String(s.enterprises_evaluated)} 家、记录 ${String(s.rows_evaluated)} 条（已享受过同一待遇排除 ${String(s.rows_excluded_already_granted)} 条）`,
    `符合 ${String(s.candidates)} 家：新增 ${String(s.candidates_new)}，未变 ${String(s.candidates_unchanged)}，金额变化 ${String(s.amount_changed)}`,
    `耗时（毫秒）：${JSON.stringify(s.timings_ms)}`,
  ].join('\n');
}
