import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { buildEnterpriseCells, seedEnterprises } from '../../enterprises/enterprises.fixtures.ts';

describe.each(testDialects())('approved data collections on %s', (dialect) => {
  let t: TestApp;
  let province: string;
  let city: string;
  let enterprise: string;
  const year = new Date().getUTCFullYear();
  const approval = (number: string, validFrom: string, validUntil: string) => ({
    title: '专精特新企业用工情况调查',
    office: '江苏省统计局',
    approvalNumber: number,
    scope: '全省专精特新中小企业',
    sample: '培育库内全部企业',
    frequency: '年报',
    validFrom,
    validUntil,
  });
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    province = (await t.loginAs('province_hrss')).cookie;
    city = (await t.loginAs('city_hrss')).cookie;
    enterprise = (await t.loginAs('enterprise')).cookie;
    await seedEnterprises(t.ctx, [
      buildEnterpriseCells({ uscc: TEST_ENTERPRISE_USCC, name: '江宁精密' }),
      buildEnterpriseCells({ region_code: '320214', name: '无锡新吴精工' }),
    ]);
  });
  afterAll(() => t.close());

  const post = (url: string, cookie: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/governance${url}`, headers: { cookie }, payload });
  const get = (url: string, cookie: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/governance${url}`, headers: { cookie } });

  it('refuses to open a collection without an approval, or with one not valid today, and opens it under a valid one', async () => {
    const draft = await post('/collections', city, {
      kind: 'form',
      title: '南京市企业用工需求摸底',
      year,
      fields: ['本季度计划招聘人数', '最急需的岗位'],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ state: 'draft', isApprovedToday: false, regionCode: '320100' });
    const id = draft.json().id as number;
    const refused = await post(`/collections/${id}/open`, city);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'COLLECTION_NOT_APPROVED' });
    expect(refused.json().error.message).toContain('没有统计调查批准文号');

    expect((await post('/collection-approvals', city, approval('x', '2025-01-01', '2025-12-31'))).statusCode).toBe(403);
    const expired = await post(
      '/collection-approvals',
      province,
      approval('苏统制〔2025〕1号', '2025-01-01', '2025-12-31'),
    );
    expect(expired.statusCode, expired.body).toBe(201);
    expect((await post(`/collections/${id}/approval`, city, { approvalId: expired.json().id })).statusCode).toBe(200);
    const stillRefused = await post(`/collections/${id}/open`, city);
    expect(stillRefused.statusCode).toBe(422);
    expect(stillRefused.json().error.message).toContain('不在有效期内');

    const valid = await post(
      '/collection-approvals',
      province,
      approval('苏统制〔2026〕8号', `${year}-01-01`, `${year}-12-31`),
    );
    expect(valid.json().isValidToday).toBe(true);
    await post(`/collections/${id}/approval`, city, { approvalId: valid.json().id });
    const opened = await post(`/collections/${id}/open`, city);
    expect(opened.statusCode, opened.body).toBe(200);
    // Sent to 南京's enterprises only.
    expect(opened.json()).toMatchObject({ state: 'open', recipients: 1, approvalNumber: '苏统制〔2026〕8号' });

    const forms = (await get('/forms', enterprise)).json().items;
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ id, approvalNumber: '苏统制〔2026〕8号', approvalOffice: '江苏省统计局' });
    const incomplete = await post(`/forms/${id}/answers`, enterprise, { answers: { 本季度计划招聘人数: '12' } });
    expect(incomplete.statusCode).toBe(400);
    const answered = await post(`/forms/${id}/answers`, enterprise, {
      answers: { 本季度计划招聘人数: '12', 最急需的岗位: '数控车工' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().answeredAt).not.toBeNull();

    const burden = (await get(`/collections/burden?year=${year}`, province)).json();
    expect(burden).toMatchObject({ enterprises: 1, collections: 1, sent: 1 });
    expect(burden.items[0]).toMatchObject({ uscc: TEST_ENTERPRISE_USCC, received: 1, answered: 1 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('action', '=', 'governance.collection.open')
      .execute();
    expect(audit.map((a) => a.outcome).sort()).toEqual(['denied', 'denied', 'success']);
  });

  it('keeps collections to their region: a city cannot open the province’s, an enterprise only sees what it received', async () => {
    const provinceDraft = await post('/collections', province, {
      kind: 'form',
      title: '全省调查',
      year,
      fields: ['问题'],
    });
    expect((await post(`/collections/${provinceDraft.json().id}/open`, city)).statusCode).toBe(404);
    expect(
      (await post(`/forms/${provinceDraft.json().id}/answers`, enterprise, { answers: { 问题: '答' } })).statusCode,
    ).toBe(404);
    expect((await post('/collections', city, { kind: 'shortage_survey', title: '调查', year })).statusCode).toBe(403);
  });
});
