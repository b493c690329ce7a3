import { threadId } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../../bootstrap.ts';
import { createRunHold, readRunHold, releaseHeldRun } from '../../../platform/workers/run-hold.ts';
import { configuredDatabaseOf, waitFor } from '../../../platform/workers/worker.fixtures.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects, testPostgresUrl } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld } from '../../policy/policy.fixtures.ts';
import { matchRunnerOf, matchRunTestHooks } from './match-runner.ts';

describe.each(testDialects())('match runs started from the web on %s work in a worker thread', (dialect) => {
  let t: TestApp;
  let base = '';
  let province = '';
  let serial = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.ctx.config = { ...t.ctx.config, database: await configuredDatabaseOf(t) };
    await syncPolicyCatalogue(t.ctx);
    await buildPolicyWorld(t.ctx);
    province = (await t.loginAs('province_hrss')).cookie;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  }, 60_000);
  afterEach(() => {
    delete matchRunTestHooks.hold;
    delete matchRunTestHooks.crash;
  });
  afterAll(() => t.close());

  const startRun = async () => {
    serial += 1;
    const answer = await fetch(`${base}/api/v1/benefits/match-runs`, {
      method: 'POST',
      headers: {
        cookie: province,
        'idempotency-key': `worker-${dialect}-${serial}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ policy: 'stable_jobs_refund', period: '2025' }),
    });
    expect(answer.status).toBe(202);
    return ((await answer.json()) as { id: number }).id;
  };
  const runRow = (id: number) =>
    t.ctx.db.selectFrom('benefit_match_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const endOf = async (id: number) => {
    await waitFor(async () => (await runRow(id)).status !== 'running');
    return runRow(id);
  };

  it('answers other requests while a run works, and the run completes with its cases', async () => {
    const hold = createRunHold();
    matchRunTestHooks.hold = hold;
    const id = await startRun();
    await waitFor(async () => readRunHold(hold).isWaiting);
    // The run's thread is blocked: the server still answers the health check and the page's polling.
    const health = await fetch(`${base}/api/v1/health`);
    expect([health.status, ((await health.json()) as { status: string }).status]).toEqual([200, 'ok']);
    const polled = await fetch(`${base}/api/v1/benefits/match-runs/${id}`, { headers: { cookie: province } });
    expect((await polled.json()) as object).toMatchObject({ id, status: 'running' });
    expect(readRunHold(hold).threadId).not.toBe(threadId);
    releaseHeldRun(hold);
    const ended = await endOf(id);
    expect([ended.status, ended.phase, ended.error]).toEqual(['completed', 'done', null]);
    const summary = JSON.parse(ended.summary!) as { candidates_new: number };
    expect(summary.candidates_new).toBeGreaterThan(0);
    const cases = await t.ctx.db.selectFrom('benefit_cases').select('id').where('run_id', '=', id).execute();
    expect(cases).toHaveLength(summary.candidates_new);
    // The run's audit row follows its completed status (two statements): wait for it rather than race it.
    const auditedRuns = async () =>
      (
        await t.ctx.db.selectFrom('audit_log').select('object_id').where('action', '=', 'benefits.match.run').execute()
      ).map((a) => a.object_id);
    await waitFor(async () => (await auditedRuns()).includes(String(id)));
    expect(await auditedRuns()).toContain(String(id));
  });

  it('marks the run failed with the reason when its worker thread throws', async () => {
    matchRunTestHooks.crash = 'throw';
    const id = await startRun();
    const ended = await endOf(id);
    expect(ended.status).toBe('failed');
    expect(ended.error).toBe('后台匹配线程出错：测试：匹配线程崩溃');
    expect(ended.finished_at).not.toBeNull();
    const polled = await fetch(`${base}/api/v1/benefits/match-runs/${id}`, { headers: { cookie: province } });
    expect((await polled.json()) as object).toMatchObject({
      status: 'failed',
      error: '后台匹配线程出错：测试：匹配线程崩溃',
    });
  });

  it('marks the run failed when its worker thread exits, and a new run can start', async () => {
    matchRunTestHooks.crash = 'exit';
    const id = await startRun();
    expect(await endOf(id)).toMatchObject({ status: 'failed', error: '后台匹配线程意外退出（退出码 3）' });
    delete matchRunTestHooks.crash;
    const next = await startRun();
    expect((await endOf(next)).status).toBe('completed');
  });

  it.runIf(dialect === 'postgres')(
    'does not run when the worker would reach another schema than the server works in',
    async () => {
      const server = t.ctx.config;
      t.ctx.config = { ...server, database: { dialect: 'postgres', url: testPostgresUrl()! } };
      try {
        const id = await startRun();
        const ended = await endOf(id);
        expect(ended.status).toBe('failed');
        expect(ended.error).toMatch(
          /^后台匹配出错：匹配线程连接到的数据库（.+\/public）与服务的（.+\/t_[0-9a-f]+）不同，未运行$/,
        );
      } finally {
        t.ctx.config = server;
      }
    },
  );
});

describe('where the server runs match runs', () => {
  it('a server started from its configuration uses a worker; a context whose database is not the configured one keeps them in its thread', async () => {
    const t = await buildTestApp('sqlite');
    try {
      // buildTestApp opens a temporary file while its configuration names data/yangfan.db.
      expect(await matchRunnerOf(t.ctx)).toBe('this thread');
      const server = createAppContext({ ...t.ctx.config, database: await configuredDatabaseOf(t) });
      try {
        expect(await matchRunnerOf(server)).toBe('worker');
      } finally {
        await server.close();
      }
      const inMemory = createAppContext({ ...t.ctx.config, database: { dialect: 'sqlite', path: ':memory:' } });
      try {
        expect(await matchRunnerOf(inMemory)).toBe('this thread');
      } finally {
        await inMemory.close();
      }
    } finally {
      await t.close();
    }
  });
});
