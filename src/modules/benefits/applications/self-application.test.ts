import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNumber } from '../../../db/convert.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { addPerson, addSpell, buildPolicyWorld, type PolicyWorld } from '../../policy/policy.fixtures.ts';
import { createMatchRun, executeMatchRun } from '../match/match.service.ts';

// Monday 2025-03-03, 10:00 in Shanghai; 社会保险补贴 is matched by year (period 2025, evaluated on 2025-12-31).
const MONDAY = Date.parse('2025-03-03T02:00:00Z');
const POLICY = 'social_insurance_subsidy';

describe.each(testDialects())('an enterprise starts its own 社会保险补贴 application on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  const c = {} as Record<'e3' | 'e1' | 'wuxi' | 'province', string>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    t.ctx.clock = () => new Date(MONDAY);
    // The world of declared-facts.test.ts: 无锡新吴微电子 (E3) hires a 2025 graduate, a registered
    // unemployed person and one outside every target group; E1's 2023 graduate lacks 离校后未就业.
    const graduate = await addPerson(t.ctx, '陈毕业', '2003-04-01');
    const unemployed = await addPerson(t.ctx, '林失业', '1990-01-01');
    const other = await addPerson(t.ctx, '高普通', '1988-08-08');
    await t.ctx.db
      .insertInto('graduates')
      .values({ person_id: graduate, school: '江南大学', degree: 'bachelor', graduated_on: '2025-06-30' })
      .execute();
    await t.ctx.db
      .insertInto('unemployment_registrations')
      .values({ person_id: unemployed, registered_on: '2024-06-01', closed_on: null })
      .execute();
    await t.ctx.db.insertInto('poverty_status').values({ person_id: world.persons.p5, category: 'lifted' }).execute();
    await addSpell(t.ctx, graduate, world.e3, 202507, 202512);
    await addSpell(t.ctx, unemployed, world.e3, 202503, 202512);
    await addSpell(t.ctx, other, world.e3, 202502, 202512);
    for (const [name, role, over] of [
      ['e3', 'enterprise', { uscc: world.e3 }],
      ['e1', 'enterprise', {}],
      ['wuxi', 'city_hrss', { regionCode: '320200' }],
      ['province', 'province_hrss', {}],
    ] as const)
      c[name] = (await t.loginAs(role, over)).cookie;
  }, 60_000);
  afterAll(() => t.close());

  const start = (
    cookie: string,
    body: { policy: string; period: string },
    key = `k-${randomBytes(6).toString('hex')}`,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/benefits/applications',
      headers: { cookie, 'idempotency-key': key },
      payload: body,
    });
  const errorOf = (response: { statusCode: number; json: () => any }) => [
    response.statusCode,
    response.json().error?.code,
    response.json().error?.message,
  ];
  const casesOf = () =>
    t.ctx.db
      .selectFrom('benefit_cases')
      .select(['id', 'uscc', 'state', 'amount_fen', 'awaiting_declaration', 'run_id'])
      .where('policy_code', '=', POLICY)
      .execute();
  let caseId = 0;

  it('shows the enterprise, on its calculator, an application policy open only on facts it declares when applying', async () => {
    // What the 申请 button of the 政策计算器 relies on: delivery `application`, missing facts all declared on application.
    const mine = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/policies/calc/mine?date=2025-12-31',
        headers: { cookie: c.e3 },
      })
    ).json();
    const result = mine.items.find((item: { policy: string }) => item.policy === POLICY);
    expect(result.outcome).toBe('undetermined');
    expect(result.missing_facts.map((f: any) => [f.name, f.declared_on_application])).toEqual([
      ['contract_term', true],
      ['personal_contribution_monthly', true],
    ]);
    const catalogue = (
      await t.app.inject({ method: 'GET', url: '/api/v1/policies', headers: { cookie: c.e3 } })
    ).json();
    expect(catalogue.items.find((item: { code: string }) => item.code === POLICY).delivery).toBe('application');
  });

  it('opens the candidate enterprise its case, waiting for its declarations, with its notice, under a one-enterprise run', async () => {
    const response = await start(c.e3, { policy: POLICY, period: '2025' });
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ is_new: true });
    caseId = answer.case_id;
    const cases = await casesOf();
    expect(
      cases.map((row) => [
        toNumber(row.id),
        row.uscc,
        row.state,
        toNumber(row.amount_fen),
        toNumber(row.awaiting_declaration),
        toNumber(row.run_id),
      ]),
    ).toEqual([[caseId, world.e3, 'matched', 0, 2, answer.run_id]]);
    const [notice] = await t.ctx.db
      .selectFrom('benefit_notices')
      .select('body')
      .where('case_id', '=', caseId)
      .execute();
    expect(notice!.body).toContain('您单位可能符合社会保险补贴（重点群体，2025 年）条件，有 2 名人员待申报');
    const outbox = await t.ctx.db
      .selectFrom('benefit_outbox')
      .select('channel')
      .where('dedupe_key', 'like', `case:${caseId}:matched:%`)
      .orderBy('channel')
      .execute();
    expect(outbox.map((row) => row.channel)).toEqual(['email', 'sms']);
    const run = await t.ctx.db
      .selectFrom('benefit_match_runs')
      .selectAll()
      .where('id', '=', answer.run_id)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({
      policy_code: POLICY,
      period: '2025',
      status: 'completed',
      phase: `enterprise ${world.e3}`,
    });
    expect(JSON.parse(run.summary!)).toMatchObject({
      scope: 'enterprise',
      uscc: world.e3,
      candidates_new: 1,
      awaiting_declaration: 2,
    });
    // The enterprise now sees its case and its rows to declare.
    const declarations = await t.app.inject({
      method: 'GET',
      url: `/api/v1/benefits/cases/${caseId}/declarations`,
      headers: { cookie: c.e3 },
    });
    expect(declarations.json()).toMatchObject({ status: 'awaiting_declaration', summary: { needs_declaration: 2 } });
  });

  it('answers the same case when the enterprise starts again, and the province run adds no second one', async () => {
    const again = await start(c.e3, { policy: POLICY, period: '2025' });
    expect(again.json()).toEqual({ case_id: caseId, is_new: false, run_id: null });
    const summary = (
      await executeMatchRun(t.ctx, systemActor(), await createMatchRun(t.ctx, t.ctx.db, systemActor(), POLICY, '2025'))
    ).summary;
    expect(summary).toMatchObject({ candidates: 1, candidates_new: 0, candidates_unchanged: 1 });
    expect((await casesOf()).map((row) => toNumber(row.id))).toEqual([caseId]);
    expect(
      await t.ctx.db.selectFrom('benefit_notices').select('id').where('case_id', '=', caseId).execute(),
    ).toHaveLength(1);
  });

  it('refuses an enterprise that is not a candidate, naming the data it lacks, and writes nothing', async () => {
    const refused = await start(c.e1, { policy: POLICY, period: '2025' });
    const [status, code, message] = errorOf(refused);
    expect([status, code]).toEqual([422, 'APPLICATION_NOT_CANDIDATE']);
    expect(message).toBe(
      '尚缺少以下数据，暂不能确定是否符合社会保险补贴（重点群体，2025 年）条件（这些数据不能由企业申报，待有关部门数据归集后再试）：离校后至招用前未就业：1 条',
    );
    expect((await casesOf()).map((row) => row.uscc)).toEqual([world.e3]);
  });

  it('refuses a 免申即享 policy, a period outside the validity and another role', async () => {
    expect(errorOf(await start(c.e3, { policy: 'stable_jobs_refund', period: '2025' }))).toEqual([
      422,
      'APPLICATION_NOT_NEEDED',
      '该政策免申即享，无需申请，匹配后会通知您',
    ]);
    expect(errorOf(await start(c.e3, { policy: POLICY, period: '2024' }))).toEqual([
      422,
      'APPLICATION_NOT_CANDIDATE',
      '期间 2024 不在社会保险补贴（重点群体，2025 年）的有效期（2025-01-01 至 2025-12-31）内',
    ]);
    for (const cookie of [c.wuxi, c.province])
      expect(errorOf(await start(cookie, { policy: POLICY, period: '2025' })).slice(0, 2)).toEqual([403, 'FORBIDDEN']);
  });
});
