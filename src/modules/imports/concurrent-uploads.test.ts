import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { configuredDatabaseOf, waitFor } from '../../platform/workers/worker.fixtures.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';

const HEADER = '统一社会信用代码,企业名称,梯度类型,认定日期,有效期至,所在地区代码,行业代码,企业规模';
const UPLOADS = Number(process.env.CONCURRENT_UPLOADS ?? 4);

function registerCsv(count: number): string {
  const lines = [HEADER];
  for (let i = 0; i < count; i++)
    lines.push(
      `${makeUsccForSerial('320583', 7_000_000 + i)},昆山并发${i}号机械有限公司,创新型,2024-01-15,2027-01-14,320583,34,小型`,
    );
  return `\ufeff${lines.join('\n')}\n`;
}

interface RunView {
  id: number;
  status: string;
  queuedAhead: number | null;
  rows: number;
  accepted: number;
  unchanged: number;
  message: string | null;
}

describe.each(testDialects())('concurrent uploads of one file on %s', (dialect) => {
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
  afterAll(() => t.close());

  it('all complete: the first takes the rows, the others change nothing', async () => {
    const file = registerCsv(300);
    const ids = await Promise.all(
      Array.from({ length: UPLOADS }, async () => {
        const form = new FormData();
        form.append('file', new Blob([file], { type: 'text/csv' }), '培育库.csv');
        const answer = await fetch(`${base}/api/v1/imports/enterprises`, {
          method: 'POST',
          headers: { cookie: province },
          body: form,
        });
        expect(answer.status).toBe(202);
        return ((await answer.json()) as RunView).id;
      }),
    );
    const poll = async (id: number) =>
      (await fetch(`${base}/api/v1/imports/${id}`, { headers: { cookie: province } })).json() as Promise<RunView>;
    // One works at a time; the others wait with their place in the queue.
    const places = (await Promise.all(ids.map(poll))).filter((r) => r.status === 'queued').map((r) => r.queuedAhead);
    expect(places.length).toBeGreaterThanOrEqual(UPLOADS - 2);
    expect(new Set(places).size).toBe(places.length);
    await waitFor(
      async () => (await Promise.all(ids.map(poll))).every((r) => r.status !== 'running' && r.status !== 'queued'),
      UPLOADS * 30_000,
    );
    const ends = await Promise.all(ids.map(poll));
    const failed = ends.filter((r) => r.status !== 'completed');
    console.log(
      `${dialect}: ${UPLOADS} uploads, ${failed.length} not completed`,
      failed.slice(0, 3).map((r) => r.message),
    );
    expect(failed).toEqual([]);
    expect(ends.reduce((sum, r) => sum + r.accepted, 0)).toBe(300);
    expect(ends.every((r) => r.accepted + r.unchanged === 300)).toBe(true);
  }, 600_000);
});
