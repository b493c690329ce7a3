import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { buildEnterpriseCells, nextUscc, seedEnterprises } from '../enterprises/enterprises.fixtures.ts';

/** Dispute cases on each database: parties masked, fast track, the collective alert, compensation, similar cases. */
describe.each(testDialects())('劳动争议 cases (%s)', (dialect) => {
  let t: TestApp;
  let nanjing: string;
  let wuxi: string;
  let viewer: string;
  const hengli = nextUscc('320115');
  const expired = nextUscc('320115');
  const today = todayInShanghai();
  const receivedOn = addDays(today, -3);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    nanjing = (await t.loginAs('city_hrss')).cookie;
    wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    viewer = (await t.loginAs('city_hrss', { canViewPersonal: true })).cookie;
    await t.loginAs('province_hrss');
    await seedEnterprises(t.ctx, [
      buildEnterpriseCells({ uscc: hengli, name: '南京恒立精密机械有限公司', valid_until: addDays(today, 700) }),
      buildEnterpriseCells({
        uscc: expired,
        name: '南京旧认定科技有限公司',
        valid_until: addDays(today, -400),
        recognized_on: addDays(today, -1500),
      }),
    ]);
  });
  afterAll(() => t.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/labour${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const body = (overrides: object = {}) => ({
    uscc: hengli,
    kind: 'arbitration',
    receivedOn,
    workersCount: 1,
    claims: '公司违法解除劳动合同，请求支付赔偿金，身份证 320102199001011234',
    claimedAmount: '60000',
    parties: [{ name: '王小明', idNumber: '11010519491231002X' }],
    ...overrides,
  });

  it('records a case with the parties masked, the statutory deadline and the fast track', async () => {
    const response = await send('POST', '/disputes', nanjing, body());
    expect(response.statusCode, response.body).toBe(200);
    const dispute = response.json();
    expect(dispute).toMatchObject({ stage: 'accepted', isFastTrack: true, alertReason: null, kindLabel: '仲裁' });
    expect(dispute.caseNo).toMatch(/^（\d{4}）劳争字第0001号$/);
    expect(dispute.parties).toEqual([{ name: '王**', idNumber: '1101**********002X' }]);
    expect(dispute.claims).not.toContain('320102199001011234');
    expect(dispute.deadline >= addDays(receivedOn, 45)).toBe(true);
    expect(dispute.fastTrackDue <= dispute.deadline).toBe(true);
    expect(dispute.deadlineSteps[0].source).toContain('劳动争议调解仲裁法 第四十三条');
    expect(dispute.deadlineSteps.some((s: { text: string }) => s.text.includes('待核'))).toBe(true);
  });

  it('shows the parties whole only with the personal-data right, and audits that view', async () => {
    const list = (await send('GET', '/disputes', viewer)).json();
    const id = list.items[0].id;
    expect((await send('GET', `/disputes/${id}?whole=true`, nanjing)).statusCode).toBe(403);
    const whole = (await send('GET', `/disputes/${id}?whole=true`, viewer)).json();
    expect(whole.parties[0]).toEqual({ name: '王小明', idNumber: '11010519491231002X' });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'labour_dispute')
      .where('action', '=', 'personal_data.view')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps another city out and gives an expired recognition no fast track', async () => {
    expect((await send('POST', '/disputes', wuxi, body())).statusCode).toBe(404);
    const response = await send('POST', '/disputes', nanjing, body({ uscc: expired }));
    expect(response.json()).toMatchObject({ isFastTrack: false, fastTrackDue: null });
  });

  it('raises a collective-dispute alert to the city and the province through the outbox until closed', async () => {
    const response = await send(
      'POST',
      '/disputes',
      nanjing,
      body({
        workersCount: 35,
        claims: '集体追索拖欠工资和加班费',
        arrearsAmount: '420000',
        parties: [{ name: '李四' }],
      }),
    );
    const dispute = response.json();
    expect(dispute.alertReason).toContain('涉及劳动者 35 人');
    const outbox = await t.ctx.db
      .selectFrom('benefit_outbox')
      .select(['recipient', 'channel'])
      .where('dedupe_key', 'like', `labour-dispute:${dispute.id}:%`)
      .execute();
    // The province official and the two Nanjing city officials, never Wuxi's.
    expect(outbox.length).toBe(3);
    expect(outbox.every((m) => /^official:\d+$/.test(m.recipient) && m.channel === 'sms')).toBe(true);
    const alerts = (await send('GET', '/disputes?alerts=true', nanjing)).json();
    expect(alerts.items.map((d: { id: number }) => d.id)).toEqual([dispute.id]);
    expect((await send('GET', '/disputes?alerts=true', wuxi)).json().total).toBe(0);

    await send('PATCH', `/disputes/${dispute.id}`, nanjing, { action: 'start' });
    expect((await send('PATCH', `/disputes/${dispute.id}`, nanjing, { action: 'close' })).statusCode).toBe(400);
    const closed = await send('PATCH', `/disputes/${dispute.id}`, nanjing, {
      action: 'close',
      outcome: '调解结案，企业分期支付',
    });
    expect(closed.json()).toMatchObject({ stage: 'closed', stageLabel: '已结案' });
    expect((await send('GET', '/disputes?alerts=true', nanjing)).json().total).toBe(0);
  });

  it('stores a compensation calculation with the case and finds similar cases by their words', async () => {
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/labour/average-wages/320100/${Number(today.slice(0, 4)) - 1}`,
      headers: { cookie: nanjing },
      payload: { monthlyWage: '10000.00', source: '南京市统计局 职工平均工资公报（测试）' },
    });
    const first = (await send('GET', '/disputes', nanjing)).json().items.at(-1);
    const calculated = await send('POST', `/disputes/${first.id}/compensation`, nanjing, {
      kind: 'unlawful',
      wage: '8000',
      from: '2020-03-01',
      to: receivedOn,
    });
    expect(calculated.statusCode, calculated.body).toBe(200);
    expect(calculated.json().compensation).toMatchObject({ kind: 'unlawful', is_cap_checked: true });
    expect(calculated.json().compensation.explanation.join('\n')).toContain('第八十七条');

    const similar = await send('POST', '/disputes', nanjing, body({ claims: '违法解除劳动合同，要求支付赔偿金' }));
    const found = (await send('GET', `/disputes/${similar.json().id}/similar`, nanjing)).json();
    // The two recorded cases share these words; the collective one about wages ranks below.
    expect(found.slice(0, 2).map((c: { id: number }) => c.id)).toContain(first.id);
    expect(found[0].sharedTerms).toEqual(expect.arrayContaining(['违法', '解除']));
    expect(found[0].claims).not.toContain('320102199001011234');
  });

  it('exports the list as an Excel file', async () => {
    const response = await send('GET', '/disputes/export', nanjing);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
  });
});
