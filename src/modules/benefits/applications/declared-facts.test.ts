import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNumber } from '../../../db/convert.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { addPerson, addSpell, buildPolicyWorld, type PolicyWorld } from '../../policy/policy.fixtures.ts';
import { createMatchRun, executeMatchRun } from '../match/match.service.ts';

// Monday 2025-03-03, 10:00 in Shanghai. The match of period 2025 evaluates on 2025-12-31.
const MONDAY = Date.parse('2025-03-03T02:00:00Z');
const ACCOUNT = {
  bank_name: '中国银行无锡新吴支行',
  bank_account: '6216610000005678',
  account_holder: '无锡新吴微电子有限公司',
};
const PDF = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(800)]);
const CONTRACT = 'contract_term';
const CONTRIBUTION = 'personal_contribution_monthly';

/** A multipart body with one file in the field `file`. */
function multipart(fileName: string, bytes: Buffer) {
  const boundary = `----yangfan${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(testDialects())('社会保险补贴 with facts the enterprise declares on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  let caseId = 0;
  const c = {} as Record<'e3' | 'e1' | 'wuxi' | 'nanjing' | 'province', string>;
  const people = {} as Record<'graduate' | 'unemployed' | 'other', number>;
  const key = (person: number) => `person:${person}`;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    t.ctx.clock = () => new Date(MONDAY);
    // 无锡新吴微电子 (小型, manufacturing) hires in 2025: a 2025 graduate (July–December: 6 months paid),
    // a person registered unemployed since 2024-06 (9 months before the March hire; March–December: 10
    // months) and one outside every target group. The poverty registry is on file (one row elsewhere).
    people.graduate = await addPerson(t.ctx, '陈毕业', '2003-04-01');
    people.unemployed = await addPerson(t.ctx, '林失业', '1990-01-01');
    people.other = await addPerson(t.ctx, '高普通', '1988-08-08');
    await t.ctx.db
      .insertInto('graduates')
      .values({ person_id: people.graduate, school: '江南大学', degree: 'bachelor', graduated_on: '2025-06-30' })
      .execute();
    await t.ctx.db
      .insertInto('unemployment_registrations')
      .values({ person_id: people.unemployed, registered_on: '2024-06-01', closed_on: null })
      .execute();
    await t.ctx.db.insertInto('poverty_status').values({ person_id: world.persons.p5, category: 'lifted' }).execute();
    await addSpell(t.ctx, people.graduate, world.e3, 202507, 202512);
    await addSpell(t.ctx, people.unemployed, world.e3, 202503, 202512);
    await addSpell(t.ctx, people.other, world.e3, 202502, 202512);
    for (const [name, role, over] of [
      ['e3', 'enterprise', { uscc: world.e3 }],
      ['e1', 'enterprise', {}],
      ['wuxi', 'city_hrss', { regionCode: '320200' }],
      ['nanjing', 'city_hrss', {}],
      ['province', 'province_hrss', {}],
    ] as const)
      c[name] = (await t.loginAs(role, over)).cookie;
  }, 60_000);
  afterAll(() => t.close());

  const send = (method: 'GET' | 'PUT' | 'POST', url: string, cookie: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'idempotency-key': `k-${randomBytes(6).toString('hex')}` }) },
      ...(payload ? { payload: payload as object } : {}),
    });
  const declare = (rows: { key: string; values: Record<string, unknown> }[], cookie = c.e3) =>
    send('PUT', `/api/v1/benefits/cases/${caseId}/declarations`, cookie, { rows });
  const declarations = (cookie = c.e3) => send('GET', `/api/v1/benefits/cases/${caseId}/declarations`, cookie);
  const apply = () => send('POST', `/api/v1/benefits/cases/${caseId}/apply`, c.e3, ACCOUNT);
  const errorOf = (response: { statusCode: number; json: () => any }) => [
    response.statusCode,
    response.json().error?.code,
  ];
  const rowOf = (body: any, person: number) => body.rows.find((row: { key: string }) => row.key === key(person));
  const match = async () =>
    (
      await executeMatchRun(
        t.ctx,
        systemActor(),
        await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'social_insurance_subsidy', '2025'),
      )
    ).summary;

  it('makes a candidate only of the enterprise whose rows wait for nothing but declarable facts, asking it to declare', async () => {
    // E3: two rows wait for 劳动合同期限 and 个人月缴; E1's 2023 graduate also lacks 离校后未就业 (not declarable): no case.
    expect(await match()).toMatchObject({ candidates: 1, candidates_new: 1, amount_new_fen: 0 });
    const cases = await t.ctx.db
      .selectFrom('benefit_cases')
      .select(['id', 'uscc', 'state', 'amount_fen'])
      .where('policy_code', '=', 'social_insurance_subsidy')
      .execute();
    expect(cases.map((row) => [row.uscc, row.state, toNumber(row.amount_fen)])).toEqual([[world.e3, 'matched', 0]]);
    caseId = toNumber(cases[0]!.id);
    const [notice] = await t.ctx.db
      .selectFrom('benefit_notices')
      .select('body')
      .where('case_id', '=', caseId)
      .execute();
    expect(notice!.body).toContain(
      '您单位可能符合社会保险补贴（重点群体，2025 年）条件，有 2 名人员待申报。请登录申报劳动合同期限（以「劳动合同」为证）',
    );
    expect(notice!.body).not.toContain('预计可获');
    expect(await match()).toMatchObject({
      candidates: 1,
      candidates_new: 0,
      candidates_unchanged: 1,
      amount_changed: 0,
    });
    // The enterprise's case list says how many persons wait, without opening the case.
    const listed = (await send('GET', '/api/v1/benefits/cases', c.e3)).json().items;
    expect(listed.map((item: any) => [item.id, item.awaiting_declaration])).toEqual([[caseId, 2]]);
  });

  it('shows the enterprise, its city and the province each row with the person masked and what it still needs', async () => {
    const body = (await declarations()).json();
    expect(body).toMatchObject({
      takes_declarations: true,
      is_editable: true,
      status: 'awaiting_declaration',
      amount_fen: null,
      eligible_amount_fen: 0,
      summary: { rows: 3, eligible: 0, ineligible: 1, needs_declaration: 2, undetermined: 0 },
    });
    expect(
      body.fields.map((f: any) => [f.fact, f.label, f.type, f.values, f.proved_by.map((p: any) => p.name)]),
    ).toEqual([
      [CONTRACT, '劳动合同期限', 'text', ['不满一年', '一年以上', '无固定期限'], ['劳动合同']],
      [CONTRIBUTION, '个人每月缴纳的养老、医疗、失业保险费', 'money', null, ['个人缴费明细']],
    ]);
    const graduate = rowOf(body, people.graduate);
    expect(graduate).toMatchObject({
      status: 'needs_declaration',
      is_declarable: true,
      needs: [CONTRACT, CONTRIBUTION],
      describe: { hire_period: 202507 },
      person: { name: '陈**' },
    });
    expect(graduate.person.id_number).toMatch(/^3201\*{10}\d{3}[\dX]$/);
    expect(rowOf(body, people.other)).toMatchObject({ status: 'ineligible', is_declarable: false, needs: [] });
    for (const cookie of [c.wuxi, c.province]) expect((await declarations(cookie)).statusCode).toBe(200);
    for (const cookie of [c.e1, c.nanjing]) expect(errorOf(await declarations(cookie))).toEqual([404, 'NOT_FOUND']);
    expect(errorOf(await declare([{ key: key(people.graduate), values: { [CONTRACT]: '一年以上' } }], c.e1))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    expect(errorOf(await declare([{ key: key(people.graduate), values: { [CONTRACT]: '一年以上' } }], c.wuxi))).toEqual(
      [403, 'FORBIDDEN'],
    );
  });

  it('refuses values it cannot take, naming each problem, and stores nothing then', async () => {
    const refused = await declare([
      { key: key(people.graduate), values: { [CONTRACT]: '两年', [CONTRIBUTION]: -10 } },
      { key: key(people.unemployed), values: { months_contributed: 12 } },
      { key: key(people.other), values: { [CONTRACT]: '一年以上' } },
      { key: 'person:999999', values: { [CONTRACT]: '一年以上' } },
    ]);
    expect(errorOf(refused)).toEqual([400, 'VALIDATION_FAILED']);
    const shown = (await declarations()).json();
    const [graduate, unemployed, other] = [people.graduate, people.unemployed, people.other]
      .map((p) => rowOf(shown, p).person)
      .map((p) => `${p.name}（${p.id_number}）`);
    expect(refused.json().error.details.problems).toEqual([
      `${graduate}：劳动合同期限应为以下之一：不满一年、一年以上、无固定期限；却是 "两年"`,
      `${graduate}：个人每月缴纳的养老、医疗、失业保险费不能为负数`,
      `${unemployed}：「months_contributed」不是本政策可申报的事实（可申报：劳动合同期限、个人每月缴纳的养老、医疗、失业保险费）`,
      `${other}：按现有数据已能确定结果，无需申报`,
      '第 4 行（person:999999）：不是本案件的人员',
    ]);
    expect(graduate).toMatch(/^陈\*\*（3201\*{10}\d{3}[\dX]）$/);
    expect(await t.ctx.db.selectFrom('benefit_declared_facts').selectAll().execute()).toEqual([]);
  });

  it('refuses to submit while a person waits for a declaration, naming the person masked', async () => {
    const partial = await declare([
      { key: key(people.graduate), values: { [CONTRACT]: '一年以上', [CONTRIBUTION]: 525 } },
    ]);
    expect(partial.statusCode, partial.body).toBe(200);
    // 525.00 × 25% = 131.25 元 a month × 6 months = 787.50 元.
    expect(partial.json()).toMatchObject({
      status: 'awaiting_declaration',
      eligible_amount_fen: 78_750,
      summary: { eligible: 1, needs_declaration: 1 },
    });
    expect(rowOf(partial.json(), people.graduate)).toMatchObject({ status: 'eligible', amount_fen: 78_750 });
    expect((await send('GET', `/api/v1/benefits/cases/${caseId}`, c.e3)).json().awaiting_declaration).toBe(1);
    const refused = await apply();
    expect(errorOf(refused)).toEqual([422, 'DECLARATION_INCOMPLETE']);
    expect(refused.json().error.message).toMatch(
      /^还有 1 条待申报：林\*\*（3201\*{10}\d{3}[\dX]）。请填写劳动合同期限、个人每月缴纳的养老、医疗、失业保险费后再提交$/,
    );
  });

  it('refuses the application when the declared values make the case ineligible, with the reason', async () => {
    const none = await declare([
      { key: key(people.graduate), values: { [CONTRACT]: '不满一年' } },
      { key: key(people.unemployed), values: { [CONTRACT]: '不满一年' } },
    ]);
    expect(none.json()).toMatchObject({ status: 'ineligible', eligible_amount_fen: 0 });
    const refused = await apply();
    expect(errorOf(refused)).toEqual([422, 'DECLARATION_INELIGIBLE']);
    expect(refused.json().error.message).toContain(
      '按申报的数据不符合社会保险补贴（重点群体，2025 年）条件：不符合「属于重点群体」：1 条；不符合「签订 1 年以上劳动合同」：2 条',
    );
    expect((await send('GET', `/api/v1/benefits/cases/${caseId}`, c.e3)).json()).toMatchObject({
      state: 'matched',
      amount_fen: 0,
    });
  });

  it('re-evaluates to the exact amount with corrected values, says which values the enterprise declared, and submits', async () => {
    const saved = await declare([
      { key: key(people.graduate), values: { [CONTRACT]: '一年以上' } },
      { key: key(people.unemployed), values: { [CONTRACT]: '无固定期限', [CONTRIBUTION]: '333.33' } },
    ]);
    // 333.33 × 25% = 83.3325 → 83.33 元 a month × 10 months = 833.30 元; with 787.50 元: 1,620.80 元.
    expect(saved.json()).toMatchObject({
      status: 'eligible',
      amount_fen: 162_080,
      summary: { eligible: 2, ineligible: 1, needs_declaration: 0 },
    });
    const unemployed = rowOf(saved.json(), people.unemployed);
    expect(unemployed.amount_fen).toBe(83_330);
    expect(unemployed.explanation[0]).toMatch(
      /^企业申报：劳动合同期限 无固定期限；个人每月缴纳的养老、医疗、失业保险费 333\.33 元（enterprise\d+ 2025-03-03 申报，以所附材料为证）$/,
    );
    expect(unemployed.facts.find((f: any) => f.name === CONTRIBUTION)).toMatchObject({
      source: 'declared',
      value: 333.33,
      text: '333.33 元',
      declared_by: expect.stringMatching(/^enterprise/),
    });
    expect(unemployed.facts.find((f: any) => f.name === 'continuous_unemployment_months')).toMatchObject({
      source: 'data',
      value: 9,
    });
    const detail = (await send('GET', `/api/v1/benefits/cases/${caseId}`, c.e3)).json();
    expect([detail.amount_fen, detail.awaiting_declaration]).toEqual([162_080, 0]);
    expect(detail.explanation).toContain(
      '其中 2 条的「劳动合同期限」「个人每月缴纳的养老、医疗、失业保险费」为企业申报，审核时请与所附材料核对',
    );
    expect(errorOf(await apply())).toEqual([422, 'APPLICATION_INCOMPLETE']);
    for (const [code, name] of [
      ['labour_contract', '劳动合同.pdf'],
      ['contribution_record', '个人缴费明细.pdf'],
    ] as const) {
      const body = multipart(name, PDF());
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/api/v1/benefits/cases/${caseId}/attachments/${code}`,
        payload: body.payload,
        headers: { cookie: c.e3, 'content-type': body.contentType, 'idempotency-key': `up-${code}` },
      });
      expect(uploaded.statusCode, uploaded.body).toBe(200);
    }
    const applied = await apply();
    expect(applied.json()).toEqual({ id: caseId, state: 'confirmed' });
    const history = (await send('GET', `/api/v1/benefits/cases/${caseId}`, c.wuxi)).json().history;
    expect(history.at(-1)).toMatchObject({
      to: 'confirmed',
      note: '提交申请材料 2 份，申报 2 人，测算金额 1,620.80 元',
    });
    expect(errorOf(await declare([{ key: key(people.graduate), values: { [CONTRIBUTION]: 600 } }]))).toEqual([
      409,
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('lets the city return the case, the enterprise correct a value, and approves the re-evaluated amount', async () => {
    expect(
      (
        await send('POST', `/api/v1/benefits/cases/${caseId}/return`, c.wuxi, {
          reason: '林**的个人缴费与缴费明细不符',
        })
      ).json().state,
    ).toBe('returned');
    // 400.00 × 25% = 100.00 元 × 10 months = 1,000.00 元; with 787.50 元: 1,787.50 元.
    const corrected = await declare([{ key: key(people.unemployed), values: { [CONTRIBUTION]: 400 } }]);
    expect(corrected.json()).toMatchObject({ status: 'eligible', amount_fen: 178_750 });
    expect((await apply()).json().state).toBe('confirmed');
    const review = (await declarations(c.wuxi)).json();
    expect(review).toMatchObject({ is_editable: false, amount_fen: 178_750 });
    expect(
      rowOf(review, people.unemployed)
        .facts.filter((f: any) => f.source === 'declared')
        .map((f: any) => [f.name, f.text]),
    ).toEqual([
      [CONTRACT, '无固定期限'],
      [CONTRIBUTION, '400.00 元'],
    ]);
    const approved = await send('POST', `/api/v1/benefits/cases/${caseId}/approve`, c.wuxi, {
      opinion: '申报事实已核对，同意',
    });
    expect(approved.json().state).toBe('approved');
    const stored = await t.ctx.db
      .selectFrom('benefit_cases')
      .select(['amount_fen', 'is_amount_changed'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect([toNumber(stored.amount_fen), toNumber(stored.is_amount_changed)]).toEqual([178_750, 0]);
    const [notice] = await t.ctx.db
      .selectFrom('benefit_notices')
      .select('body')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'approved')
      .execute();
    expect(notice!.body).toContain('金额 1,787.50 元');
    const persons = await t.ctx.db
      .selectFrom('benefit_case_persons')
      .select(['person_id', 'amount_fen'])
      .where('case_id', '=', caseId)
      .orderBy('person_id')
      .execute();
    expect(persons.map((p) => [toNumber(p.person_id), toNumber(p.amount_fen)])).toEqual([
      [people.graduate, 78_750],
      [people.unemployed, 100_000],
    ]);
    // A rerun re-evaluates the case with its declarations: same amount, nothing flagged, no second case.
    expect(await match()).toMatchObject({ candidates_new: 0, candidates_unchanged: 1, amount_changed: 0 });
  });

  it('audits every declaration with who declared what, and never answers a whole ID number', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'actor_role', 'details'])
      .where('action', '=', 'benefits.case.declare')
      .orderBy('id')
      .execute();
    expect(rows.map((row) => row.actor_role)).toEqual(['enterprise', 'enterprise', 'enterprise', 'enterprise']);
    expect(JSON.parse(rows[3]!.details!)).toMatchObject({
      changes: [{ subject: key(people.unemployed), fact: CONTRIBUTION, value: 40_000 }],
      status: 'eligible',
      amount_fen: 178_750,
    });
    const stored = await t.ctx.db
      .selectFrom('benefit_declared_facts')
      .select(['subject_key', 'fact', 'value', 'declared_by_name'])
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    expect(stored.map((row) => [row.subject_key, row.fact, JSON.parse(row.value)])).toEqual([
      [key(people.graduate), CONTRACT, '一年以上'],
      [key(people.graduate), CONTRIBUTION, 52_500],
      [key(people.unemployed), CONTRACT, '无固定期限'],
      [key(people.unemployed), CONTRIBUTION, 40_000],
    ]);
    const person = await t.ctx.db
      .selectFrom('persons')
      .select('id_enc')
      .where('id', '=', people.graduate)
      .executeTakeFirstOrThrow();
    const whole = t.ctx.cipher.decrypt(person.id_enc);
    for (const cookie of [c.e3, c.wuxi, c.province]) expect((await declarations(cookie)).body).not.toContain(whole);
  });
});
