import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld } from '../../policy/policy.fixtures.ts';
import { isUniqueViolationOf } from '../idempotency.ts';
import { insertMatchRun } from './match.repository.ts';
import { createMatchRun } from './match.service.ts';

describe.each(testDialects())('one running match run per policy and period on %s', (dialect) => {
  let t: TestApp;
  let province = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    await buildPolicyWorld(t.ctx);
    province = (await t.loginAs('province_hrss')).cookie;
  }, 60_000);
  afterAll(() => t.close());

  const runsOf = (period: string) =>
    t.ctx.db
      .selectFrom('benefit_match_runs')
      .select(['id', 'status'])
      .where('policy_code', '=', 'stable_jobs_refund')
      .where('period', '=', period)
      .orderBy('id')
      .execute();

  /**
   * Fires the starts while one database connection is held, then lets go, so that they reach the
   * database together (on PostgreSQL they then race on separate connections).
   */
  async function together<T>(count: number, start: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
    let answers: Promise<PromiseSettledResult<T>[]> | undefined;
    await t.ctx.db.connection().execute(async () => {
      answers = Promise.allSettled(Array.from({ length: count }, (_, i) => start(i)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    return answers!;
  }

  it('answers 10 simultaneous POSTs with one run at a time; the others 409 MATCH_RUN_BUSY', async () => {
    const settled = await together(10, (i) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/benefits/match-runs',
        payload: { policy: 'stable_jobs_refund', period: '2025' },
        headers: { cookie: province, 'idempotency-key': `start-${i}` },
      }),
    );
    const answers = settled.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
    const started = answers.filter((a) => a.statusCode === 202);
    const refused = answers.filter((a) => a.statusCode !== 202);
    expect(refused.map((a) => [a.statusCode, a.json().error.code])).toEqual(
      Array(refused.length).fill([409, 'MATCH_RUN_BUSY']),
    );
    await waitFor(async () => (await runsOf('2025')).every((r) => r.status !== 'running'));
    const runs = await t.ctx.db
      .selectFrom('benefit_match_runs')
      .select(['id', 'status', 'started_at', 'finished_at'])
      .where('period', '=', '2025')
      .orderBy('id')
      .execute();
    expect(runs.map((r) => Number(r.id))).toEqual(started.map((a) => a.json().id as number).sort((a, b) => a - b));
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
    for (const [i, run] of runs.entries())
      if (i > 0)
        expect(run.started_at >= runs[i - 1]!.finished_at!, 'a run starts only after the one before finished').toBe(
          true,
        );
    // PostgreSQL serves the starts on separate connections at once: one wins, nine are refused.
    // One SQLite process answers a start and works its run before it reads the next request, so
    // there the starts follow one another; the race between processes is the next test's.
    if (dialect === 'postgres')
      expect(started, answers.map((a) => `${a.statusCode} ${a.body.slice(0, 80)}`).join('\n')).toHaveLength(1);
  });

  it('starts one run when 10 starts outside a transaction (as `yangfan match` does) all pass the busy check', async () => {
    const settled = await together(10, () =>
      createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2024'),
    );
    const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    expect(ids, settled.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok')).join('\n')).toHaveLength(1);
    expect(settled.flatMap((s) => (s.status === 'rejected' ? [(s.reason as { code?: string }).code] : []))).toEqual(
      Array(9).fill('MATCH_RUN_BUSY'),
    );
    expect(await runsOf('2024')).toEqual([{ id: expect.anything(), status: 'running' }]);
  });

  it('refuses a second running run in the database itself, while finished runs and other periods stay free', async () => {
    const version = await t.ctx.db
      .selectFrom('policy_versions')
      .select(['id', 'version_no'])
      .where('code', '=', 'stable_jobs_refund')
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const run = (period: string, status: 'running' | 'completed' | 'failed') =>
      insertMatchRun(t.ctx.db, {
        policy_code: 'stable_jobs_refund',
        policy_version_id: Number(version.id),
        version_no: Number(version.version_no),
        period,
        eval_date: `${period}-12-31`,
        snapshot: '{}',
        status,
        phase: 'facts',
        summary: null,
        error: null,
        started_by: null,
        started_at: at,
        finished_at: null,
        heartbeat_at: at,
      });
    await run('2023', 'running');
    const second = await run('2023', 'running').then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolationOf(second, 'benefit_match_runs'), String(second)).toBe(true);
    await run('2023', 'failed');
    await run('2023', 'completed');
    await run('2022', 'running');
    expect((await runsOf('2023')).map((r) => r.status)).toEqual(['running', 'failed', 'completed']);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('等待超时');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
