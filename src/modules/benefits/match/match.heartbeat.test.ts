import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld } from '../../policy/policy.fixtures.ts';
import { loadBenefitSettings } from '../benefit-settings.ts';
import { beatMatchRun } from './match.repository.ts';
import { ABANDONED_RUN_ERROR, createMatchRun, executeMatchRun } from './match.service.ts';

const START = Date.parse('2025-03-03T02:00:00Z');
const { abandonedAfterMs } = loadBenefitSettings().matchRun;

describe.each(testDialects())('match runs left running by a dead process on %s', (dialect) => {
  let t: TestApp;
  let now = START;
  let province = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    await buildPolicyWorld(t.ctx);
    province = (await t.loginAs('province_hrss')).cookie;
    t.ctx.clock = () => new Date(now);
  }, 60_000);
  afterAll(() => t.close());

  const start = () => createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025');
  const run = (id: number) =>
    t.ctx.db.selectFrom('benefit_match_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const startOverHttp = (key: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/benefits/match-runs',
      payload: { policy: 'stable_jobs_refund', period: '2025' },
      headers: { cookie: province, 'idempotency-key': key },
    });

  it('refuses a second start while the run still beats, even long after it started', async () => {
    const alive = await start();
    expect((await run(alive)).heartbeat_at).toBe(new Date(now).toISOString());
    now += abandonedAfterMs - 1000;
    await beatMatchRun(t.ctx.db, alive, new Date(now).toISOString());
    now += abandonedAfterMs - 1000; // started long ago, but the last heartbeat is recent
    await expect(start()).rejects.toMatchObject({ code: 'MATCH_RUN_BUSY' });
    const busy = await startOverHttp('busy-1');
    expect([busy.statusCode, busy.json().error.code]).toEqual([409, 'MATCH_RUN_BUSY']);
    expect((await run(alive)).status).toBe('running');
  });

  it('takes over a run whose heartbeat stopped: marked failed as interrupted, and the new run completes', async () => {
    const [stale] = await t.ctx.db
      .selectFrom('benefit_match_runs')
      .select('id')
      .where('status', '=', 'running')
      .execute();
    now += 2000; // the last heartbeat is now older than the threshold
    const answer = await startOverHttp('takeover-1');
    expect(answer.statusCode, answer.body).toBe(202);
    expect(await run(Number(stale!.id))).toMatchObject({
      status: 'failed',
      phase: 'interrupted',
      error: ABANDONED_RUN_ERROR,
      finished_at: new Date(now).toISOString(),
    });
    const fresh = answer.json().id as number;
    await waitFor(async () => (await run(fresh)).status !== 'running');
    expect((await run(fresh)).status).toBe('completed');
    const history = (
      await t.app.inject({ method: 'GET', url: '/api/v1/benefits/match-runs', headers: { cookie: province } })
    ).json();
    expect(history.items.find((r: { id: number }) => r.id === Number(stale!.id))).toMatchObject({
      status: 'failed',
      phase: 'interrupted',
      error: ABANDONED_RUN_ERROR,
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'benefits.match.abandoned')
      .execute();
    expect(audit).toEqual([{ object_id: String(stale!.id) }]);
  });

  it('keeps a taken-over run as interrupted even if its old process wakes up and finishes', async () => {
    const sleeper = await start();
    now += abandonedAfterMs + 1000;
    const successor = await start();
    await executeMatchRun(t.ctx, systemActor(), sleeper);
    expect(await run(sleeper)).toMatchObject({ status: 'failed', phase: 'interrupted' });
    expect((await executeMatchRun(t.ctx, systemActor(), successor)).status).toBe('completed');
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('等待超时');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
