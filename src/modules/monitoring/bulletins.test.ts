import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { runScheduledBulletins } from './bulletin-scheduler.ts';
import { buildMonitoringWorld } from './monitoring.world.ts';
import { refreshMonitoringAggregates } from './refresh.service.ts';

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
    expect(bulletin).toMatchObject({ period: 202406, regionCode: '320000', regionName: '江苏省', status: 'ready', trigger: 'manual' });
    // May: A 4, B 3, U 3 insured at three monitored enterprises; June adds P8 at U.
    expect(bulletin.summary).toBe('2024年6月，全省监测专精特新企业 3 家，与上月持平；参保职工 11 人，较上月增加 1 人；当月新增参保 1 人、减员 0 人，净增 1 人。');

    const page = await request('province', 'GET', bulletin.links.html);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('江苏省专精特新企业就业监测通报');
    expect(page.body).toContain('计划期以来吸纳就业参保累计 8 人（本月 1 人），完成目标（100,000 人）的 0.0%，时序进度 25.0%；其中高校毕业生、高技能人才、副高级以上专业技术人才占比分别为 25.0%、25.0%、12.5%（目标 15.0%、10.0%、5.0%）。');
    expect(page.body).toContain('本月监测预警：规模性减员 0 家、认定即将到期 0 家、停止缴费 1 家。');
    expect(page.body).toContain('吸纳就业参保累计居前的是 南京市（4 人）、苏州市（不含昆山市）（3 人）、昆山市（1 人）。');
    expect(page.body).toContain('@media print');

    const file = await request('province', 'GET', bulletin.links.xlsx);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['指标', '排名', '预警']);
    expect(workbook.getWorksheet('指标')!.getRow(2).getCell(1).value).toBe('指标');
    // 南京: absorbed P1 P5 P6 P16, of whom P1 a graduate; June insured at A only (D lapsed): 4.
    expect(workbook.getWorksheet('排名')!.getRow(3).values).toEqual([undefined, 1, '320100', '南京市', 4, 0.25, 4, 0, 0]);
    expect(workbook.getWorksheet('预警')!.getRow(3).getCell(4).value).toBe('停止缴费');
  });

  it('keeps city officials to their own region’s bulletins', async () => {
    const province = (await request('province', 'GET', '/api/v1/monitoring/bulletins')).json().items[0];
    expect((await request('nanjing', 'GET', `/api/v1/monitoring/bulletins/${province.id}.html`)).statusCode).toBe(404);
    expect((await request('nanjing', 'POST', '/api/v1/monitoring/bulletins', { period: 202406, region: '320500' })).statusCode).toBe(404);
    const own = await request('nanjing', 'POST', '/api/v1/monitoring/bulletins', { period: 202406 });
    expect(own.json()).toMatchObject({ regionCode: '320100', regionName: '南京市', status: 'ready' });
    // 南京 on 2024-06-30: A only (D lapsed on 03-31), 4 insured.
    expect(own.json().summary).toContain('南京市监测专精特新企业 1 家');
    const listed = (await request('nanjing', 'GET', '/api/v1/monitoring/bulletins')).json();
    expect(listed.items.map((b: { regionCode: string }) => b.regionCode)).toEqual(['320100']);
  });

  it('generates last month’s bulletins once from the 5th, however many processes try', async () => {
    const at = (iso: string): AppContext => ({ ...t.ctx, clock: () => new Date(iso) });
    expect(await runScheduledBulletins(at('2024-07-04T02:00:00.000Z'))).toBe(0);
    const counts = await Promise.all([1, 2, 3].map(() => runScheduledBulletins(at('2024-07-05T02:00:00.000Z'))));
    // The province and the sixteen addressees, each claimed by exactly one runner.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(17);
    expect(await runScheduledBulletins(at('2024-07-20T02:00:00.000Z'))).toBe(0);
    const rows = await t.ctx.db.selectFrom('monitoring_bulletins').select(['region_code', 'status']).where('trigger', '=', 'schedule').where('period', '=', 202406).execute();
    expect(rows).toHaveLength(17);
    expect(new Set(rows.map((r) => r.region_code)).size).toBe(17);
    expect(rows.every((r) => r.status === 'ready')).toBe(true);
  });
});
