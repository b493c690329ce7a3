import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsccForSerial } from '../../../platform/identifiers/uscc.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';
import { registerAndLogin } from '../seekers/seekers.fixtures.ts';

/** A Beijing wall time this many days from the test clock, as the interview form sends it. */
function beijingIn(t: TestApp, days: number): string {
  return new Date(t.ctx.clock().getTime() + days * 86_400_000 + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

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

describe.each(testDialects())('applications on %s', (dialect) => {
  let t: TestApp;
  let enterprise = '';
  let otherEnterprise = '';
  let seeker = '';
  let otherSeeker = '';
  let postingId = 0;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC });
    const other = makeUsccForSerial('320115', 22_334_455);
    await insertEnterprise(t.ctx, { uscc: other });
    enterprise = (await t.loginAs('enterprise')).cookie;
    otherEnterprise = (await t.loginAs('enterprise', { uscc: other })).cookie;
    const city = (await t.loginAs('city_hrss')).cookie;
    postingId = (await call(enterprise, 'POST', '/api/v1/job-postings', posting)).json().id as number;
    await call(enterprise, 'POST', `/api/v1/job-postings/${postingId}/submit`);
    await call(city, 'POST', `/api/v1/job-postings/${postingId}/review`, { decision: 'approve' });
    seeker = await registerAndLogin(t, '13700001111', '陈静');
    t.advance(120_000);
    otherSeeker = await registerAndLogin(t, '13700002222', '周强');
  }, 120_000);
  afterAll(() => t.close());

  it('lets a seeker apply once to a published posting, and only to published ones', async () => {
    const applied = await call(seeker, 'POST', '/api/v1/job-applications', { postingId });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'submitted', statusName: '已投递', postingTitle: posting.title });
    const twice = await call(seeker, 'POST', '/api/v1/job-applications', { postingId });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('APPLICATION_ALREADY_SUBMITTED');
    const draft = (await call(enterprise, 'POST', '/api/v1/job-postings', posting)).json().id as number;
    expect((await call(seeker, 'POST', '/api/v1/job-applications', { postingId: draft })).statusCode).toBe(404);
    expect((await call(otherSeeker, 'POST', '/api/v1/job-applications', { postingId })).statusCode).toBe(201);
    // Each seeker sees only their own.
    const mine = (await call(otherSeeker, 'GET', '/api/v1/job-applications/mine')).json();
    expect(mine.total).toBe(1);
    // The posting page asks whether this seeker applied to it.
    const here = (await call(seeker, 'GET', `/api/v1/job-applications/mine?postingId=${postingId}`)).json();
    expect(here).toMatchObject({ total: 1, items: [{ postingId, statusName: '已投递' }] });
    expect((await call(seeker, 'GET', `/api/v1/job-applications/mine?postingId=${draft}`)).json().total).toBe(0);
    expect((await call(enterprise, 'GET', '/api/v1/job-applications/mine')).statusCode).toBe(403);
  });

  it('shows the enterprise its applicants masked until the interview invitation, then whole; other enterprises nothing', async () => {
    const list = (await call(enterprise, 'GET', `/api/v1/job-applications?postingId=${postingId}`)).json();
    expect(list.total).toBe(2);
    const chen = list.items.find((i: { phone: string }) => i.phone === '137****1111');
    expect(chen).toMatchObject({ applicantName: '陈*', isRevealed: false, statusName: '已投递' });
    expect((await call(otherEnterprise, 'GET', '/api/v1/job-applications')).json().total).toBe(0);
    expect(
      (await call(otherEnterprise, 'POST', `/api/v1/job-applications/${chen.id}/move`, { to: 'viewed' })).statusCode,
    ).toBe(404);

    const viewed = await call(enterprise, 'POST', `/api/v1/job-applications/${chen.id}/move`, { to: 'viewed' });
    expect(viewed.json()).toMatchObject({ statusName: '已查看', applicantName: '陈*' });
    // An invitation needs its time (still to come), and a place or a link.
    const move = (interview?: object) =>
      call(enterprise, 'POST', `/api/v1/job-applications/${chen.id}/move`, { to: 'interview', interview });
    const refusals = [
      [undefined, '邀请面试须填写面试时间（北京时间）'],
      [{ at: beijingIn(t, -1), place: '公司' }, '已过，请填写今后的时间'],
      [{ at: beijingIn(t, 2) }, '请填写面试地点或线上面试链接（至少一项）'],
      [{ at: beijingIn(t, 2), link: 'meeting.example.cn/123' }, '线上面试链接应以 http:// 或 https:// 开头'],
      [{ at: '2026/12/20 14:00', place: '公司' }, '面试时间格式应为'],
      [{ at: '2099-02-30 14:00', place: '公司' }, '不是有效的日期时间'],
    ] as const;
    for (const [interview, message] of refusals) {
      const refused = await move(interview);
      expect(refused.statusCode, JSON.stringify(interview)).toBe(400);
      expect(refused.json().error.message).toContain(message);
    }
    const at = beijingIn(t, 3);
    const invited = await move({ at, place: '江宁区秣周东路 12 号 3 楼', note: '请携带身份证和毕业证书' });
    expect(invited.json().interview).toMatchObject({
      place: '江宁区秣周东路 12 号 3 楼',
      link: null,
      note: '请携带身份证和毕业证书',
      previous: [],
    });
    expect(new Date(invited.json().interview.at).toISOString()).toBe(
      new Date(`${at.replace(' ', 'T')}:00+08:00`).toISOString(),
    );
    expect(invited.json()).toMatchObject({
      statusName: '面试',
      applicantName: '陈静',
      phone: '13700001111',
      isRevealed: true,
    });
    // Rescheduled: the new arrangement is in force, the earlier one kept; only by its enterprise.
    const later = beijingIn(t, 5);
    const reschedule = { at: later, link: 'https://meeting.example.cn/j/123456', note: '改为线上面试' };
    expect(
      (await call(otherEnterprise, 'POST', `/api/v1/job-applications/${chen.id}/interview`, reschedule)).statusCode,
    ).toBe(404);
    expect((await call(seeker, 'POST', `/api/v1/job-applications/${chen.id}/interview`, reschedule)).statusCode).toBe(
      403,
    );
    const moved = (await call(enterprise, 'POST', `/api/v1/job-applications/${chen.id}/interview`, reschedule)).json();
    expect(moved.interview).toMatchObject({ link: reschedule.link, place: null, note: '改为线上面试' });
    expect(moved.interview.previous).toHaveLength(1);
    expect(moved.interview.previous[0].place).toBe('江宁区秣周东路 12 号 3 楼');
    const seen = (await call(seeker, 'GET', `/api/v1/job-applications/mine?postingId=${postingId}`)).json();
    expect(seen.items[0]).toMatchObject({ statusName: '面试', interview: { link: reschedule.link } });
    expect(seen.items[0].interview.previous).toHaveLength(1);

    const hired = await call(enterprise, 'POST', `/api/v1/job-applications/${chen.id}/move`, { to: 'hired' });
    expect(hired.json()).toMatchObject({ statusName: '录用', nextStates: [] });
    const back = await call(enterprise, 'POST', `/api/v1/job-applications/${chen.id}/move`, { to: 'rejected' });
    expect(back.json().error.code).toBe('APPLICATION_TRANSITION_INVALID');

    const notInterview = await call(enterprise, 'POST', `/api/v1/job-applications/${chen.id}/interview`, reschedule);
    expect(notInterview.statusCode).toBe(409);
    const whole = (await call(enterprise, 'GET', '/api/v1/job-applications?status=hired')).json();
    expect(whole.items[0]).toMatchObject({ applicantName: '陈静', isRevealed: true });
    const mine = (await call(seeker, 'GET', '/api/v1/job-applications/mine')).json();
    expect(mine.items[0]).toMatchObject({ statusName: '录用' });
    const summary = (await call(enterprise, 'GET', '/api/v1/job-applications/summary')).json();
    expect(summary.items[0]).toMatchObject({ postingId, total: 2, counts: { hired: 1, submitted: 1 } });
  });

  it('notifies the seeker of each step through the outbox and audits each change', async () => {
    const messages = await t.ctx.db
      .selectFrom('benefit_outbox')
      .select(['dedupe_key', 'payload'])
      .where('dedupe_key', 'like', 'job-application:%')
      .orderBy('id')
      .execute();
    const titles = messages.map((m) => JSON.parse(m.payload).title as string);
    expect(titles).toEqual(
      expect.arrayContaining([
        '应聘进展：已投递',
        '应聘进展：已查看',
        '应聘进展：面试',
        '应聘进展：面试时间变更',
        '应聘进展：录用',
      ]),
    );
    const bodies = messages.map((m) => JSON.parse(m.payload).body as string);
    const invitation = bodies.find((b) => b.includes('邀请您参加面试'))!;
    expect(invitation).toMatch(
      /时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）；地点：江宁区秣周东路 12 号 3 楼；备注：请携带身份证和毕业证书/,
    );
    expect(bodies.find((b) => b.includes('调整了面试安排'))).toContain(
      '线上面试链接：https://meeting.example.cn/j/123456',
    );
    const actions = (
      await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'job_application.%').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'job_application.submit',
        'job_application.viewed',
        'job_application.interview',
        'job_application.reschedule',
        'job_application.hired',
        'job_application.view_applicants',
      ]),
    );
  });
});
