import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { AppContext } from '../src/app-context.ts';
import { createAppContext, prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { findPolicyInForce } from '../src/modules/policy/catalogue/catalogue.service.ts';
import { findDataCoverage } from '../src/modules/policy/coverage.repository.ts';
import { evaluateRows } from '../src/modules/policy/evaluate-rows.ts';
import { factSourceOf, hasFactSource } from '../src/modules/policy/facts/fact-sources.ts';
import { kernelOfVersion } from '../src/modules/policy/policy-versions.ts';
import { listPolicyCodes } from '../src/policies/load.ts';

/**
 * Fact extraction in SQL over whatever data the configured database holds (YANGFAN_DB or
 * DATABASE_URL; load the SPEC §6 scale with `yangfan demo --scale province`): for each policy,
 * the set-wise fact queries for every enterprise at once, the kernel evaluation of the rows they
 * give, and the per-enterprise query the calculator runs. The baseline, measured in the same run,
 * is one plain scan of the largest table (employment_spells); fact times are shown as ratios to it.
 * Bar (issue 18): every policy's facts within 5 × the baseline.
 * Run: `npm run bench -- policy-facts [--date YYYY-MM-DD] [--runs N] [--sample N] [--policy CODE]`.
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    date: { type: 'string', default: '2025-06-30' },
    runs: { type: 'string', default: '2' },
    sample: { type: 'string', default: '20' },
    policy: { type: 'string' },
  },
  allowPositionals: true,
});

/** The fastest of `runs` timings of an async piece of work, with its last result. */
async function fastest<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, result: result as T };
}

async function countOf(ctx: AppContext, table: string): Promise<number> {
  const result = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(ctx.db);
  return Number(result.rows[0]?.n ?? 0);
}

async function measurePolicy(
  ctx: AppContext,
  code: string,
  runs: number,
  sample: string[],
  baselineMs: number,
): Promise<{ line: string; totalMs: number }> {
  const { row: version, policy } = await findPolicyInForce(ctx.db, code);
  const source = factSourceOf(code);
  const coverage = await findDataCoverage(ctx.db);
  const facts = await fastest(runs, () => source.load(ctx.db, policy, { kind: 'all' }, options.date, coverage));
  const kernel = kernelOfVersion(version);
  const evaluation = await fastest(runs, async () =>
    evaluateRows(kernel, facts.result, options.date, { linked: source.linked, assume: source.assumptions }),
  );
  const perEnterprise: number[] = [];
  for (const uscc of sample) {
    const started = performance.now();
    await source.load(ctx.db, policy, { kind: 'enterprise', uscc }, options.date, coverage);
    perEnterprise.push(performance.now() - started);
  }
  perEnterprise.sort((a, b) => a - b);
  const median = perEnterprise[Math.floor(perEnterprise.length / 2)] ?? 0;
  const eligible = evaluation.result.filter((d) => d.outcome === 'eligible').length;
  const line =
    `${code.padEnd(26)} ${facts.result.length.toLocaleString('en-US').padStart(10)} 行  SQL 取事实 ${facts.ms.toFixed(0).padStart(7)} ms` +
    `（基线的 ${(facts.ms / baselineMs).toFixed(1)} 倍）  内核评估 ${evaluation.ms.toFixed(0).padStart(5)} ms（符合 ${eligible}）  单企业取事实中位数 ${median.toFixed(1)} ms`;
  return { line, totalMs: facts.ms + evaluation.ms };
}

async function main(): Promise<void> {
  const ctx = createAppContext(loadConfig());
  try {
    await prepareDatabase(ctx);
    const runs = Math.max(1, Number(options.runs));
    const sizes = Object.fromEntries(
      await Promise.all(
        ['enterprises', 'persons', 'employment_spells', 'contributions', 'skill_certificates'].map(
          async (t) => [t, await countOf(ctx, t)] as const,
        ),
      ),
    );
    const enterprises = await ctx.db.selectFrom('enterprises').select('uscc').orderBy('uscc').execute();
    const step = Math.max(1, Math.floor(enterprises.length / Math.max(1, Number(options.sample))));
    const sample = enterprises
      .filter((_, index) => index % step === 0)
      .slice(0, Number(options.sample))
      .map((e) => e.uscc);
    const baseline = await fastest(runs, () =>
      sql`select count(*) as n, sum(first_period) as s from employment_spells where last_period >= 0`.execute(ctx.db),
    );
    const where =
      ctx.dialect === 'postgres'
        ? 'PostgreSQL'
        : `SQLite ${ctx.config.database.dialect === 'sqlite' ? ctx.config.database.path : ''}`;
    console.log(
      `政策事实 SQL 基准（${where}；评估日期 ${options.date}；${cpus().length} 核，负载 ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}）`,
    );
    console.log(
      `数据：企业 ${sizes.enterprises}、人员 ${sizes.persons}、就业记录 ${sizes.employment_spells}、缴费汇总 ${sizes.contributions}、技能证书 ${sizes.skill_certificates}`,
    );
    console.log(`基线：扫描一遍 employment_spells ${baseline.ms.toFixed(0)} ms\n`);
    let total = 0;
    for (const code of listPolicyCodes().filter((c) => hasFactSource(c) && (!options.policy || c === options.policy))) {
      const { line, totalMs } = await measurePolicy(ctx, code, runs, sample, baseline.ms);
      console.log(line);
      total += totalMs;
    }
    console.log(
      `\n五项政策合计（全部企业，SQL 取事实 + 内核评估）：${(total / 1000).toFixed(2)} s（免申即享端到端指标 ≤ 60 s，尚不含候选名单写入）`,
    );
  } finally {
    await ctx.close();
  }
}

await main();
