import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/current-user.ts';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { insertImportRun, insertRejects } from './imports.repository.ts';
import { findImportKind } from './kinds.ts';
import { runImport } from './runner.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-rejected-rows-'));
const HEADER = '统一社会信用代码,企业名称,梯度类型,认定日期,有效期至,所在地区代码,行业代码,企业规模';

function registerLine(serial: number, overrides: Partial<Record<'tier' | 'recognized', string>> = {}): string {
  return [
    makeUsccForSerial('320115', 71_000_000 + serial),
    `南京拒绝行${serial}号科技有限公司`,
    overrides.tier ?? '创新型',
    overrides.recognized ?? '2024-01-15',
    '2027-01-14',
    '320115',
    '34',
    '小型',
  ].join(',');
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDialects())('a run’s rejected rows on the import page, on %s', (dialect) => {
  let t: TestApp;
  let province = '';
  let miit = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    province = (await t.loginAs('province_hrss')).cookie;
    miit = (await t.loginAs('province_miit')).cookie;
  }, 60_000);
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

  it('lists the first rejected rows of a finished run with line, column and the Chinese reason', async () => {
    const file = path.join(dir, 'register.csv');
    writeFileSync(
      file,
      `\ufeff${[
        HEADER,
        registerLine(1),
        registerLine(2, { tier: '大巨人' }),
        registerLine(3),
        registerLine(4, { recognized: '2024-02-30' }),
      ].join('\n')}\n`,
    );
    const summary = await runImport(t.ctx, systemActor(), findImportKind('enterprises')!, file);
    expect(summary).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });

    const answer = await get(`/api/v1/imports/${summary.run_id}/rejected-rows`, miit);
    expect(answer.statusCode).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(body.items.map((r: { line: number; column: string }) => [r.line, r.column])).toEqual([
      [3, '梯度类型'],
      [5, '认定日期'],
    ]);
    expect(body.items[1]).toMatchObject({ code: 'DATE_INVALID', reason: expect.stringContaining('无法识别') });
    // The reasons are Chinese sentences, not codes.
    for (const row of body.items) expect(row.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('pages through many rejects in line order and counts them all', async () => {
    const runId = await insertImportRun(t.ctx.db, {
      kind: 'roster',
      file_name: '名单.csv',
      file_sha256: 'x',
      status: 'completed',
      started_at: t.ctx.clock().toISOString(),
      rejected: 45,
    });
    await insertRejects(
      t.ctx.db,
      Array.from({ length: 45 }, (_, i) => ({
        run_id: runId,
        line: 100 - i,
        column_name: '姓名',
        code: 'REQUIRED_MISSING',
        message: '必填项为空',
      })),
    );
    const second = (await get(`/api/v1/imports/${runId}/rejected-rows?page=2&pageSize=20`, province)).json();
    expect(second).toMatchObject({ total: 45, page: 2, pageSize: 20 });
    expect(second.items.map((r: { line: number }) => r.line)).toEqual(Array.from({ length: 20 }, (_, i) => 76 + i));
    const last = (await get(`/api/v1/imports/${runId}/rejected-rows?page=3&pageSize=20`, province)).json();
    expect(last.items).toHaveLength(5);
  });

  it('masks an ID number or a phone number a reason quotes from the file, on the page and in the file', async () => {
    const runId = await insertImportRun(t.ctx.db, {
      kind: 'roster',
      file_name: '名单.csv',
      file_sha256: 'y',
      status: 'completed',
      started_at: t.ctx.clock().toISOString(),
      rejected: 1,
    });
    await insertRejects(t.ctx.db, [
      {
        run_id: runId,
        line: 2,
        column_name: '参保日期',
        code: 'DATE_INVALID',
        message: '日期“320102199001011234 13912345678”无法识别',
      },
    ]);
    const page = await get(`/api/v1/imports/${runId}/rejected-rows`, province);
    expect(page.json().items[0].reason).toBe('日期“3201**********1234 139****5678”无法识别');
    const csv = await get(`/api/v1/imports/${runId}/rejects`, province);
    expect(csv.body).toContain('3201**********1234');
    expect(csv.body).not.toContain('320102199001011234');
    expect(csv.body).not.toContain('13912345678');
    // The file's name is Chinese (an ASCII fallback for old clients).
    expect(decodeURIComponent(csv.headers['content-disposition'] as string)).toContain(`导入${runId}-`);
  });

  it('keeps a quoted credit code whole (it is an enterprise’s), but masks an ID number put in its column', async () => {
    const runId = await insertImportRun(t.ctx.db, {
      kind: 'enterprises',
      file_name: '培育库.csv',
      file_sha256: 'z',
      status: 'completed',
      started_at: t.ctx.clock().toISOString(),
      rejected: 2,
    });
    // An all-digit credit code with a wrong check character, and a valid ID number in the credit-code column.
    await insertRejects(t.ctx.db, [
      {
        run_id: runId,
        line: 2,
        column_name: '统一社会信用代码',
        code: 'USCC_CHECK_CHAR',
        message: '校验码不正确：913201001347894562',
      },
      {
        run_id: runId,
        line: 3,
        column_name: '统一社会信用代码',
        code: 'USCC_CHECK_CHAR',
        message: '校验码不正确：11010519491231002X',
      },
    ]);
    const reasons = (await get(`/api/v1/imports/${runId}/rejected-rows`, province))
      .json()
      .items.map((r: { reason: string }) => r.reason);
    expect(reasons).toEqual(['校验码不正确：913201001347894562', '校验码不正确：1101**********002X']);
  });

  it('answers like the run itself: 404 for a run that does not exist, 403 for a role without imports', async () => {
    const missing = await get('/api/v1/imports/987654/rejected-rows', province);
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const city = (await t.loginAs('city_hrss')).cookie;
    const refused = await get('/api/v1/imports/1/rejected-rows', city);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
  });
});
