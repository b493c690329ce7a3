import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { createRunHold, readRunHold, releaseHeldRun } from '../../platform/workers/run-hold.ts';
import { configuredDatabaseOf, waitFor } from '../../platform/workers/worker.fixtures.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { importRunTestHooks } from './import-runner-worker.ts';

const HEADER = '统一社会信用代码,企业名称,梯度类型,认定日期,有效期至,所在地区代码,行业代码,企业规模';

/** A register file of `count` enterprises recognized in 2024 (monitored through the plan), numbered from `first`. */
function registerCsv(first: number, count: number, extra: string[] = []): string {
  const lines = [HEADER];
  for (let i = first; i < first + count; i++)
    lines.push(
      `${makeUsccForSerial('320583', 6_000_000 + i)},昆山测试${i}号精密机械有限公司,创新型,2024-01-15,2027-01-14,320583,34,小型`,
    );
  return `\ufeff${[...lines, ...extra].join('\n')}\n`;
}

interface RunView {
  id: number;
  status: string;
  rows: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  message: string | null;
}

describe.each(testDialects())('imports uploaded from the web on %s work in a worker thread', (dialect) => {
  let t: TestApp;
  let base = '';
  let province = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.ctx.config = { ...t.ctx.config, database: await configuredDatabaseOf(t) };
    province = (await t.loginAs('province_hrss')).cookie;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  }, 60_000);
  afterEach(() => {
    delete importRunTestHooks.hold;
    delete importRunTestHooks.crash;
    delete importRunTestHooks.exitAfterBatches;
  });
  afterAll(() => t.close());

  const upload = async (content: string, fileName = '培育库.csv'): Promise<number> => {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'text/csv' }), fileName);
    const answer = await fetch(`${base}/api/v1/imports/enterprises`, {
      method: 'POST',
      headers: { cookie: province },
      body: form,
    });
    expect(answer.status).toBe(202);
    return ((await answer.json()) as RunView).id;
  };
  const poll = async (id: number): Promise<RunView> =>
    (await fetch(`${base}/api/v1/imports/${id}`, { headers: { cookie: province } })).json() as Promise<RunView>;
  const endOf = async (id: number): Promise<RunView> => {
    await waitFor(async () => !['queued', 'running'].includes((await poll(id)).status), 90_000);
    return poll(id);
  };
  const enterpriseCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('enterprises')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const monitoredEnterprises = async (): Promise<number> => {
    const kpi = (await (await fetch(`${base}/api/v1/kpi?period=plan`, { headers: { cookie: province } })).json()) as {
      indicators: { monitored_enterprises: { actual: number } };
    };
    return kpi.indicators.monitored_enterprises.actual;
  };
  const storedUploads = () => {
    const dir = path.join(t.ctx.config.dataDir, 'uploads');
    return new Set(existsSync(dir) ? readdirSync(dir) : []);
  };

  it('answers other requests while an import works, and the import completes with its rows and summary', async () => {
    const hold = createRunHold();
    importRunTestHooks.hold = hold;
    const before = await enterpriseCount();
    const storedBefore = storedUploads();
    const id = await upload(
      registerCsv(0, 3, ['91320583MA00000000,坏代码公司,创新型,2024-01-15,2027-01-14,320583,34,小型']),
    );
    await waitFor(async () => readRunHold(hold).isWaiting, 90_000);
    const stored = [...storedUploads()].filter((name) => !storedBefore.has(name));
    expect(stored.length).toBeGreaterThan(0);
    // The import's thread is blocked: the server still answers the health check and the page's polling.
    const health = await fetch(`${base}/api/v1/health`);
    expect([health.status, ((await health.json()) as { status: string }).status]).toEqual([200, 'ok']);
    expect(await poll(id)).toMatchObject({ id, status: 'running', rows: 0 });
    expect(readRunHold(hold).threadId).not.toBe(threadId);
    releaseHeldRun(hold);
    expect(await endOf(id)).toMatchObject({
      status: 'completed',
      rows: 4,
      accepted: 3,
      rejected: 1,
      unchanged: 0,
      message: null,
    });
    expect(await enterpriseCount()).toBe(before + 3);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'import.enterprises')
      .where('object_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.outcome)).toEqual(['success']);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ rows: 4, accepted: 3, rejected: 1 });
    // The stored upload is removed once the import ended.
    await waitFor(async () => stored.every((name) => !storedUploads().has(name)));
  }, 120_000);

  it('refreshes in the worker the aggregates the dashboard then answers with', async () => {
    const monitored = await monitoredEnterprises();
    const refreshes = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('monitoring_refreshes')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const refreshed = await refreshes();
    const id = await upload(registerCsv(100, 5));
    expect(await endOf(id)).toMatchObject({ status: 'completed', accepted: 5 });
    await waitFor(async () => (await refreshes()) > refreshed);
    await waitFor(async () => (await monitoredEnterprises()) !== monitored, 5_000);
    expect(await monitoredEnterprises()).toBe(monitored + 5);
  }, 120_000);

  it('marks the import failed with the reason when its worker thread throws', async () => {
    importRunTestHooks.crash = 'throw';
    const id = await upload(registerCsv(200, 2));
    expect(await endOf(id)).toMatchObject({ status: 'failed', message: '后台导入线程出错：测试：导入线程崩溃' });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'import.enterprises')
      .where('object_id', '=', String(id))
      .execute();
    expect(audit).toEqual([{ outcome: 'failure', details: JSON.stringify({ reason: 'WORKER_FAILED' }) }]);
  }, 120_000);

  it('keeps the committed batches of an import whose worker thread dies, and importing the file again completes it', async () => {
    const file = registerCsv(1_000, 5_000);
    const before = await enterpriseCount();
    const storedBefore = storedUploads();
    importRunTestHooks.exitAfterBatches = 1;
    const first = await endOf(await upload(file));
    expect(first).toMatchObject({ status: 'failed', message: '后台导入线程意外退出（退出码 3）', accepted: 2_000 });
    expect(await enterpriseCount()).toBe(before + 2_000);
    delete importRunTestHooks.exitAfterBatches;
    const rerun = await endOf(await upload(file));
    expect(rerun).toMatchObject({ status: 'completed', rows: 5_000, accepted: 3_000, unchanged: 2_000, rejected: 0 });
    expect(await enterpriseCount()).toBe(before + 5_000);
    // Both stored uploads are removed, the one of the dead worker's import too.
    await waitFor(async () => [...storedUploads()].every((name) => storedBefore.has(name)));
  }, 180_000);
});
