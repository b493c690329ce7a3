import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { computeIndicators } from '../../monitoring/indicators/indicators.service.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';

describe.each(testDialects())('job fairs on %s', (dialect) => {
  let t: TestApp;
  let city = '';
  let suzhou = '';
  let province = '';
  let enterprise = '';
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const fair = {
    name: '南京市专精特新企业专场招聘会',
    fairDate: today,
    mode: 'onsite',
    place: '南京人才市场',
    organiser: '南京市人力资源和社会保障局',
    regionCode: '320115',
    registrations: 0,
    attendance: 0,
    intentions: 0,
    enterprises: [] as { uscc: string; posts: number }[],
  };

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC });
    city = (await t.loginAs('city_hrss')).cookie;
    suzhou = (await t.loginAs('city_hrss', { username: 'suzhoufairs', regionCode: '320500' })).cookie;
    province = (await t.loginAs('province_hrss')).cookie;
    enterprise = (await t.loginAs('enterprise')).cookie;
  }, 90_000);
  afterAll(() => t.close());

  it('lets a city record a fair in its region only, with its enterprises and figures', async () => {
    const elsewhere = await call(city, 'POST', '/api/v1/job-fairs', { ...fair, regionCode: '320583' });
    expect(elsewhere.statusCode).toBe(400);
    const unknown = await call(city, 'POST', '/api/v1/job-fairs', {
      ...fair,
      enterprises: [{ uscc: '91320000MA1XXXXX0X', posts: 3 }],
    });
    expect(unknown.statusCode).toBe(400);
    const created = await call(city, 'POST', '/api/v1/job-fairs', {
      ...fair,
      enterprises: [{ uscc: TEST_ENTERPRISE_USCC, posts: 5 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ modeName: '线下', cityCode: '320100', enterpriseCount: 1, posts: 5 });
    const id = created.json().id as number;
    const updated = await call(city, 'PUT', `/api/v1/job-fairs/${id}`, {
      ...fair,
      registrations: 320,
      attendance: 260,
      intentions: 48,
      enterprises: [{ uscc: TEST_ENTERPRISE_USCC, posts: 6 }],
    });
    expect(updated.json()).toMatchObject({ registrations: 320, attendance: 260, intentions: 48, posts: 6 });
    expect((await call(suzhou, 'GET', `/api/v1/job-fairs/${id}`)).statusCode).toBe(404);
    expect((await call(suzhou, 'GET', '/api/v1/job-fairs')).json().total).toBe(0);
    expect((await call(province, 'GET', '/api/v1/job-fairs')).json().total).toBe(1);
  });

  it('lets an enterprise sign up with its published postings only', async () => {
    const list = (await call(enterprise, 'GET', '/api/v1/job-fairs?upcoming=true')).json();
    expect(list.items[0]).toMatchObject({ isSignedUp: true });
    const id = list.items[0].id as number;
    const bad = await call(enterprise, 'POST', `/api/v1/job-fairs/${id}/sign-up`, { postingIds: [999] });
    expect(bad.statusCode).toBe(400);
    const signed = await call(enterprise, 'POST', `/api/v1/job-fairs/${id}/sign-up`, { postingIds: [] });
    expect(signed.json()).toMatchObject({ isSignedUp: true });
  });

  it('shows fairs per city and year against the targets, counts them on the dashboard, and exports them', async () => {
    const figures = (await call(province, 'GET', `/api/v1/job-fairs/figures?year=${year}`)).json();
    expect(figures.rows).toHaveLength(13);
    expect(figures.rows.find((r: { cityCode: string }) => r.cityCode === '320100')).toMatchObject({
      cityName: '南京市',
      fairs: 1,
      attendance: 260,
      intentions: 48,
    });
    expect(figures.targets).toMatchObject({ fairs: 100, postings: 10000 });
    const cityFigures = (await call(city, 'GET', `/api/v1/job-fairs/figures?year=${year}`)).json();
    expect(cityFigures.rows.map((r: { cityCode: string }) => r.cityCode)).toEqual(['320100']);

    const report = await computeIndicators(t.ctx, { period: String(year) }, null);
    expect(report.indicators.job_fairs).toMatchObject({ available: true, actual: 1 });

    const file = await call(city, 'GET', '/api/v1/job-fairs/export');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
  });
});
