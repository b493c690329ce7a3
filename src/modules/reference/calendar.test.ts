import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installLoadedCalendarYears } from '../../platform/calendar.ts';
import { forgetInstalledCalendar } from './calendar-store.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { publicityUntilOf, reviewDeadlineOf } from '../benefits/cases/review-clock.ts';
import { syncPolicyCatalogue } from '../policy/catalogue/catalogue.service.ts';
import { insertEnterprise } from '../workforce/test-factories.ts';

// Test data, not the official 2027 arrangement: no notice for 2027 had been published when this was written.
const FIXTURE = readFileSync(new URL('../../test/fixtures/calendar-2027-test-data.yaml', import.meta.url), 'utf8');
const CORRECTED = FIXTURE.replace('  - { date: 2027-01-01, name: 测试假日 }', '  - { from: 2027-01-01, to: 2027-01-04, name: 测试假日 }');

describe.each(testDialects())('the working-day calendar as data on %s', (dialect) => {
  let t: TestApp;
  // Moving the clock expires sessions: each role signs in again on each new day.
  const sessions = new Map<string, string>();
  const signedIn = async (role: 'sysadmin' | 'city_hrss') => {
    const key = `${role}@${t.ctx.clock().toISOString().slice(0, 10)}`;
    if (!sessions.has(key)) sessions.set(key, (await t.loginAs(role)).cookie);
    return sessions.get(key)!;
  };
  const admin = 'sysadmin' as const;
  const city = 'city_hrss' as const;
  const cases: Record<'review' | 'publicity', number> = { review: 0, publicity: 0 };
  const setToday = (iso: string) => t.advance(Date.parse(`${iso}T02:00:00Z`) - t.ctx.clock().getTime());

  beforeAll(async () => {
    forgetInstalledCalendar();
    installLoadedCalendarYears([]);
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC, name: '南京扬帆装备有限公司' });
    const version = await t.ctx.db.selectFrom('policy_versions').select('id').where('code', '=', 'stable_jobs_refund').executeTakeFirstOrThrow();
    const runId = Number((await t.ctx.db.insertInto('benefit_match_runs').values({
      policy_code: 'stable_jobs_refund', policy_version_id: version.id, version_no: 1, period: '2026', eval_date: '2026-12-01', snapshot: '{}',
      status: 'completed', phase: 'done', summary: null, error: null, started_by: null, started_at: '2026-12-01T00:00:00.000Z', finished_at: null, heartbeat_at: null,
    }).returning('id').executeTakeFirstOrThrow()).id);
    // Before 2027 is loaded: a review confirmed on 2026-12-15 and a 公示 opened on 2026-12-28 both end provisionally.
    const review = reviewDeadlineOf('2026-12-15');
    const publicity = publicityUntilOf('2026-12-28');
    expect([review, publicity]).toEqual([{ date: '2027-01-12', isProvisional: true }, { date: '2027-01-04', isProvisional: true }]);
    for (const [key, state, period] of [['review', 'confirmed', '2026'], ['publicity', 'approved', '2025']] as const) {
      cases[key] = Number((await t.ctx.db.insertInto('benefit_cases').values({
        policy_code: 'stable_jobs_refund', period, uscc: TEST_ENTERPRISE_USCC, enterprise_name: '南京扬帆装备有限公司', region_code: '320115', city_code: '320100', state,
        amount_fen: 100, is_amount_changed: 0, explanation: '[]', policy_version_id: version.id, run_id: runId, last_run_id: runId,
        bank_name: null, bank_account: null, account_holder: null, review_started_on: '2026-12-15',
        review_deadline: state === 'confirmed' ? review.date : null, review_deadline_provisional: state === 'confirmed' ? 1 : 0,
        approved_by: null, released_by: null, publicity_from: state === 'approved' ? '2026-12-28' : null, publicity_until: state === 'approved' ? publicity.date : null,
        publicity_until_provisional: state === 'approved' ? 1 : 0, reason: null, created_at: '2026-12-15T00:00:00.000Z', updated_at: '2026-12-15T00:00:00.000Z',
      }).returning('id').executeTakeFirstOrThrow()).id);
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
    forgetInstalledCalendar();
    installLoadedCalendarYears([]);
  });

  const get = async (url: string, role: 'sysadmin' | 'city_hrss') => t.app.inject({ method: 'GET', url, headers: { cookie: await signedIn(role) } });
  const load = async (text: string, role: 'sysadmin' | 'city_hrss' = admin) => t.app.inject({
    method: 'POST', url: '/api/v1/reference/calendar/years', headers: { cookie: await signedIn(role) }, payload: { text, file_name: '2027.yaml' },
  });
  const caseRow = (id: number) => t.ctx.db.selectFrom('benefit_cases').select(['review_deadline', 'review_deadline_provisional', 'publicity_until', 'publicity_until_provisional']).where('id', '=', id).executeTakeFirstOrThrow();

  it('reminds the administrator from 1 November that next year is missing', async () => {
    setToday('2026-10-31');
    expect((await get('/api/v1/reference/calendar', admin)).json().reminder).toMatchObject({ next_year: 2027, is_due: false, is_next_year_covered: false });
    setToday('2026-12-07');
    const calendar = (await get('/api/v1/reference/calendar', admin)).json();
    expect(calendar).toMatchObject({ package: { first_year: 2004, last_year: 2026 }, years: [] });
    expect(calendar.reminder).toMatchObject({ next_year: 2027, reminder_from: '2026-11-01', is_due: true, message: expect.stringContaining('2027 年节假日安排尚未录入') });
  });

  it('shows a provisional deadline as such and counts it in the overdue report, said apart', async () => {
    setToday('2026-12-21');
    const clock = (await get(`/api/v1/benefits/cases/${cases.review}`, city)).json().review_clock;
    expect(clock).toMatchObject({ deadline: '2027-01-12', days_left: 16, limit_workdays: 20, is_provisional: true, provisional_year: 2027 });
    setToday('2027-01-20');
    expect((await get('/api/v1/benefits/review/overdue', city)).json().items).toEqual([{ city_code: '320100', overdue: 1, provisional: 1 }]);
    expect((await get('/api/v1/benefits/cases?overdue=true', city)).json().total).toBe(1);
    setToday('2026-12-07');
  });

  it('refuses a bad file with the problems in Chinese, and anyone but the system administrator', async () => {
    const bad = await load('year: 2027\nholidays: [{ date: 2027-13-01 }]\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'CALENDAR_FILE_INVALID', message: expect.stringContaining('缺少 document_number') });
    expect((await load(FIXTURE, city)).statusCode).toBe(403);
    expect(await t.ctx.db.selectFrom('calendar_years').select('id').execute()).toEqual([]);
  });

  it('loads a year, audited, and recomputes the provisional deadlines on it', async () => {
    const response = await load(FIXTURE);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ year: 2027, version: 1, document_number: '测试用〔2026〕1号', holidays: 6, workdays: 1, is_unchanged: false, recomputed: { reviews: 1, publicity: 1 } });
    expect(await caseRow(cases.review)).toMatchObject({ review_deadline: '2027-01-13', review_deadline_provisional: 0 });
    expect(await caseRow(cases.publicity)).toMatchObject({ publicity_until: '2027-01-05', publicity_until_provisional: 0 });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'object_type', 'object_id', 'details']).where('action', '=', 'calendar.year.load').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ object_type: 'calendar_year', object_id: '2027' });
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ version: 1, previous_version: null, document_number: '测试用〔2026〕1号', file_name: '2027.yaml' });
    expect((await get('/api/v1/tools/workdays/add?date=2026-12-15&n=20', city)).json()).toEqual({ date: '2027-01-13' });
    const calendar = (await get('/api/v1/reference/calendar', admin)).json();
    expect(calendar.reminder).toMatchObject({ is_due: false, is_next_year_covered: true });
    const clock = (await get(`/api/v1/benefits/cases/${cases.review}`, city)).json().review_clock;
    expect(clock).toMatchObject({ deadline: '2027-01-13', is_provisional: false, provisional_year: null });
  });

  it('keeps the history on a reload: the same file changes nothing, a corrected one is version 2', async () => {
    expect((await load(FIXTURE)).json()).toMatchObject({ version: 1, is_unchanged: true });
    const corrected = (await load(CORRECTED)).json();
    expect(corrected).toMatchObject({ version: 2, holidays: 9, is_unchanged: false, recomputed: { reviews: 1, publicity: 1 } });
    expect(await caseRow(cases.review)).toMatchObject({ review_deadline: '2027-01-14', review_deadline_provisional: 0 });
    const [year] = (await get('/api/v1/reference/calendar', admin)).json().years;
    expect(year.current).toMatchObject({ version: 2, is_current: true });
    expect(year.versions.map((v: { version: number; is_current: boolean; superseded_at: string | null }) => [v.version, v.is_current, v.superseded_at !== null])).toEqual([[2, true, false], [1, false, true]]);
    const actions = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'calendar.year.load').orderBy('id').execute();
    expect(actions.map((a) => JSON.parse(a.details!).version)).toEqual([1, 2]);
  });
});
