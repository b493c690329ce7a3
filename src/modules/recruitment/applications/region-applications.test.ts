import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsccForSerial } from '../../../platform/identifiers/uscc.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';
import { registerAndLogin } from '../seekers/seekers.fixtures.ts';

const posting = {
  title: '数控机床装调工程师',
  occupationCode: '2-02-07-01',
  posts: 2,
  salaryMin: 8000,
  salaryMax: 12000,
  education: '大专',
  experience: '1-3年',
  regionCode: '320115',
  address: '江宁区秣周东路 12 号',
  description: '负责数控机床装配与调试，男女不限。',
  validUntil: '2099-12-31',
  tags: ['应届生'],
};

describe.each(testDialects())("officials' view of applications on %s", (dialect) => {
  let t: TestApp;
  let nanjing = '';
  let wuxi = '';
  let province = '';
  let enterprise = '';
  let seeker = '';

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const call = (cookie: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC });
    const wuxiEnterprise = makeUsccForSerial('320214', 33_445_566);
    await insertEnterprise(t.ctx, { uscc: wuxiEnterprise });
    enterprise = (await t.loginAs('enterprise')).cookie;
    const other = (await t.loginAs('enterprise', { uscc: wuxiEnterprise })).cookie;
    nanjing = (await t.loginAs('city_hrss')).cookie;
    wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    province = (await t.loginAs('province_hrss')).cookie;
    const publish = async (cookie: string, city: string, body: object) => {
      const id = (await call(cookie, '/api/v1/job-postings', body)).json().id as number;
      await call(cookie, `/api/v1/job-postings/${id}/submit`);
      await call(city, `/api/v1/job-postings/${id}/review`, { decision: 'approve' });
      return id;
    };
    const inNanjing = await publish(enterprise, nanjing, posting);
    const inWuxi = await publish(other, wuxi, {
      ...posting,
      title: '工业机器人运维员',
      regionCode: '320214',
      address: '新吴区长江路 8 号',
    });
    seeker = await registerAndLogin(t, '13700003333', '陈静');
    t.advance(120_000);
    const second = await registerAndLogin(t, 'zhou.qiang@example.com', '周强');
    for (const [cookie, postingId] of [
      [seeker, inNanjing],
      [second, inNanjing],
      [seeker, inWuxi],
    ] as const)
      expect((await call(cookie, '/api/v1/job-applications', { postingId })).statusCode).toBe(201);
  }, 180_000);
  afterAll(() => t.close());

  it('counts a city’s applications by state per posting, enterprise and county; the province sees every city', async () => {
    const byPosting = (await get(nanjing, '/api/v1/job-applications/region-summary')).json();
    expect(byPosting).toMatchObject({ groupBy: 'posting', total: 2, totals: { submitted: 2 } });
    expect(byPosting.items).toHaveLength(1);
    expect(byPosting.items[0]).toMatchObject({ name: posting.title, total: 2, counts: { submitted: 2, hired: 0 } });
    const byCounty = (await get(nanjing, '/api/v1/job-applications/region-summary?groupBy=county')).json();
    expect(byCounty.items).toEqual([expect.objectContaining({ key: '320115', name: '江宁区', total: 2 })]);
    const byEnterprise = (await get(nanjing, '/api/v1/job-applications/region-summary?groupBy=enterprise')).json();
    expect(byEnterprise.items).toEqual([expect.objectContaining({ key: TEST_ENTERPRISE_USCC, total: 2 })]);

    expect((await get(wuxi, '/api/v1/job-applications/region-summary')).json().total).toBe(1);
    expect((await get(province, '/api/v1/job-applications/region-summary')).json().total).toBe(3);
    expect((await get(province, '/api/v1/job-applications/region-summary?cityCode=320200')).json().total).toBe(1);
  });

  it('lists the region’s applications with applicants masked, audits each view, and keeps cities to their region', async () => {
    const list = await get(nanjing, '/api/v1/job-applications/region');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(2);
    expect(
      list.json().items.map((i: { applicantName: string; contact: string }) => [i.applicantName, i.contact]),
    ).toEqual(
      expect.arrayContaining([
        ['陈*', '137****3333'],
        ['周*', 'z***@example.com'],
      ]),
    );
    expect(list.json().items[0]).toMatchObject({ regionName: '江宁区', statusName: '已投递' });
    expect(list.body).not.toContain('13700003333');
    expect(list.body).not.toContain('陈静');

    // A city never reads another city's applications, asked or not.
    const refused = await get(wuxi, '/api/v1/job-applications/region?cityCode=320100');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('只能查看本地区岗位的应聘情况');
    expect((await get(wuxi, '/api/v1/job-applications/region-summary?cityCode=320100')).statusCode).toBe(403);
    expect((await get(wuxi, '/api/v1/job-applications/region')).json().items).toHaveLength(1);
    expect((await get(province, '/api/v1/job-applications/region?cityCode=320100')).json().total).toBe(2);
    for (const cookie of [enterprise, seeker])
      expect((await get(cookie, '/api/v1/job-applications/region')).statusCode).toBe(403);

    const views = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'job_application.region_view')
      .execute();
    expect(views).toHaveLength(3);
  });

  it('exports the region’s applications to Excel, masked, and audits the export', async () => {
    const file = await get(nanjing, '/api/v1/job-applications/region/export?status=submitted');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.includes(Buffer.from('13700003333'))).toBe(false);
    expect((await get(wuxi, '/api/v1/job-applications/region/export?cityCode=320100')).statusCode).toBe(403);
    const exports = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'job_application.region_export')
      .execute();
    expect(exports).toHaveLength(1);
    expect(JSON.parse(exports[0]!.details as string)).toMatchObject({ rows: 2, total: 2 });
  });
});
