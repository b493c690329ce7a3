import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBankResultRow } from '../../modules/benefits/payments/bank-results.import.ts';
import { addEnterprise } from '../../modules/monitoring/monitoring.fixtures.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { appendAudit } from '../audit/audit.ts';
import { maskIp } from '../audit/audit-export.ts';
import { beijingMinute } from '../time.ts';

const ID_NUMBER = '320102199003071234';
const PHONE = '13912345678';

/** The pages' Excel exports (就业预警, 审计日志): the page's filters, names in Chinese, personal data masked, each export audited. */
describe.each(testDialects())('Excel exports on %s', (dialect) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const usccs: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c.province = (await t.loginAs('province_hrss')).cookie;
    c.nanjing = (await t.loginAs('city_hrss')).cookie;
    c.auditor = (await t.loginAs('auditor')).cookie;
    usccs.push(
      await addEnterprise(t.ctx, { region: '320115', name: '南京导出测试有限公司' }),
      await addEnterprise(t.ctx, { region: '320214', name: '无锡导出测试有限公司' }),
    );
    const at = '2026-12-15T01:22:00.000Z';
    const alert = (uscc: string, region: string, over: Record<string, unknown>) => ({
      uscc,
      kind: 'mass_layoff' as const,
      period: 202611,
      city_code: `${region.slice(0, 4)}00`,
      region_code: region,
      metric: 30,
      base: 200,
      due_on: null,
      status: 'open' as const,
      assignee_id: null,
      close_note: null,
      detected_at: at,
      updated_at: at,
      closed_at: null,
      ...over,
    });
    await t.ctx.db
      .insertInto('monitoring_alerts')
      .values([
        alert(usccs[0]!, '320115', {
          status: 'closed',
          close_note: `已联系企业负责人（${PHONE}），身份证 ${ID_NUMBER}`,
          closed_at: at,
        }),
        alert(usccs[0]!, '320115', { period: 202610 }),
        alert(usccs[1]!, '320214', {}),
      ])
      .execute();
  }, 60_000);
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  async function workbookOf(response: { rawPayload: Buffer }) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('exports the alerts of the page’s filters, in the caller’s area, with notes masked, audited', async () => {
    const response = await get('/api/v1/monitoring/alerts/export?status=closed&kind=mass_layoff', c.nanjing!);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('就业预警'));
    const workbook = await workbookOf(response);
    const rows = rowsOf(workbook.getWorksheet('就业预警')!);
    expect(rows[0]!.slice(0, 8)).toEqual([
      '预警编号',
      '企业名称',
      '统一社会信用代码',
      '所在地区',
      '预警类型',
      '所属期',
      '状态',
      '预警内容',
    ]);
    expect(rows).toHaveLength(2);
    const line = rows[1]!;
    expect(line).toEqual(
      expect.arrayContaining([
        '南京导出测试有限公司',
        usccs[0],
        '江宁区',
        '规模性减员',
        202611,
        '已办结',
        '2026-12-15 09:22',
      ]),
    );
    const text = JSON.stringify(rows);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
    expect(text).toContain('139****5678');
    const about = rowsOf(workbook.getWorksheet('说明')!);
    expect(about).toContainEqual(['筛选条件', '状态：已办结；类型：规模性减员']);
    expect(about).toContainEqual(['行数', 1]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'monitoring.alerts.export')
      .execute();
    expect(JSON.parse(audit.at(-1)!.details!)).toEqual({ filters: { status: 'closed', kind: 'mass_layoff' }, rows: 1 });
    // The city sees its own area only; the province every alert.
    expect(
      rowsOf((await workbookOf(await get('/api/v1/monitoring/alerts/export', c.nanjing!))).getWorksheet('就业预警')!),
    ).toHaveLength(3);
    expect(
      rowsOf((await workbookOf(await get('/api/v1/monitoring/alerts/export', c.province!))).getWorksheet('就业预警')!),
    ).toHaveLength(4);
  });

  it('exports the audit log of the page’s filters in Chinese, details and IP addresses masked, and audits the export', async () => {
    const actor = { user: null, requestId: 'req-export-1', ip: '10.1.2.3' };
    await appendAudit(
      t.ctx.db,
      t.ctx.dialect,
      actor,
      {
        action: 'personal_data.view',
        outcome: 'success',
        objectType: 'user',
        objectId: 7,
        details: { id_number: ID_NUMBER, phone: PHONE },
      },
      new Date(),
    );
    const response = await get('/api/v1/audit/export?action=personal_data.view', c.auditor!);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    const workbook = await workbookOf(response);
    const rows = rowsOf(workbook.getWorksheet('审计日志')!);
    expect(rows[0]).toEqual([
      '编号',
      '时间',
      '操作人',
      '角色',
      '操作',
      '操作代码',
      '对象',
      '结果',
      '请求号',
      'IP（末段遮盖）',
      '详情（个人信息已遮盖）',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(4, 10)).toEqual([
      '查看完整个人信息',
      'personal_data.view',
      '账号 7',
      '成功',
      'req-export-1',
      '10.1.2.*',
    ]);
    expect(String(rows[1]![1])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(JSON.stringify(rows)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(rows)).not.toContain(PHONE);
    expect(rowsOf(workbook.getWorksheet('说明')!)).toContainEqual(['筛选条件', '操作：查看完整个人信息']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['details', 'actor_role'])
      .where('action', '=', 'audit.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect([audit[0]!.actor_role, JSON.parse(audit[0]!.details!)]).toEqual([
      'auditor',
      { filter: { action: 'personal_data.view' }, rows: 1 },
    ]);
    expect((await get('/api/v1/audit/export', c.province!)).statusCode).toBe(403);
  });

  it('states the allowed values of 结果 in the bank-results template (header note and 填写说明) and in the refusal', async () => {
    const kinds = (await get('/api/v1/imports/kinds', c.province!)).json().items;
    expect(kinds.find((k: { kind: string }) => k.kind === 'bank_results').columns[1]).toEqual({
      header: '结果',
      alias: 'result',
      required: true,
      values: ['成功', '失败'],
    });
    const response = await get('/api/v1/imports/kinds/bank_results/template', c.province!);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('银行拨付结果-导入模板.xlsx'));
    const workbook = await workbookOf(response);
    const sheet = workbook.getWorksheet('银行拨付结果')!;
    expect(rowsOf(sheet)).toEqual([['指令编号', '结果', '银行流水号', '失败原因']]);
    expect(JSON.stringify(sheet.getRow(1).getCell(2).note)).toContain('可填：成功、失败');
    expect(rowsOf(workbook.getWorksheet('填写说明')!)).toContainEqual(['结果', 'result', '必填', '成功、失败']);
    expect(parseBankResultRow({ instruction: '1-1', result: '' })).toEqual({
      ok: false,
      rejects: [expect.objectContaining({ column: '结果', message: '结果不能为空，应填：成功、失败' })],
    });
    expect(JSON.stringify(parseBankResultRow({ instruction: '1-1', result: '退回' }))).toContain(
      '成功、已支付、支付成功、失败、支付失败',
    );
    expect((await get('/api/v1/imports/kinds/no_such_kind/template', c.province!)).json().error.code).toBe(
      'IMPORT_KIND_UNKNOWN',
    );
  });

  it('writes moments in the one form of every page, in Shanghai time', () => {
    expect(beijingMinute('2026-12-15T01:22:59.000Z')).toBe('2026-12-15 09:22');
    expect(beijingMinute(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05');
    expect(beijingMinute(null)).toBeNull();
  });

  it('masks IPv4, mapped IPv4 and IPv6 addresses', () => {
    expect(maskIp('192.168.10.25')).toBe('192.168.10.*');
    expect(maskIp('::ffff:10.0.0.7')).toBe('10.0.0.*');
    expect(maskIp('2001:db8:85a3:0:0:8a2e:370:7334')).toBe('2001:db8:85a3:0:*');
    expect(maskIp(null)).toBeNull();
  });
});
