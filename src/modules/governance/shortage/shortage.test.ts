import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../../policy/policy.fixtures.ts';

describe.each(testDialects())('急需紧缺职业 survey to catalogue on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  const cookies: Record<string, string> = {};
  const year = new Date().getUTCFullYear();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    // A second certificate of P8 (insured at 无锡 E3 since 2024-01): B 类 中级, 1,200 元 before any uplift.
    await t.ctx.db
      .insertInto('skill_certificates')
      .values({
        certificate_no: 'C5',
        person_id: world.persons.p8,
        occupation_code: '4-04-05-01',
        occupation_name: '计算机程序设计员',
        level: 4,
        issued_on: '2025-05-10',
      })
      .execute();
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    cookies.nanjing = (await t.loginAs('city_hrss')).cookie;
    cookies.e3 = (await t.loginAs('enterprise', { uscc: world.e3 })).cookie;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
  const skills = async () =>
    (
      await call('GET', `/policies/skills_upgrade_subsidy/calc?uscc=${world.e3}&date=2025-06-30`, cookies.province!)
    ).json();

  it('takes a survey round from its approval to a published catalogue that gives 无锡’s +20 % uplift', async () => {
    const before = await skills();
    const c5 = before.rows.find((r: { certificate_no: string }) => r.certificate_no === 'C5');
    expect(c5).toMatchObject({ outcome: 'undetermined' });
    expect(c5.missing_facts.map((m: { name: string }) => m.name)).toContain('is_shortage_occupation');

    const approval = await call('POST', '/governance/collection-approvals', cookies.province!, {
      title: '江苏省急需紧缺职业（工种）调查',
      office: '江苏省统计局',
      approvalNumber: '苏统制〔2026〕21号',
      scope: '全省专精特新中小企业',
      sample: '培育库内全部企业',
      frequency: '年报',
      validFrom: `${year}-01-01`,
      validUntil: `${year}-12-31`,
    });
    const survey = await call('POST', '/governance/collections', cookies.province!, {
      kind: 'shortage_survey',
      title: '2025 年急需紧缺职业（工种）调查',
      year: 2025,
      approvalId: approval.json().id,
    });
    expect(survey.statusCode, survey.body).toBe(201);
    const id = survey.json().id as number;
    const early = await call('PUT', `/governance/forms/${id}/shortage`, cookies.e3!, {
      positions: [{ occupationCode: '6-18-01-01', headcount: 3, urgency: 'high' }],
    });
    expect(early.statusCode).toBe(404); // not sent yet
    expect((await call('POST', `/governance/collections/${id}/open`, cookies.province!)).json()).toMatchObject({
      state: 'open',
      recipients: 3,
    });

    const unknown = await call('PUT', `/governance/forms/${id}/shortage`, cookies.e3!, {
      positions: [{ occupationCode: '9-99-99-99', headcount: 3, urgency: 'high' }],
    });
    expect(unknown.statusCode).toBe(400);
    const reported = await call('PUT', `/governance/forms/${id}/shortage`, cookies.e3!, {
      positions: [
        { occupationCode: '6-18-01-01', headcount: 8, urgency: 'high' },
        { occupationCode: '4-04-05-01', headcount: 2, urgency: 'medium', note: '嵌入式方向' },
      ],
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json().items).toHaveLength(2);

    const wuxi = (await call('GET', `/governance/collections/${id}/shortage`, cookies.wuxi!)).json();
    expect(wuxi.items.map((r: { occupationName: string }) => r.occupationName)).toEqual(['计算机程序设计员', '车工']);
    expect(wuxi.summary).toContainEqual(
      expect.objectContaining({ cityCode: '320200', occupationCode: '6-18-01-01', headcount: 8, urgent: 1 }),
    );
    expect((await call('GET', `/governance/collections/${id}/shortage`, cookies.nanjing!)).json().items).toEqual([]);

    expect(
      (await call('POST', '/governance/shortage-catalogues', cookies.wuxi!, { collectionId: id, cityCode: '320200' }))
        .statusCode,
    ).toBe(403);
    const published = await call('POST', '/governance/shortage-catalogues', cookies.province!, {
      collectionId: id,
      cityCode: '320200',
    });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ cityCode: '320200', year: 2025, cityName: '无锡市' });
    expect(
      published
        .json()
        .occupations.map((o: { code: string }) => o.code)
        .sort(),
    ).toEqual(['4-04-05-01', '6-18-01-01']);
    const again = await call('POST', '/governance/shortage-catalogues', cookies.province!, {
      collectionId: id,
      cityCode: '320200',
    });
    expect(again.statusCode).toBe(409);

    // 1,200 元 × 120 % = 1,440 元 (under the 中级 cap of 1,500 元); C4 (车工 技师) is now known too.
    const after = await skills();
    const byNo = Object.fromEntries(after.rows.map((r: { certificate_no: string }) => [r.certificate_no, r]));
    expect(byNo.C5).toMatchObject({
      outcome: 'eligible',
      amount_fen: 144_000,
      facts: { is_shortage_occupation: true },
    });
    expect(byNo.C4).toMatchObject({ outcome: 'eligible' });
    expect(byNo.C5.explanation.join('')).toContain('20%');
  });
});
