import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { assignKeyEnterprise } from '../monitoring.fixtures.ts';
import { buildMonitoringWorld, type MonitoringWorld } from '../monitoring.world.ts';
import { refreshMonitoringAggregates } from '../refresh/refresh.service.ts';

/** The dashboard routes over the hand-counted world, and who sees what (SPEC §1: others get 404). */
describe.each(testDialects())('monitoring routes (%s)', (dialect) => {
  let t: TestApp;
  let w: MonitoringWorld;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await buildMonitoringWorld(t.ctx);
    await refreshMonitoringAggregates(t.ctx);
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.nanjing = (await t.loginAs('city_hrss', { regionCode: '320100' })).cookie;
    cookies.kunshan = (await t.loginAs('city_hrss', { regionCode: '320583' })).cookie;
    cookies.enterpriseA = (await t.loginAs('enterprise', { uscc: w.A })).cookie;
    const commissioner = await t.loginAs('commissioner', { regionCode: '320100' });
    cookies.commissioner = commissioner.cookie;
    const id = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', commissioner.username)
      .executeTakeFirstOrThrow();
    await assignKeyEnterprise(t.ctx, w.A, '320115', Number(id.id));
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const patch = (who: string, url: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url, payload, headers: { cookie: cookies[who]! } });

  it('gives the province the whole province and the same object as the command line', async () => {
    const response = await get('province', '/api/v1/kpi?period=plan');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ period: 'plan', region: '320000' });
    expect(body.indicators.absorbed_insured).toMatchObject({ actual: 8, target: 100_000, unit: '人' });
    expect(body.indicators.job_fairs).toMatchObject({ available: true, actual: 0, target: 100 });
  });

  it('keeps a city official inside their region', async () => {
    const own = (await get('nanjing', '/api/v1/kpi')).json();
    // 南京: A (P1 P5 P6) and D (P16).
    expect(own).toMatchObject({ region: '320100', scope: 'region' });
    expect(own.indicators.absorbed_insured.actual).toBe(4);
    expect((await get('nanjing', '/api/v1/kpi?region=320500')).statusCode).toBe(404);
    expect((await get('nanjing', '/api/v1/monitoring/regions/320500')).statusCode).toBe(404);
    const ranking = (await get('nanjing', '/api/v1/monitoring/ranking?indicator=absorbed_insured')).json();
    expect(ranking.rows.find((r: { code: string }) => r.code === '320115')).toMatchObject({ value: 4, rank: 1 });
    // 昆山's official sees 昆山 only: B with P7.
    expect((await get('kunshan', '/api/v1/kpi')).json().indicators.absorbed_insured.actual).toBe(1);
    expect((await get('kunshan', '/api/v1/kpi?region=320500')).statusCode).toBe(404);
  });

  it('ranks a county among the county-level divisions of its prefecture', async () => {
    const ranking = (await get('kunshan', '/api/v1/monitoring/ranking?indicator=absorbed_insured')).json();
    expect(ranking).toMatchObject({
      region: '320583',
      region_name: '昆山市',
      peer_group: { code: '320500', name: '苏州市' },
    });
    // 苏州's divisions: 吴中 U (P19 P8) 2, 虎丘 C (P12) 1, 昆山 B (P7) 1, the others 0.
    const byCode = new Map(
      ranking.rows.map((r: { code: string; value: number; rank: number }) => [r.code, [r.value, r.rank]]),
    );
    expect(byCode.get('320506')).toEqual([2, 1]);
    expect(byCode.get('320505')).toEqual([1, 2]);
    expect(byCode.get('320583')).toEqual([1, 2]);
    expect(ranking.rows.length).toBeGreaterThan(5);
    // A city's own ranking has no peer group; the figures behind a peer stay out of reach.
    expect(
      (await get('nanjing', '/api/v1/monitoring/ranking?indicator=absorbed_insured')).json().peer_group,
    ).toBeNull();
    expect((await get('kunshan', '/api/v1/monitoring/regions/320506')).statusCode).toBe(404);
  });

  it('drills from a city into its districts and enterprises', async () => {
    const response = await get('province', '/api/v1/monitoring/regions/320500?period=plan&pageSize=1');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.children.map((c: { code: string }) => c.code)).toContain('320583');
    expect(body.children.find((c: { code: string }) => c.code === '320506').values.insured_employees).toBe(4);
    // Monitored in 苏州 on 2024-06-30: U (4 insured) and B (3); one per page, largest first.
    // U's hires in monitored months: P19 (May) and P8 (June); P3 came in March, before U's recognition.
    expect(body.enterprises).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(body.enterprises.items[0]).toMatchObject({ uscc: w.U, insured: 4, hires: 2, absorbed: 2 });
  });

  it('gives an enterprise its own monthly series and nobody else’s', async () => {
    const response = await get('enterpriseA', `/api/v1/monitoring/enterprises/${w.A}/series`);
    expect(response.statusCode).toBe(200);
    const months = response.json().months as {
      period: number;
      insured: number;
      hires: number;
      composition: object;
      separationsByReason: object;
    }[];
    expect(months.map((m) => m.period)).toEqual([202311, 202312, 202401, 202402, 202403, 202404, 202405, 202406]);
    // February: P4 P2 P1 P5; P1 graduated 24 months before (counts), P5 26 months (no); P5's 高级工 only from 05-10.
    expect(months[3]).toMatchObject({
      insured: 4,
      hires: 2,
      composition: { graduates: 1, highSkill: 0, seniorTitle: 0 },
    });
    expect(months[4]).toMatchObject({ composition: { seniorTitle: 1 } }); // P6 副高级 from 2024-01-01
    expect(months[5]).toMatchObject({ insured: 4, separationsByReason: { contract_ended: 1 } });
    expect(months[6]).toMatchObject({ composition: { highSkill: 1 } });
    expect((await get('enterpriseA', `/api/v1/monitoring/enterprises/${w.B}/series`)).statusCode).toBe(404);
    expect((await get('commissioner', `/api/v1/monitoring/enterprises/${w.A}/series`)).statusCode).toBe(200);
    expect((await get('commissioner', `/api/v1/monitoring/enterprises/${w.B}/series`)).statusCode).toBe(404);
    expect((await get('nanjing', `/api/v1/monitoring/enterprises/${w.B}/series`)).statusCode).toBe(404);
  });

  it('lets a commissioner see figures for their enterprises only and no rankings', async () => {
    const own = (await get('commissioner', '/api/v1/kpi')).json();
    expect(own).toMatchObject({ scope: 'assigned' });
    expect(own.indicators.absorbed_insured.actual).toBe(3); // A only: P1 P5 P6
    expect((await get('commissioner', '/api/v1/monitoring/ranking?indicator=absorbed_insured')).statusCode).toBe(403);
  });

  it('lists alerts in scope and runs the assign and close workflow over HTTP', async () => {
    // World alerts: A 规模性减员 2024-04 (P1 of 5 = 20 %), B 停止缴费 2024-06.
    const list = (await get('province', '/api/v1/monitoring/alerts?kind=mass_layoff')).json();
    expect(list.items.map((a: { uscc: string; period: number }) => [a.uscc, a.period])).toEqual([[w.A, 202404]]);
    const id = list.items[0].id as number;
    expect((await get('kunshan', `/api/v1/monitoring/alerts/${id}`)).statusCode).toBe(404);
    expect((await get('nanjing', '/api/v1/monitoring/alerts?kind=contributions_stopped')).json().total).toBe(0);
    expect(
      (await get('kunshan', '/api/v1/monitoring/alerts?kind=contributions_stopped')).json().items[0],
    ).toMatchObject({ uscc: w.B, period: 202406 });
    expect((await patch('nanjing', `/api/v1/monitoring/alerts/${id}`, { action: 'assign' })).json()).toMatchObject({
      status: 'assigned',
      statusLabel: '已分派',
    });
    expect((await patch('commissioner', `/api/v1/monitoring/alerts/${id}`, { action: 'close' })).statusCode).toBe(400);
    const closed = await patch('commissioner', `/api/v1/monitoring/alerts/${id}`, {
      action: 'close',
      note: '已联系企业，属合同到期正常流动',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closeNote: '已联系企业，属合同到期正常流动' });
    const detail = (await get('province', `/api/v1/monitoring/alerts/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['assign', 'close']);
  });
});
