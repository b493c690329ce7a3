import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/current-user.ts';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { personIdNumber } from '../workforce/test-factories.ts';
import { rejectsCsvLines } from './rejects-file.ts';
import { findImportKind } from './kinds.ts';
import { runImport } from './runner.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-runner-'));
const HEADER = '统一社会信用代码,企业名称,梯度类型,认定日期,有效期至,所在地区代码,行业代码,企业规模,联系人,联系电话';

function enterpriseLine(
  serial: number,
  overrides: Partial<Record<'tier' | 'recognized' | 'region', string>> = {},
): string {
  const region = overrides.region ?? '320115';
  return [
    makeUsccForSerial(region, 70_000_000 + serial),
    `南京测试${serial}号科技有限公司`,
    overrides.tier ?? '“专精特新”',
    overrides.recognized ?? '2024/1/15',
    '2027-01-14',
    region,
    '34',
    '小型',
    '张敏',
    '13912345678',
  ].join(',');
}

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `\ufeff${[HEADER, ...lines].join('\n')}\n`);
  return file;
}

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const line of lines) out += line;
  return out;
}

describe.each(testDialects())('import runner on %s', (dialect) => {
  let t: TestApp;
  const kind = findImportKind('enterprises')!;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('accepts good rows, rejects bad ones with line, column and reason, and audits the run', async () => {
    const file = writeCsv('mixed.csv', [
      enterpriseLine(1),
      enterpriseLine(2, { tier: '大巨人' }),
      enterpriseLine(3, { recognized: '2024-02-30' }),
      enterpriseLine(4),
    ]);
    const summary = await runImport(t.ctx, systemActor(), kind, file);
    expect(summary).toMatchObject({ kind: 'enterprises', rows: 4, accepted: 2, rejected: 2, unchanged: 0 });
    const csv = await collect(rejectsCsvLines(t.ctx.db, summary.run_id));
    expect(csv).toContain('3,梯度类型,');
    expect(csv).toContain('4,认定日期,DATE_INVALID');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'import.enterprises')
      .execute();
    expect(JSON.parse(audit.at(-1)!.details!)).toMatchObject({
      file_sha256: summary.file_sha256,
      accepted: 2,
      rejected: 2,
    });
  });

  it('changes nothing when the same file comes again', async () => {
    const file = writeCsv('again.csv', [enterpriseLine(10), enterpriseLine(11)]);
    await runImport(t.ctx, systemActor(), kind, file);
    const before = await t.ctx.db
      .selectFrom('enterprise_changes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const second = await runImport(t.ctx, systemActor(), kind, file);
    expect(second).toMatchObject({ rows: 2, accepted: 0, unchanged: 2, rejected: 0 });
    const after = await t.ctx.db
      .selectFrom('enterprise_changes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a file with a wrong header whole, writing nothing', async () => {
    const file = path.join(dir, 'wrong.csv');
    writeFileSync(file, `企业名称,统一代码\n某公司,${makeUsccForSerial('320115', 99)}\n`);
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('enterprises')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(runImport(t.ctx, systemActor(), kind, file)).rejects.toMatchObject({
      code: 'IMPORT_HEADER_INVALID',
      message: expect.stringContaining('应包含列：统一社会信用代码'),
    });
    expect(await count()).toBe(before);
    const run = await t.ctx.db.selectFrom('import_runs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(run.status).toBe('refused');
  });

  it('reads an XLSX file written with date cells and numbers as text', async () => {
    const file = path.join(dir, 'register.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('培育库');
    sheet.addRow(HEADER.split(','));
    const cells = enterpriseLine(20).split(',');
    sheet.addRow([...cells.slice(0, 3), new Date(Date.UTC(2024, 0, 15)), 46401, ...cells.slice(5)]);
    await workbook.xlsx.writeFile(file);
    const summary = await runImport(t.ctx, systemActor(), kind, file);
    expect(summary).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
    const row = await t.ctx.db
      .selectFrom('enterprises')
      .selectAll()
      .where('uscc', '=', cells[0]!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ recognized_on: '2024-01-15', valid_until: '2027-01-14' });
  });

  it('imports a roster through its own parser and writer: counts, refused lines, and nothing new the second time', async () => {
    const enterprises = writeCsv('roster-register.csv', [enterpriseLine(40)]);
    await runImport(t.ctx, systemActor(), kind, enterprises);
    const registered = makeUsccForSerial('320115', 70_000_040);
    const unregistered = makeUsccForSerial('320115', 70_000_041);
    const file = path.join(dir, 'roster.csv');
    writeFileSync(
      file,
      [
        '\ufeff统一社会信用代码,公民身份号码,姓名,费款所属期,缴费基数,减员原因',
        `${registered},${personIdNumber(1)},张三,202401,"6,000.00",`,
        `${registered},${personIdNumber(1)},张三,202402,6000,`,
        `${unregistered},${personIdNumber(2)},李四,202401,5000,`,
        `${registered},${personIdNumber(3).toLowerCase()}, 王五 ,202402,abc,`,
        `${registered},${personIdNumber(1)},张三,202401,6000,`,
        '',
      ].join('\r\n'),
    );
    const roster = findImportKind('roster')!;
    const first = await runImport(t.ctx, systemActor(), roster, file);
    expect(first).toMatchObject({ rows: 5, accepted: 2, unchanged: 1, rejected: 2 });
    const csv = await collect(rejectsCsvLines(t.ctx.db, first.run_id));
    expect(csv).toContain('4,统一社会信用代码,ENTERPRISE_NOT_IN_REGISTER');
    expect(csv).toContain('5,缴费基数,AMOUNT_INVALID');
    const second = await runImport(t.ctx, systemActor(), roster, file);
    expect(second).toMatchObject({ rows: 5, accepted: 0, unchanged: 3, rejected: 2 });
  });

  it('takes an upload over HTTP, reports progress to completion and serves the rejects file', async () => {
    const { cookie } = await t.loginAs('province_miit');
    const boundary = 'yangfanboundary';
    const content = `\ufeff${HEADER}\n${enterpriseLine(30)}\n${enterpriseLine(31, { region: '999999' })}\n`;
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="培育库.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/enterprises',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(started.statusCode).toBe(202);
    let run = started.json();
    for (let i = 0; i < 100 && (run.status === 'queued' || run.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${run.id}`, headers: { cookie } })).json();
    }
    expect(run).toMatchObject({
      status: 'completed',
      rows: 2,
      accepted: 1,
      rejected: 1,
      progress: 1,
      fileName: '培育库.csv',
    });
    const rejects = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${run.id}/rejects`,
      headers: { cookie },
    });
    expect(rejects.headers['content-type']).toContain('text/csv');
    expect(rejects.body).toMatch(/^\ufeff行号,列,原因代码,原因\n3,/);
    const city = (await t.loginAs('city_hrss')).cookie;
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${run.id}`, headers: { cookie: city } })).statusCode,
    ).toBe(403);
  });
});
