import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { createRunHold, readRunHold, releaseHeldRun } from '../../platform/workers/run-hold.ts';
import { configuredDatabaseOf, waitFor } from '../../platform/workers/worker.fixtures.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { loadImportLimits } from './import-limits.ts';
import { importRunTestHooks } from './import-runner-worker.ts';
import { insertImportRun } from './imports.repository.ts';
import { sweepAbandonedUploads } from './imports.service.ts';

const HEADER = '统一社会信用代码,企业名称,梯度类型,认定日期,有效期至,所在地区代码,行业代码,企业规模';
// An ID number in plaintext, as a roster file carries it (a valid checksum is not needed: it must never be stored).
const ROSTER = '统一社会信用代码,公民身份号码,姓名\n91320583MA1XXXXX0X,320102199001011234,张三\n';

function registerCsv(first: number, count: number): string {
  const lines = [HEADER];
  for (let i = first; i < first + count; i++)
    lines.push(
      `${makeUsccForSerial('320583', 8_000_000 + i)},昆山上传${i}号机械有限公司,创新型,2024-01-15,2027-01-14,320583,34,小型`,
    );
  return `\ufeff${lines.join('\n')}\n`;
}

function multipart(content: string | Buffer, fileName: string) {
  const boundary = '----yangfan-upload-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(testDialects())('uploaded import files on %s', (dialect) => {
  let t: TestApp;
  let province = '';
  let miit = '';
  let uploads = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.ctx.config = { ...t.ctx.config, database: await configuredDatabaseOf(t) };
    province = (await t.loginAs('province_hrss')).cookie;
    miit = (await t.loginAs('province_miit')).cookie;
    uploads = path.join(t.ctx.config.dataDir, 'uploads');
  }, 60_000);
  afterEach(() => {
    delete importRunTestHooks.hold;
  });
  afterAll(() => t.close());

  const stored = () => (existsSync(uploads) ? readdirSync(uploads) : []);
  const post = (kind: string, cookie: string, content: string | Buffer, fileName = '名单.csv') => {
    const { payload, headers } = multipart(content, fileName);
    return t.app.inject({ method: 'POST', url: `/api/v1/imports/${kind}`, headers: { ...headers, cookie }, payload });
  };

  it('stores nothing of an upload refused for the role or the kind', async () => {
    const before = stored();
    const forbidden = await post('roster', miit, ROSTER);
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const unknown = await post('no_such_kind', province, ROSTER);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'IMPORT_KIND_UNKNOWN']);
    expect(stored()).toEqual(before);
  });

  it('refuses a file over its kind’s limit by its declared length, before storing any of it', async () => {
    const limit = loadImportLimits().uploadMaxBytes('bank_results');
    const before = stored();
    const answer = await post('bank_results', province, Buffer.alloc(limit + 1, 0x41), '回盘.csv');
    expect(answer.statusCode).toBe(413);
    expect(answer.json().error).toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE',
      message: expect.stringContaining('50 MB'),
    });
    expect(stored()).toEqual(before);
  });

  it('keeps an accepted upload readable by the server only while its import works, then removes it', async () => {
    const hold = createRunHold();
    importRunTestHooks.hold = hold;
    const answer = await post('enterprises', province, registerCsv(0, 2), '培育库.csv');
    expect(answer.statusCode).toBe(202);
    const id = answer.json().id as number;
    await waitFor(async () => readRunHold(hold).isWaiting, 90_000);
    const file = stored().find((name) => name.startsWith(`run-${id}.`));
    expect(file).toBe(`run-${id}.csv`);
    expect(statSync(path.join(uploads, file!)).mode & 0o777).toBe(0o600);
    releaseHeldRun(hold);
    await waitFor(async () => !stored().includes(file!), 90_000);
    const run = (await t.app.inject({ url: `/api/v1/imports/${id}`, headers: { cookie: province } })).json();
    expect(run).toMatchObject({ status: 'completed', accepted: 2, queuedAhead: null });
  }, 180_000);

  it('sweeps the uploads no live import owns: a killed import’s, an unknown run’s, a stale partial one', async () => {
    await mkdir(uploads, { recursive: true });
    const now = t.ctx.clock().toISOString();
    const old = new Date(t.ctx.clock().getTime() - 3_600_000).toISOString();
    const killed = await insertImportRun(t.ctx.db, {
      kind: 'roster',
      file_name: 'a.csv',
      file_sha256: '',
      status: 'running',
      started_at: old,
      heartbeat_at: old,
    });
    const waiting = await insertImportRun(t.ctx.db, {
      kind: 'roster',
      file_name: 'b.csv',
      file_sha256: '',
      status: 'queued',
      started_at: now,
      heartbeat_at: now,
    });
    const names = [`run-${killed}.csv`, `run-${waiting}.csv`, 'run-987654.csv', 'stale.csv.part', 'fresh.csv.part'];
    for (const name of names) writeFileSync(path.join(uploads, name), ROSTER);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(uploads, 'stale.csv.part'), hourAgo, hourAgo);
    const removed = await sweepAbandonedUploads(t.ctx);
    expect(removed.sort()).toEqual([`run-${killed}.csv`, 'run-987654.csv', 'stale.csv.part'].sort());
    expect(stored().sort()).toEqual([`run-${waiting}.csv`, 'fresh.csv.part'].sort());
  });
});
