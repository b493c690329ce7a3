import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createAppContext, prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createMatchRun, executeMatchRun } from '../src/modules/benefits/match/match.service.ts';
import { syncPolicyCatalogue } from '../src/modules/policy/catalogue/catalogue.service.ts';
import { systemActor } from '../src/platform/auth/current-user.ts';

/**
 * 免申即享 end to end (SPEC §6: ≤ 60 s on SQLite at the province scale) over whatever data the
 * configured database holds (YANGFAN_DB or DATABASE_URL; `yangfan demo --scale province` first):
 * one full match run of 稳岗返还 and one of 一次性扩岗补助 — facts in SQL, kernel evaluation, candidate
 * writing — split into those three parts. The baseline, measured in the same run, is one plain scan
 * of employment_spells. A second run of the same period writes nothing new (its writing time is the
 * rerun's check). Run: `npm run bench -- match [--stable 2025] [--expansion 202512]`.
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: { stable: { type: 'string', default: '2025' }, expansion: { type: 'string', default: '202512' } },
  allowPositionals: true,
});

const BAR_MS = 60_000;
const ctx = createAppContext(loadConfig());
try {
  await prepareDatabase(ctx);
  await syncPolicyCatalogue(ctx);
  const started = performance.now();
  const scan = await sql<{ n: unknown }>`select count(*) as n, sum(first_period) as s from employment_spells`.execute(
    ctx.db,
  );
  const baselineMs = performance.now() - started;
  console.log(
    `数据库 ${ctx.dialect}；基线：扫描 employment_spells（${Number(scan.rows[0]?.n ?? 0)} 行）${baselineMs.toFixed(0)} ms`,
  );
  for (const [code, period] of [
    ['stable_jobs_refund', options.stable],
    ['job_expansion_subsidy', options.expansion],
  ] as const) {
    const actor = systemActor('bench:match');
    const t0 = performance.now();
    const run = await executeMatchRun(ctx, actor, await createMatchRun(ctx, ctx.db, actor, code, period));
    const totalMs = performance.now() - t0;
    const s = run.summary as {
      enterprises_evaluated: number;
      rows_evaluated: number;
      candidates: number;
      candidates_new: number;
      timings_ms: { sql: number; evaluate: number; write: number };
    };
    const { sql: sqlMs, evaluate, write } = s.timings_ms;
    console.log(
      `${code} ${period}：${(totalMs / 1000).toFixed(1)} s（${(totalMs / baselineMs).toFixed(1)} × 基线；上限 60 s ${totalMs <= BAR_MS ? '达标' : '未达标'}）` +
        ` — SQL ${sqlMs} ms，评估 ${evaluate} ms，写入 ${write} ms；企业 ${s.enterprises_evaluated}、记录 ${s.rows_evaluated}、符合 ${s.candidates}、新增 ${s.candidates_new}`,
    );
  }
} finally {
  await ctx.close();
}
