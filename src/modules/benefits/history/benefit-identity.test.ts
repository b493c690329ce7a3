import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { findImportKind } from '../../imports/kinds.ts';
import { runImport } from '../../imports/runner.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../../policy/policy.fixtures.ts';
import { settleBenefitIdentities } from './identity-settle.service.ts';
import { createMatchRun, executeMatchRun } from '../match/match.service.ts';

// Money is paid once per benefit: 稳岗返还 once per enterprise and refund year whatever the run's period,
// 技能提升补贴 once per person, occupation and level, and nothing a history record already holds.
describe.each(testDialects())('benefit identity on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  let province = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    province = (await t.loginAs('province_hrss')).cookie;
    t.ctx.clock = () => new Date('2025-07-01T02:00:00Z');
  }, 60_000);
  afterAll(() => t.close());

  const match = async (code: string, period: string) =>
    executeMatchRun(t.ctx, systemActor(), await createMatchRun(t.ctx, t.ctx.db, systemActor(), code, period));
  const cases = (code: string) =>
    t.ctx.db
      .selectFrom('benefit_cases')
      .select(['id', 'period', 'uscc', 'state', 'amount_fen', 'duplicate_of', 'reason'])
      .where('policy_code', '=', code)
      .orderBy('id')
      .execute();
  const calc = async (code: string, uscc: string, date: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/policies/${code}/calc?uscc=${uscc}&date=${date}`,
        headers: { cookie: province },
      })
    ).json();

  it('refunds one enterprise once for a refund year: the runs of 2025 and of 202506 both look at 2024, the second adds no case', async () => {
    const first = await match('stable_jobs_refund', '2025');
    expect(first.summary).toMatchObject({ candidates_new: 1, amount_new_fen: 4_800_000 });
    const second = await match('stable_jobs_refund', '202506');
    expect(second.summary).toMatchObject({ candidates_new: 0, rows_excluded_already_granted: 1, amount_new_fen: 0 });
    expect((await cases('stable_jobs_refund')).map((c) => [c.period, c.uscc])).toEqual([['2025', world.e1]]);
    const held = await t.ctx.db
      .selectFrom('benefit_identities')
      .select(['identity_key'])
      .where('policy_code', '=', 'stable_jobs_refund')
      .execute();
    expect(held.map((h) => h.identity_key)).toEqual([`enterprise:${world.e1}|refund_year:2024`]);
    // The calculator knows it from the system's own case: not eligible again, naming the case.
    const body = await calc('stable_jobs_refund', world.e1, '2025-06-30');
    expect(body).toMatchObject({ outcome: 'ineligible', failed_condition: { id: 'not_refunded_yet' } });
    expect(body.explanation.join('\n')).toMatch(/已就上年度享受稳岗返还：是（已由本系统案件（编号 \d+，2025）享受）/);
  });

  it('makes one case out of many concurrent runs of different periods for the same refund year', async () => {
    await t.ctx.db.deleteFrom('benefit_identities').execute();
    for (const table of ['benefit_case_persons', 'benefit_case_events', 'benefit_notices'] as const)
      await t.ctx.db.deleteFrom(table).execute();
    await t.ctx.db.deleteFrom('benefit_outbox').execute();
    await t.ctx.db.deleteFrom('benefit_cases').execute();
    const periods = ['2025', ...Array.from({ length: 12 }, (_, m) => `2025${String(m + 1).padStart(2, '0')}`)];
    const starts = Array.from({ length: 50 }, (_, i) => periods[i % periods.length]!);
    const outcomes = await Promise.allSettled(starts.map((period) => match('stable_jobs_refund', period)));
    expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
    for (const o of outcomes)
      if (o.status === 'rejected') expect((o.reason as { code?: string }).code).toBe('MATCH_RUN_BUSY');
    const written = await cases('stable_jobs_refund');
    expect(written.map((c) => c.uscc)).toEqual([world.e1]);
  }, 120_000);

  it('pays a higher skills level once, never the same occupation and level twice', async () => {
    // C3 waits for insured months no data gives (its enterprise would not be a candidate): out of this test.
    await t.ctx.db.deleteFrom('skill_certificates').where('certificate_no', '=', 'C3').execute();
    const april = await match('skills_upgrade_subsidy', '202504');
    expect(april.summary).toMatchObject({ candidates_new: 1 });
    // A 高级 车工 certificate for the person paid for 中级 车工 in April.
    await t.ctx.db
      .insertInto('skill_certificates')
      .values({
        certificate_no: 'C9',
        person_id: world.persons.p5,
        occupation_code: '6-18-01-01',
        occupation_name: '车工',
        level: 3,
        issued_on: '2025-06-10',
      })
      .execute();
    const june = await match('skills_upgrade_subsidy', '202506');
    expect(june.summary).toMatchObject({ candidates_new: 1 });
    const paidFor = await t.ctx.db
      .selectFrom('benefit_identities')
      .select('identity_key')
      .where('policy_code', '=', 'skills_upgrade_subsidy')
      .orderBy('identity_key')
      .execute();
    const p5 = paidFor.map((r) => r.identity_key).filter((key) => key.startsWith(`person:${world.persons.p5}|`));
    expect(p5).toEqual([
      `person:${world.persons.p5}|occupation:6-18-01-01|level:3`,
      `person:${world.persons.p5}|occupation:6-18-01-01|level:4`,
    ]);
    // The whole year again: both certificates are held, the second 中级 one (C2) is the same level.
    const year = await match('skills_upgrade_subsidy', '2025');
    expect(year.summary).toMatchObject({ candidates_new: 0 });
    const persons = await t.ctx.db
      .selectFrom('benefit_case_persons')
      .select(['case_id', 'person_id'])
      .where('policy_code', '=', 'skills_upgrade_subsidy')
      .where('person_id', '=', world.persons.p5)
      .execute();
    expect(persons).toHaveLength(2);
  }, 60_000);

  it('reads the imported history: a 稳岗返还 paid by another system turns the calculator to ineligible with the reason', async () => {
    await t.ctx.db.deleteFrom('benefit_identities').where('policy_code', '=', 'stable_jobs_refund').execute();
    expect((await calc('stable_jobs_refund', world.e1, '2025-06-30')).outcome).toBe('eligible');
    const csv = `政策,统一社会信用代码,公民身份号码,享受期间,金额（元）,发放日期,来源系统\n稳岗返还,${world.e1},,2024,48000.00,2025-05-10,江苏省失业保险信息系统\n技能提升补贴,${world.e1},,2024,1500,2025-05-10,某系统\n`;
    const file = join(mkdtempSync(join(tmpdir(), 'yangfan-history-')), 'history.csv');
    writeFileSync(file, csv);
    const runImportText = () => runImport(t.ctx, systemActor('test'), findImportKind('benefit_history')!, file);
    const outcome = await runImportText();
    expect(outcome).toMatchObject({ accepted: 1, rejected: 1 });
    const again = await runImportText();
    expect(again).toMatchObject({ accepted: 0, unchanged: 1 });
    const body = await calc('stable_jobs_refund', world.e1, '2025-06-30');
    expect(body).toMatchObject({ outcome: 'ineligible', failed_condition: { id: 'not_refunded_yet' } });
    expect(body.explanation.join('\n')).toContain(
      '历史享受记录：江苏省失业保险信息系统 2025-05-10 发放（享受期间 2024）',
    );
  });

  it('settles cases written before identities existed: the earliest keeps the benefit, a later live duplicate is cancelled, a paid one is only marked', async () => {
    await t.ctx.db.deleteFrom('benefit_history').execute();
    const [kept, ...rest] = await cases('stable_jobs_refund');
    expect(rest).toEqual([]);
    const run = await t.ctx.db
      .selectFrom('benefit_match_runs')
      .select(['id', 'policy_version_id'])
      .where('policy_code', '=', 'stable_jobs_refund')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const copy = await t.ctx.db
      .selectFrom('benefit_cases')
      .selectAll()
      .where('id', '=', kept!.id)
      .executeTakeFirstOrThrow();
    const { id: _id, ...row } = copy;
    await t.ctx.db.updateTable('benefit_cases').set({ identity_settled: 0 }).execute();
    await t.ctx.db.deleteFrom('benefit_identities').execute();
    // Copies as an old database could hold them: other periods, same refund year (the run's date).
    await t.ctx.db
      .insertInto('benefit_cases')
      .values({
        ...row,
        period: '202601',
        run_id: run.id,
        last_run_id: run.id,
        state: 'matched',
        created_at: '2025-07-02T00:00:00Z',
        identity_settled: 0,
      })
      .execute();
    await t.ctx.db
      .insertInto('benefit_cases')
      .values({
        ...row,
        period: '202602',
        run_id: run.id,
        last_run_id: run.id,
        state: 'paid',
        created_at: '2025-07-03T00:00:00Z',
        identity_settled: 0,
      })
      .execute();
    const summary = await settleBenefitIdentities(t.ctx);
    expect(summary).toMatchObject({ cancelled: 1, duplicatesPaid: 1 });
    const after = await cases('stable_jobs_refund');
    expect(after.map((c) => [c.period, c.state, c.duplicate_of === null ? null : Number(c.duplicate_of)])).toEqual([
      [kept!.period, kept!.state, null],
      ['202601', 'cancelled', Number(kept!.id)],
      ['202602', 'paid', Number(kept!.id)],
    ]);
    expect(after[1]!.reason).toContain(`与案件 #${kept!.id} 为同一待遇（企业 × 返还年度），重复案件已作废`);
    expect(await settleBenefitIdentities(t.ctx)).toMatchObject({ settled: 0 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['benefits.case.cancel', 'benefits.identity.duplicate_paid'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['benefits.case.cancel', 'benefits.identity.duplicate_paid']);
  });
});
