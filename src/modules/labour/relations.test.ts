import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { buildEnterpriseCells, nextUscc, seedEnterprises } from '../enterprises/enterprises.fixtures.ts';
import { questionnaireOf } from './diagnosis.ts';

/** 柔性执法, 劳动关系体检 and 和谐劳动关系创建 on each database. */
describe.each(testDialects())('labour relations (%s)', (dialect) => {
  let t: TestApp;
  let city: string;
  let wuxi: string;
  let enterprise: string;
  const other = nextUscc('320115');
  const today = todayInShanghai();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    city = (await t.loginAs('city_hrss')).cookie;
    wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    enterprise = (await t.loginAs('enterprise')).cookie;
    await seedEnterprises(t.ctx, [
      buildEnterpriseCells({ uscc: TEST_ENTERPRISE_USCC, name: '南京扬帆测试装备有限公司' }),
      buildEnterpriseCells({ uscc: other, name: '南京另一家科技有限公司' }),
    ]);
  });
  afterAll(() => t.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/labour${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('gives a first minor violation on the list a reminder and no penalty, a repeat the normal way', async () => {
    const first = await send('POST', '/violations', city, {
      uscc: TEST_ENTERPRISE_USCC,
      itemCode: 'L01',
      description: '未建立职工名册',
      foundOn: addDays(today, -10),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      outcome: 'reminder',
      outcomeLabel: '提示提醒，免予处罚',
      itemTitle: '未按规定建立职工名册',
    });
    expect(first.json().reason).toContain('行政处罚法 第三十三条');

    const repeat = await send('POST', '/violations', city, {
      uscc: TEST_ENTERPRISE_USCC,
      itemCode: 'L04',
      description: '工资支付记录未保存',
      foundOn: today,
    });
    expect(repeat.json()).toMatchObject({ outcome: 'normal' });
    expect(repeat.json().reason).toContain('不属于初次违法');

    const offList = await send('POST', '/violations', city, {
      uscc: other,
      description: '拖欠工资三个月',
      foundOn: today,
    });
    expect(offList.json()).toMatchObject({ outcome: 'normal', itemCode: null });
    expect(
      (await send('POST', '/violations', wuxi, { uscc: other, description: '拖欠工资', foundOn: today })).statusCode,
    ).toBe(404);

    const own = (await send('GET', '/violations', enterprise)).json();
    expect(own.total).toBe(2);
    expect(own.items.every((v: { uscc: string }) => v.uscc === TEST_ENTERPRISE_USCC)).toBe(true);
    expect((await send('GET', '/violations?outcome=reminder', city)).json().total).toBe(1);
    expect((await send('GET', '/violations/export', city)).statusCode).toBe(200);
  });

  it('scores a diagnosis per area with advice and legal basis, and shows the city its enterprises at risk', async () => {
    const questionnaire = questionnaireOf();
    const answers = Object.fromEntries(
      questionnaire.areas.flatMap((a) => a.questions.map((q) => [q.code, a.code === 'wages' ? 'no' : 'yes'])),
    );
    expect((await send('POST', '/diagnoses', enterprise, { answers: { C1: 'yes' } })).statusCode).toBe(400);
    const response = await send('POST', '/diagnoses', enterprise, { answers });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.isAtRisk).toBe(true);
    const wages = result.areas.find((a: { code: string }) => a.code === 'wages');
    expect(wages).toMatchObject({ score: 0, isAtRisk: true });
    expect(wages.advice[0].basis).toContain('劳动法 第五十条');
    expect(result.areas.find((a: { code: string }) => a.code === 'contracts')).toMatchObject({
      score: 100,
      advice: [],
    });

    expect((await send('GET', '/diagnoses/mine', enterprise)).json()).toHaveLength(1);
    const results = (await send('GET', '/diagnoses?atRisk=true', city)).json();
    expect(results.items.map((d: { uscc: string }) => d.uscc)).toEqual([TEST_ENTERPRISE_USCC]);
    expect(results.regions[0]).toMatchObject({ enterprises: 1, atRisk: 1 });
    expect((await send('GET', '/diagnoses', wuxi)).json().total).toBe(0);
    expect((await send('GET', '/diagnoses/export', city)).statusCode).toBe(200);
  });

  it('takes a 和谐劳动关系 application once a year and lets the city review it', async () => {
    const applied = await send('POST', '/harmony-applications', enterprise, {
      statement: '全员签订劳动合同，工资按月足额发放，建立了职工申诉渠道。',
    });
    expect(applied.json()).toMatchObject({ state: 'submitted', stateLabel: '待审核' });
    expect(
      (await send('POST', '/harmony-applications', enterprise, { statement: '再次申请，内容不同但同一年度。' }))
        .statusCode,
    ).toBe(409);
    const id = applied.json().id;
    expect((await send('PATCH', `/harmony-applications/${id}`, wuxi, { approve: true, note: '' })).statusCode).toBe(
      404,
    );
    const reviewed = await send('PATCH', `/harmony-applications/${id}`, city, { approve: true, note: '材料齐全' });
    expect(reviewed.json()).toMatchObject({ state: 'approved', stateLabel: '已认定' });
    expect((await send('GET', '/harmony-applications', enterprise)).json()[0].state).toBe('approved');
  });
});
