import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkdays, addWorkdaysProvisional } from '../../platform/calendar.ts';
import { toDayNumber, todayInShanghai } from '../../platform/iso-date.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { buildEnterpriseCells, seedEnterprises } from '../enterprises/enterprises.fixtures.ts';
import { dueNoticeOn, sendDeadlineNotices } from './deadline-notices.ts';

describe('the notice due on a day, on the official calendar', () => {
  // 2024 National Day: 10-01…10-07 off, Sunday 09-29 a 调休 working day; deadline Tuesday 10-08.
  const deadline = '2024-10-08';
  it('reminds 3 and 1 working days before the deadline, across the holiday and the 调休 Sunday', () => {
    expect(addWorkdays(deadline, -3)).toBe('2024-09-27');
    expect(addWorkdays(deadline, -1)).toBe('2024-09-30');
    expect(dueNoticeOn('2024-09-20', deadline, '2024-09-26')).toBeNull();
    expect(dueNoticeOn('2024-09-20', deadline, '2024-09-27')).toEqual({ kind: 'reminder', workdays: 3 });
    expect(dueNoticeOn('2024-09-20', deadline, '2024-09-29')).toEqual({ kind: 'reminder', workdays: 3 });
    expect(dueNoticeOn('2024-09-20', deadline, '2024-09-30')).toEqual({ kind: 'reminder', workdays: 1 });
    expect(dueNoticeOn('2024-09-20', deadline, '2024-10-05')).toEqual({ kind: 'reminder', workdays: 1 });
    expect(dueNoticeOn('2024-09-20', deadline, deadline)).toEqual({ kind: 'reminder', workdays: 1 });
    expect(dueNoticeOn('2024-09-20', deadline, '2024-10-09')).toEqual({ kind: 'late' });
  });
  it('skips a reminder whose day was not after the opening', () => {
    expect(dueNoticeOn('2024-09-27', deadline, '2024-09-29')).toBeNull();
    expect(dueNoticeOn('2024-09-27', deadline, '2024-09-30')).toEqual({ kind: 'reminder', workdays: 1 });
    expect(dueNoticeOn('2024-09-30', deadline, '2024-10-08')).toBeNull();
  });
});

/** Working days on the calendar (a year it does not cover yet counted Monday to Friday). */
const workdaysFrom = (day: string, n: number) => addWorkdaysProvisional(day, n).value;

describe.each(testDialects())('notices of collections and 调度 rounds through the outbox on %s', (dialect) => {
  let t: TestApp;
  let province: string;
  let city: string;
  let enterprise: string;
  const year = new Date().getUTCFullYear();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    province = (await t.loginAs('province_hrss')).cookie;
    city = (await t.loginAs('city_hrss')).cookie;
    enterprise = (await t.loginAs('enterprise')).cookie;
    await t.loginAs('city_hrss', { regionCode: '320200' });
    await seedEnterprises(t.ctx, [
      buildEnterpriseCells({ uscc: TEST_ENTERPRISE_USCC, name: '江宁精密' }),
      buildEnterpriseCells({ region_code: '320115', name: '江宁智造' }),
    ]);
  });
  afterAll(() => t.close());

  const post = (url: string, cookie: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/governance${url}`, headers: { cookie }, payload });
  const keys = async (prefix: string) =>
    (
      await t.ctx.db
        .selectFrom('benefit_outbox')
        .select('dedupe_key')
        .where('dedupe_key', 'like', `${prefix}%`)
        .orderBy('dedupe_key')
        .execute()
    ).map((r) => r.dedupe_key);
  /** Moves the clock to the day (Asia/Shanghai) and runs the job twice, as two processes or a rerun would. */
  const runOn = async (day: string) => {
    t.advance((toDayNumber(day) - toDayNumber(todayInShanghai(t.ctx.clock))) * 24 * 3600 * 1000);
    await Promise.all([sendDeadlineNotices(t.ctx), sendDeadlineNotices(t.ctx)]);
    await sendDeadlineNotices(t.ctx);
  };

  it('tells the enterprises when a collection is sent, reminds those that have not answered, and tells the office when it is late', async () => {
    const today = todayInShanghai(t.ctx.clock);
    const deadline = workdaysFrom(today, 6);
    const approval = await post('/collection-approvals', province, {
      title: '企业用工调查',
      office: '江苏省统计局',
      approvalNumber: '苏统制〔2026〕21号',
      scope: '南京市',
      sample: '全部企业',
      frequency: '一次性',
      validFrom: `${year}-01-01`,
      validUntil: `${year + 1}-12-31`,
    });
    const draft = await post('/collections', city, {
      kind: 'form',
      title: '南京市用工摸底',
      year,
      fields: ['计划招聘人数'],
      deadline,
      approvalId: approval.json().id,
    });
    const id = draft.json().id as number;
    expect((await post(`/collections/${id}/open`, city)).statusCode).toBe(200);
    const sent = await keys(`collection:${id}:sent:`);
    expect(sent).toHaveLength(4); // two enterprises, SMS and e-mail
    const payload = await t.ctx.db
      .selectFrom('benefit_outbox')
      .select(['payload', 'recipient'])
      .where('dedupe_key', '=', `collection:${id}:sent:${TEST_ENTERPRISE_USCC}:sms`)
      .executeTakeFirstOrThrow();
    expect(payload.recipient).toBe(`enterprise:${TEST_ENTERPRISE_USCC}`);
    expect(JSON.parse(payload.payload).body).toContain('苏统制〔2026〕21号');
    expect((await post(`/forms/${id}/answers`, enterprise, { answers: { 计划招聘人数: '3' } })).statusCode).toBe(200);

    await runOn(workdaysFrom(deadline, -4));
    expect(await keys(`collection:${id}:remind`)).toHaveLength(0);
    await runOn(workdaysFrom(deadline, -3));
    const reminded = await keys(`collection:${id}:remind:3:`);
    expect(reminded).toHaveLength(2); // only the enterprise that has not answered
    expect(reminded.some((k) => k.includes(TEST_ENTERPRISE_USCC))).toBe(false);
    await runOn(workdaysFrom(deadline, -1));
    expect(await keys(`collection:${id}:remind:1:`)).toHaveLength(2);
    await runOn(deadline);
    expect(await keys(`collection:${id}:remind`)).toHaveLength(4);
    expect(await keys(`collection:${id}:late`)).toHaveLength(0);
    await runOn(workdaysFrom(deadline, 1));
    const late = await keys(`collection:${id}:late`);
    // The enterprise by SMS and e-mail, the city official who sent it by SMS; once, however often the job runs.
    expect(late).toHaveLength(3);
    expect(late.filter((k) => k.includes(':official:'))).toHaveLength(1);
  });

  it('tells the cities when a round opens, reminds the units that have not returned and marks those late', async () => {
    province = (await t.loginAs('province_hrss')).cookie;
    city = (await t.loginAs('city_hrss')).cookie;
    const opened = await post('/dispatch-rounds', province, { title: '月度调度', period: String(year) });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json();
    const open = await keys(`dispatch:${round.id}:open:official:`);
    expect(open.length).toBeGreaterThanOrEqual(3); // every 南京 and 无锡 city official
    const outbox = await t.app.inject({
      method: 'GET',
      url: '/api/v1/benefits/outbox',
      headers: { cookie: province },
    });
    expect(outbox.json().items.map((i: { subject: string }) => i.subject)).toContain('工作调度：月度调度');

    const returned = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/governance/dispatch-rounds/${round.id}/return`,
      headers: { cookie: city },
      payload: { answers: { commissioner_visits: '走访 3 家', progress_and_problems: '推进中' } },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    await runOn(workdaysFrom(round.deadline, -1));
    const reminders = await keys(`dispatch:${round.id}:remind:1:`);
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((k) => k.startsWith(`dispatch:${round.id}:remind:1:320200:`))).toBe(true);
    await runOn(workdaysFrom(round.deadline, 1));
    const late = await keys(`dispatch:${round.id}:late:`);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((k) => k.startsWith(`dispatch:${round.id}:late:320200:`))).toBe(true);
  });
});
