import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { buildEnterpriseCells, nextUscc, seedEnterprises } from './enterprises.fixtures.ts';

describe.each(testDialects())('enterprise register routes on %s', (dialect) => {
  let t: TestApp;
  let province: string;
  const today = todayInShanghai();
  const ids = {
    own: TEST_ENTERPRISE_USCC,
    xuanwu: nextUscc('320102'),
    expired: nextUscc('320115'),
    expiring: nextUscc('320115'),
    wuxi: nextUscc('320214'),
    suzhou: nextUscc('320500'),
  };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    province = (await t.loginAs('province_hrss')).cookie;
    await seedEnterprises(t.ctx, [
      buildEnterpriseCells({
        uscc: ids.own,
        name: '南京扬帆智能装备有限公司',
        phone: '13912345678',
        recognized_on: '2024-01-15',
        valid_until: addDays(today, 400),
      }),
      buildEnterpriseCells({
        uscc: ids.xuanwu,
        name: '玄武软件科技有限公司',
        region_code: '320102',
        tier: '小巨人',
        industry_code: '65',
        size: '小型',
        valid_until: addDays(today, 400),
      }),
      buildEnterpriseCells({
        uscc: ids.expired,
        name: '江宁过期测试有限公司',
        recognized_on: '2019-01-01',
        valid_until: '2022-01-01',
      }),
      buildEnterpriseCells({
        uscc: ids.expiring,
        name: '江宁临期测试有限公司',
        recognized_on: '2023-01-01',
        valid_until: addDays(today, 30),
      }),
      buildEnterpriseCells({
        uscc: ids.wuxi,
        name: '无锡新吴微电子有限公司',
        region_code: '320214',
        tier: '创新型',
        industry_code: '39',
        size: '微型',
      }),
      buildEnterpriseCells({ uscc: ids.suzhou, name: '苏州园区测试有限公司', region_code: '320576' }),
    ]);
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const usccsOf = async (url: string, cookie: string) => {
    const response = await get(url, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as { uscc: string }[]).map((i) => i.uscc).sort();
  };

  it('lists the whole register for the province, filtered by region, tier, industry, size and text', async () => {
    const all = await get('/api/v1/enterprises', province);
    expect(all.json()).toMatchObject({ total: 6, page: 1, pageSize: 20 });
    expect(await usccsOf('/api/v1/enterprises?region=320100', province)).toEqual(
      [ids.own, ids.xuanwu, ids.expired, ids.expiring].sort(),
    );
    expect(await usccsOf('/api/v1/enterprises?region=320102', province)).toEqual([ids.xuanwu]);
    expect(await usccsOf('/api/v1/enterprises?tier=little_giant', province)).toEqual([ids.xuanwu]);
    expect(await usccsOf('/api/v1/enterprises?industry=I', province)).toEqual([ids.xuanwu]);
    expect(await usccsOf('/api/v1/enterprises?industry=39', province)).toEqual([ids.wuxi]);
    expect(await usccsOf('/api/v1/enterprises?industry=manufacturing', province)).toHaveLength(5);
    expect(await usccsOf('/api/v1/enterprises?size=micro', province)).toEqual([ids.wuxi]);
    expect(await usccsOf('/api/v1/enterprises?q=玄武', province)).toEqual([ids.xuanwu]);
    expect(await usccsOf(`/api/v1/enterprises?q=${ids.wuxi.slice(0, 12).toLowerCase()}`, province)).toEqual([ids.wuxi]);
    const page = await get('/api/v1/enterprises?page=2&pageSize=4', province);
    expect(page.json()).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(page.json().items).toHaveLength(2);
  });

  it('keeps only enterprises holding a valid recognition on validOn', async () => {
    const past = await usccsOf('/api/v1/enterprises?validOn=2021-06-01', province);
    expect(past).toEqual([ids.expired]);
    expect(await usccsOf(`/api/v1/enterprises?validOn=${today}`, province)).not.toContain(ids.expired);
    expect(await usccsOf('/api/v1/enterprises?validOn=2021-06-01&tier=srdi', province)).toEqual([ids.expired]);
    expect(await usccsOf('/api/v1/enterprises?validOn=2021-06-01&tier=little_giant', province)).toEqual([]);
  });

  it('refuses a region that is not a Jiangsu division and a malformed filter', async () => {
    expect((await get('/api/v1/enterprises?region=110108', province)).json().error.code).toBe('INVALID_REGION');
    expect((await get('/api/v1/enterprises?industry=zz', province)).statusCode).toBe(400);
    expect((await get('/api/v1/enterprises?validOn=2023-02-30', province)).json().error.code).toBe('INVALID_DATE');
  });

  it('shows the detail with history, validity against the cited window and the phone masked', async () => {
    const own = await get(`/api/v1/enterprises/${ids.own}`, province);
    expect(own.json()).toMatchObject({
      uscc: ids.own,
      tier: 'srdi',
      tierLabel: '专精特新中小企业',
      regionName: '江宁区',
      cityName: '南京市',
      industryName: '通用设备制造业',
      contactName: '张敏',
      contactPhone: '139****5678',
      validity: { status: 'valid', warningDays: 90 },
      recognitions: [{ tier: 'srdi', recognizedOn: '2024-01-15', source: 'test' }],
      keyEnterprise: null,
    });
    expect(own.body).not.toContain('13912345678');
    expect((await get(`/api/v1/enterprises/${ids.expiring}`, province)).json().validity).toEqual({
      status: 'expiring',
      daysLeft: 30,
      warningDays: 90,
    });
    expect((await get(`/api/v1/enterprises/${ids.expired}`, province)).json().validity.status).toBe('expired');
    expect((await get(`/api/v1/enterprises/${ids.suzhou}`, province)).json()).toMatchObject({
      regionCode: '320500',
      cityName: '苏州市',
    });
  });

  it('narrows every view to the caller: a city, an enterprise, a commissioner, the public', async () => {
    const wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    expect(await usccsOf('/api/v1/enterprises', wuxi)).toEqual([ids.wuxi]);
    expect((await get(`/api/v1/enterprises/${ids.own}`, wuxi)).statusCode).toBe(404);
    expect((await get(`/api/v1/enterprises/${ids.wuxi}`, wuxi)).statusCode).toBe(200);
    expect(await usccsOf('/api/v1/enterprises?region=320100', wuxi)).toEqual([]);
    const nanjing = (await t.loginAs('city_hrss')).cookie;
    expect(await usccsOf('/api/v1/enterprises', nanjing)).toHaveLength(4);
    const enterprise = (await t.loginAs('enterprise')).cookie;
    expect(await usccsOf('/api/v1/enterprises', enterprise)).toEqual([ids.own]);
    expect((await get(`/api/v1/enterprises/${ids.xuanwu}`, enterprise)).statusCode).toBe(404);
    expect((await get(`/api/v1/enterprises/${ids.own.toLowerCase()}`, enterprise)).json().uscc).toBe(ids.own);
    const commissioner = (await t.loginAs('commissioner')).cookie;
    expect(await usccsOf('/api/v1/enterprises', commissioner)).toEqual([]);
    expect((await get(`/api/v1/enterprises/${ids.own}`, commissioner)).statusCode).toBe(404);
    const anyone = (await t.loginAs('public')).cookie;
    expect((await get('/api/v1/enterprises', anyone)).statusCode).toBe(403);
    expect((await get(`/api/v1/enterprises/${ids.own}`, anyone)).statusCode).toBe(403);
  });

  it('shows the contact phone whole only with the right, audited, and never across scopes', async () => {
    const url = `/api/v1/enterprises/${ids.own}/contact-phone`;
    const entitled = (await t.loginAs('province_hrss', { canViewPersonal: true })).cookie;
    expect((await get(url, entitled)).json()).toEqual({ contactName: '张敏', phone: '13912345678' });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'personal_data.view')
      .where('object_id', '=', ids.own)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ object_type: 'enterprise.contact_phone', outcome: 'success' });
    expect((await get(url, province)).json().error.code).toBe('PERSONAL_DATA_RIGHT_REQUIRED');
    const wuxi = (await t.loginAs('city_hrss', { regionCode: '320200', canViewPersonal: true })).cookie;
    expect((await get(url, wuxi)).statusCode).toBe(404);
  });

  it('exports the filtered list as an Excel file with Chinese headers, audited', async () => {
    const response = await get('/api/v1/enterprises/export?region=320100&validOn=2024-06-01', province);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('专精特新企业名录'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 10)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '梯度类型',
      '认定日期',
      '有效期至',
      '所在地区代码',
      '行业代码',
      '企业规模',
      '联系人',
      '联系电话（脱敏）',
    ]);
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i += 1) rows.push((sheet.getRow(i).values as unknown[]).slice(1));
    expect(rows.map((r) => r[0]).sort()).toEqual([ids.own, ids.xuanwu, ids.expiring].sort());
    const own = rows.find((r) => r[0] === ids.own)!;
    expect(own).toEqual(
      expect.arrayContaining(['南京扬帆智能装备有限公司', '专精特新中小企业', '139****5678', '江宁区', '有效']),
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'enterprises.export')
      .execute();
    expect(JSON.parse(audit.at(-1)!.details!)).toEqual({
      filters: { region: '320100', validOn: '2024-06-01' },
      rows: 3,
    });
  });

  it('exports only what the caller may see', async () => {
    const enterprise = (await t.loginAs('enterprise')).cookie;
    const response = await get('/api/v1/enterprises/export', enterprise);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(ids.own);
  });
});
