import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';

/** The calculator page's API on each database: the 3× cap reads the figure a city office loaded. */
describe.each(testDialects())('compensation calculator API (%s)', (dialect) => {
  let t: TestApp;
  let city: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    city = (await t.loginAs('city_hrss')).cookie; // 南京 320100
  });
  afterAll(() => t.close());

  const calc = (query: string, cookie = city) =>
    t.app.inject({ method: 'GET', url: `/api/v1/labour/compensation?${query}`, headers: { cookie } });

  it('answers 经济补偿 with its explained steps, the cap unchecked without a region', async () => {
    const response = await calc('kind=severance&wage=12345.67&from=2015-03-01&to=2024-09-30');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ amount_fen: 12_345_670, months: 10, is_cap_checked: false });
    expect(response.json().explanation.at(-1)).toBe(
      '→ 经济补偿 = 10 个月 × 12,345.67 元 = 123,456.70 元（劳动合同法 第四十七条）',
    );
  });

  it('refuses to check the cap against a figure nobody loaded', async () => {
    const response = await calc('kind=severance&wage=40000&from=2010-01-01&to=2024-12-31&region=320115');
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('AVERAGE_WAGE_NOT_LOADED');
    expect(response.json().error.message).toContain('南京市2023年职工月平均工资尚未载入');
  });

  it('caps a county’s high wage by its city’s loaded figure of the year before, and audits the loading', async () => {
    const load = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/labour/average-wages/320100/2023',
      headers: { cookie: city },
      payload: { monthlyWage: '10000.00', source: '南京市统计局 2023年南京市城镇单位就业人员平均工资公报（测试）' },
    });
    expect(load.statusCode).toBe(200);
    expect(load.json()).toMatchObject({ regionCode: '320100', year: 2023, monthlyWageFen: 1_000_000 });
    const response = await calc('kind=unlawful&wage=40000&from=2010-01-01&to=2024-12-31&region=320115');
    expect(response.statusCode).toBe(200);
    // min(15, 12) months × 30,000.00 × 2
    expect(response.json()).toMatchObject({ amount_fen: 72_000_000, months: 12, is_capped: true });
    expect(response.json().average_wage).toMatchObject({ regionCode: '320100', year: 2023 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['object_id'])
      .where('action', '=', 'labour.average_wage.set')
      .execute();
    expect(audit.map((a) => a.object_id)).toEqual(['320100:2023']);
  });

  it('keeps a city to its own region and the calculator to labour officials', async () => {
    const other = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/labour/average-wages/320200/2023',
      headers: { cookie: city },
      payload: { monthlyWage: '9000', source: '无锡市统计局公报' },
    });
    expect(other.statusCode).toBe(404);
    const enterprise = (await t.loginAs('enterprise')).cookie;
    expect((await calc('kind=notice&wage=8000&from=2020-01-01&to=2024-12-31', enterprise)).statusCode).toBe(403);
    const notice = await calc('kind=notice&wage=8000&from=2020-01-01&to=2024-12-31');
    expect(notice.json()).toMatchObject({ amount_fen: 800_000, months: 1 });
  });
});
