import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../platform/identifiers/id-number.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';

const URL = '/api/v1/recruitment-campaigns';
const campaign = {
  kind: 'east_west',
  name: '2025 年苏陕劳务协作专场招聘',
  year: 2025,
  regionCode: '320100',
  organiser: '南京市人社局',
  summary: '组织专精特新企业赴陕西开展招聘对接',
  enterprises: 12,
  postings: 80,
  seekers: 600,
  intentions: 90,
  events: [
    { heldOn: '2025-03-10', place: '汉中市人力资源市场', city: '陕西省汉中市', mode: 'onsite' },
    { heldOn: '2025-03-12', place: '苏心聘', city: '南京市', mode: 'online' },
  ],
};

describe.each(testDialects())('recruitment campaigns on %s', (dialect) => {
  let t: TestApp;
  let nanjing = '';
  let suzhou = '';
  let province = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC });
    nanjing = (await t.loginAs('city_hrss')).cookie;
    suzhou = (await t.loginAs('city_hrss', { username: 'suzhou', regionCode: '320500' })).cookie;
    province = (await t.loginAs('province_hrss')).cookie;
  }, 90_000);
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('records a campaign with its events and results; another city neither sees nor edits it', async () => {
    const created = await call(nanjing, 'POST', URL, campaign);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({
      kindName: '东西部劳务协作',
      regionName: '南京市',
      results: { enterprises: 12, intentions: 90, hires: 0 },
      events: [{ city: '陕西省汉中市', modeName: '线下' }, { modeName: '线上' }],
    });
    expect((await call(suzhou, 'GET', `${URL}/${id}`)).statusCode).toBe(404);
    expect((await call(suzhou, 'PUT', `${URL}/${id}`, { ...campaign, regionCode: '320500' })).statusCode).toBe(404);
    const foreign = await call(suzhou, 'POST', URL, campaign);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain('只能登记本市');
    const edited = await call(nanjing, 'PUT', `${URL}/${id}`, { ...campaign, intentions: 95, events: [] });
    expect(edited.json()).toMatchObject({ results: { intentions: 95 }, events: [] });
    expect((await call(province, 'GET', `${URL}?kind=east_west`)).json().total).toBe(1);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'recruitment_campaign.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['recruitment_campaign.create', 'recruitment_campaign.update']);
  });

  it('records hires per person, never showing the ID, and reports them by home province', async () => {
    const id = ((await call(province, 'GET', URL)).json().items[0] as { id: number }).id;
    const shaanxi = makeIdNumber('610702', '1998-05-04', 11);
    const guizhou = makeIdNumber('520102', '1999-01-02', 12);
    const local = makeIdNumber('320102', '2000-07-08', 13);
    for (const [idNumber, name] of [
      [shaanxi, '王小明'],
      [guizhou, '李华'],
      [local, '赵强'],
    ] as const) {
      const hired = await call(nanjing, 'POST', `${URL}/${id}/hires`, {
        idNumber,
        name,
        uscc: TEST_ENTERPRISE_USCC,
        hiredOn: '2025-03-20',
      });
      expect(hired.statusCode, hired.body).toBe(200);
      expect(hired.body).not.toContain(idNumber);
      expect(hired.body).not.toContain(name);
    }
    const twice = await call(nanjing, 'POST', `${URL}/${id}/hires`, {
      idNumber: shaanxi,
      name: '王小明',
      uscc: TEST_ENTERPRISE_USCC,
      hiredOn: '2025-03-21',
    });
    expect(twice.statusCode).toBe(409);
    const bad = await call(nanjing, 'POST', `${URL}/${id}/hires`, {
      idNumber: '610702199805041234',
      name: '错号',
      uscc: TEST_ENTERPRISE_USCC,
      hiredOn: '2025-03-21',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('公民身份号码');

    const detail = (await call(nanjing, 'GET', `${URL}/${id}`)).json();
    expect(detail.results.hires).toBe(3);
    expect(detail.hires.map((h: { name: string; homeProvinceName: string }) => [h.name, h.homeProvinceName])).toEqual(
      expect.arrayContaining([
        ['王**', '陕西省'],
        ['李*', '贵州省'],
        ['赵*', '江苏省'],
      ]),
    );
    const stored = await t.ctx.db.selectFrom('recruitment_campaign_hires').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(shaanxi);

    const report = (await call(province, 'GET', `${URL}/origin-report?year=2025&kind=east_west`)).json();
    expect(report.rows).toEqual([
      { provinceCode: '320000', provinceName: '江苏省', western: false, hires: 1, enterprises: 1 },
      { provinceCode: '520000', provinceName: '贵州省', western: true, hires: 1, enterprises: 1 },
      { provinceCode: '610000', provinceName: '陕西省', western: true, hires: 1, enterprises: 1 },
    ]);
    expect(report.totals).toEqual({ hires: 3, fromOtherProvinces: 2, fromWesternProvinces: 2 });
    expect((await call(suzhou, 'GET', `${URL}/origin-report`)).json().rows).toEqual([]);

    const file = await call(nanjing, 'GET', `${URL}/origin-report/export?campaignId=${id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const exported = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'recruitment_campaign.export')
      .execute();
    expect(exported).toHaveLength(1);
  });

  it('corrects or removes a recorded hire for the official who may edit the campaign, audited, the report following', async () => {
    const id = ((await call(province, 'GET', URL)).json().items[0] as { id: number }).id;
    const report = async () => (await call(province, 'GET', `${URL}/origin-report?campaignId=${id}`)).json();
    const hires = (await call(nanjing, 'GET', `${URL}/${id}`)).json().hires as { id: number; name: string }[];
    const wang = hires.find((h) => h.name === '王**')!;
    const li = hires.find((h) => h.name === '李*')!;
    const employer = { uscc: TEST_ENTERPRISE_USCC, hiredOn: '2025-03-22' };

    // Another city neither corrects nor removes it.
    expect((await call(suzhou, 'PUT', `${URL}/${id}/hires/${wang.id}`, employer)).statusCode).toBe(404);
    expect((await call(suzhou, 'DELETE', `${URL}/${id}/hires/${wang.id}`)).statusCode).toBe(404);

    // The ID was mistyped: re-entered, the home province moves from 陕西 to 甘肃.
    const gansu = makeIdNumber('620102', '1998-05-04', 11);
    const corrected = await call(nanjing, 'PUT', `${URL}/${id}/hires/${wang.id}`, { ...employer, idNumber: gansu });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.body).not.toContain(gansu);
    const moved = corrected.json().hires.find((h: { id: number }) => h.id === wang.id);
    expect(moved).toMatchObject({ name: '王**', homeProvinceName: '甘肃省', hiredOn: '2025-03-22' });
    const provinces = (await report()).rows.map((r: { provinceName: string }) => r.provinceName);
    expect(provinces).toContain('甘肃省');
    expect(provinces).not.toContain('陕西省');

    // An ID that is already another hire of the campaign is refused; a bad one too.
    const clash = await call(nanjing, 'PUT', `${URL}/${id}/hires/${li.id}`, { ...employer, idNumber: gansu });
    expect(clash.statusCode).toBe(409);
    const bad = await call(nanjing, 'PUT', `${URL}/${id}/hires/${li.id}`, {
      ...employer,
      idNumber: '620102199805041234',
    });
    expect(bad.statusCode).toBe(400);

    const removed = await call(province, 'DELETE', `${URL}/${id}/hires/${li.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().results.hires).toBe(2);
    expect((await report()).totals).toEqual({ hires: 2, fromOtherProvinces: 1, fromWesternProvinces: 1 });
    expect((await call(nanjing, 'DELETE', `${URL}/${id}/hires/${li.id}`)).statusCode).toBe(404);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['recruitment_campaign.hire_correct', 'recruitment_campaign.hire_remove'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'recruitment_campaign.hire_correct',
      'recruitment_campaign.hire_remove',
    ]);
    expect(JSON.stringify(audit)).not.toContain(gansu);
  });
});
