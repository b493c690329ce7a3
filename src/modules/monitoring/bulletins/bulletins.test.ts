import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../app-context.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { runScheduledBulletins } from './bulletin-scheduler.ts';
import { buildMonitoringWorld } from '../monitoring.world.ts';
import { refreshMonitoringAggregates } from '../refresh/refresh.service.ts';

/** The monthly 通报 of the hand-counted world: generated on demand and on schedule, as Excel and as a page. */
describe.each(testDialects())('monitoring bulletins (%s)', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await buildMonitoringWorld(t.ctx);
    await refreshMonitoringAggregates(t.ctx);
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.nanjing = (await t.loginAs('city_hrss', { regionCode: '320100' })).cookie;
  });
  afterAll(() => t.close());

  const request = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

  it('generates the province bulletin with the month’s text, a workbook and a printable page', async () => {
    const created = await request('province', 'POST', '/api/v1/monitoring/bulletins', { period: 202406 });
    expect(created.statusCode).toBe(201);
    const bulletin = created.json();
    expect(bulletin).toMatchObject({
      period: 202406,
      regionCode: '320000',
      regionName: '江苏省',
      status: 'ready',
      trigger: 'manual',
    });
    // May: A 4, B 3, U 3 insured at three monitored enterprises; June adds P8 at U.
    expect(bulletin.summary).toBe(
      '2024年6月，全省监测专精特新企业 3 家，与上月持平；参保职工 11 人，较上月增加 1 人；当月新增参保 1 人、减员 0 人，净增 1 人。',
    );

    const page = await request('province', 'GET', bulletin.links.html);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('江苏省专精特新企业就业监测通报');
    expect(page.body).toContain(
      '计划期以来吸纳就业参保累计 8 人（本月 1 人），完成目标（100,000 人）的 0.0%，时序进度 25.0%；其中高校毕业生、高技能人才、副高级以上专业技术人才占比分别为 25.0%、25.0%、12.5%（目标 15.0%、10.0%、5.0%）。',
    );
    expect(page.body).toContain('本月监测预警：规模性减员 0 家、认定即将到期 0 家、停止缴费 1 家。');
    expect(page.body).toContain(
      '吸纳就业参保累计居前的是 南京市（4 人）、苏州市（不含昆山市）（3 人）、昆山市（1 人）。',
    );
    expect(page.body).toContain('@media print');

    const file = await request('province', 'GET', bulletin.links.xlsx);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['指标', '排名', '预警']);
    expect(workbook.getWorksheet('指标')!.getRow(2).getCell(1).value).toBe('指标');
    // 南京: absorbed P1 P5 P6 P16, of whom P1 a graduate; June insured at A only (D lapsed): 4.
    expect(workbook.getWorksheet('排名')!.getRow(3).values).toEqual([
      undefined,
      1,
      '320100',
      '南京市',
      4,
      0.25,
      4,
      0,
      0,
    ]);
    expect(workbook.getWorksheet('预警')!.getRow(3).getCell(4).value).toBe('停止缴费');
  });

  it('keeps city officials to their own region’s bulletins', async () => {
    const province = (await request('province', 'GET', '/api/v1/monitoring/bulletins')).json().items[0];
    expect((await request('nanjing', 'GET', `/api/v1/monitoring/bulletins/${province.id}.html`)).statusCode).toBe(404);
    expect(
      (await request('nanjing', 'POST', '/api/v1/monitoring/bulletins', { period: 202406, region: '320500' }))
        .statusCode,
    ).toBe(404);
    const own = await request('nanjing', 'POST', '/api/v1/monitoring/bulletins', { period: 202406 });
    expect(own.json()).toMatchObject({ regionCode: '320100', regionName: '南京市', status: 'ready' });
    // 南京 on 2024-06-30: A only (D lapsed on 03-31), 4 insured.
    expect(own.json().summary).toContain('南京市监测专精特新企业 1 家');
    const listed = (await request('nanjing', 'GET', '/api/v1/monitoring/bulletins')).json();
    expect(listed.items.map((b: { regionCode: string }) => b.regionCode)).toEqual(['320100']);
  });

  it('generates last month’s bulletins once from the 5th, however many processes try, for the regions with data', async () => {
    const at = (iso: string): AppContext => ({ ...t.ctx, clock: () => new Date(iso) });
    expect(await runScheduledBulletins(at('2024-07-04T02:00:00.000Z'))).toBe(0);
    const counts = await Promise.all([1, 2, 3].map(() => runScheduledBulletins(at('2024-07-05T02:00:00.000Z'))));
    // June 2024 has monitored enterprises in 南京 (A), 苏州 without 昆山 (U) and 昆山 (B): the province and
    // these three, each claimed by exactly one runner; the other thirteen addressees have no data.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(await runScheduledBulletins(at('2024-07-20T02:00:00.000Z'))).toBe(0);
    const rows = await t.ctx.db
      .selectFrom('monitoring_bulletins')
      .select(['region_code', 'status'])
      .where('trigger', '=', 'schedule')
      .where('period', '=', 202406)
      .execute();
    expect(rows.map((r) => r.region_code).sort()).toEqual(['320000', '320100', '320500', '320583']);
    expect(rows.every((r) => r.status === 'ready')).toBe(true);
  });

  it('generates no bulletin for a month without data, neither on schedule nor on demand', async () => {
    const at = (iso: string): AppContext => ({ ...t.ctx, clock: () => new Date(iso) });
    // The data end with June 2024: July's bulletins are not made.
    expect(await runScheduledBulletins(at('2024-08-05T02:00:00.000Z'))).toBe(0);
    expect(
      await t.ctx.db.selectFrom('monitoring_bulletins').select('id').where('period', '=', 202407).execute(),
    ).toEqual([]);
    const refused = await request('province', 'POST', '/api/v1/monitoring/bulletins', { period: 202407 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      '2024年7月江苏省暂无监测数据（监测数据截至2024年6月），不生成通报；请在数据导入后再生成。',
    );
    // 无锡 has no monitored enterprise in June either.
    expect(
      (await request('province', 'POST', '/api/v1/monitoring/bulletins', { period: 202406, region: '320200' }))
        .statusCode,
    ).toBe(409);
  });

  it('lists the latest generated first and filters by year, month and region on the server, hiding empty months', async () => {
    const may = (
      await request('province', 'POST', '/api/v1/monitoring/bulletins', { period: 202405, region: '320500' })
    ).json();
    const list = async (query: string) =>
      (await request('province', 'GET', `/api/v1/monitoring/bulletins?${query}`)).json();
    // A bulletin for an earlier month, generated last, heads the list.
    expect((await list('pageSize=1')).items[0]).toMatchObject({
      id: may.id,
      period: 202405,
      regionName: '苏州市',
      hasData: true,
    });

    const june = await list('year=2024&month=6&pageSize=200');
    expect(june.items.every((b: { period: number }) => b.period === 202406)).toBe(true);
    expect(june.total).toBe(june.items.length);
    expect((await list('year=2024&month=5')).items.map((b: { id: number }) => b.id)).toEqual([may.id]);
    expect((await list('month=5')).total).toBe(1);
    expect((await list('year=2023')).total).toBe(0);
    const suzhou = await list('region=320500&pageSize=200');
    expect(new Set(suzhou.items.map((b: { regionCode: string }) => b.regionCode))).toEqual(new Set(['320500']));
    expect(suzhou.items.map((b: { period: number }) => b.period)).toEqual([202405, 202406]);
    // Paginated: the total stays, the page holds at most pageSize rows.
    const first = await list('year=2024&pageSize=2&page=1');
    const second = await list('year=2024&pageSize=2&page=2');
    expect(first.total).toBe(second.total);
    expect(first.items).toHaveLength(2);
    expect(second.items[0].id).toBeLessThan(first.items[1].id);

    // An empty bulletin stored before they were refused is hidden unless asked for.
    await t.ctx.db
      .insertInto('monitoring_bulletins')
      .values({
        period: 202312,
        region_code: '320200',
        region_name: '无锡市',
        trigger: 'schedule',
        schedule_key: '202312:320200',
        status: 'ready',
        summary: '2023年12月无锡市暂无监测数据。',
        has_data: 0,
        created_by: null,
        created_at: '2024-01-05T02:00:00.000Z',
        claimed_at: '2024-01-05T02:00:00.000Z',
      })
      .execute();
    expect((await list('year=2023')).total).toBe(0);
    expect((await list('year=2023&includeEmpty=true')).items).toMatchObject([{ regionName: '无锡市', hasData: false }]);
    // A city official's filter stays inside the city.
    const nanjing = (await request('nanjing', 'GET', '/api/v1/monitoring/bulletins?region=320500')).json();
    expect(nanjing.total).toBe(0);
  });
});
