import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../policy.fixtures.ts';

const DATE = '2025-06-30';

describe.each(testDialects())('政策计算器 on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.enterprise = (await t.loginAs('enterprise')).cookie;
    cookies.wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    cookies.commissioner = (await t.loginAs('commissioner')).cookie;
  });
  afterAll(() => t.close());

  const calc = (code: string, uscc: string, cookie: string, date = DATE) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/policies/${code}/calc?uscc=${uscc}&date=${date}`,
      headers: { cookie },
    });

  it('computes 稳岗返还 from the database: 48,000.00 元, “not refunded yet” answered from the system’s own records', async () => {
    const response = await calc('stable_jobs_refund', world.e1, cookies.province!);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      outcome: 'eligible',
      amount_fen: 4_800_000,
      version: '2025.1',
      version_no: 1,
      policy: 'stable_jobs_refund',
      uscc: world.e1,
      region: '320115',
      provisional: null,
    });
    expect(body.missing_facts).toEqual([]);
    expect(body.facts).toMatchObject({
      insured_jan_last_year: 120,
      insured_dec_last_year: 118,
      retired_or_deceased_last_year: 1,
      insured_avg_last_year: 119,
      ui_contributions_last_year: 80000,
      refunded_for_last_year: false,
    });
    // Layoff rate (120 − 118 − 1) ÷ 119 = 0.84 % ≤ 5.5 %; 中型 → 60 %; 80,000.00 元 × 60 % = 48,000.00 元.
    const text = body.explanation.join('\n');
    expect(text).toContain('上年度裁员率 0.84% ≤ 5.5%（人社部发〔2024〕40号）');
    expect(text).toContain('→ 返还 = 上年失业保险缴费 80,000.00 元 × 60% = 48,000.00 元');
    expect(text).toContain('已就上年度享受稳岗返还：否（本系统及已导入的历史享受记录中无记录）');
    expect(Object.keys(body.snapshot)).toEqual([]);
  });

  it('names the failed condition with its numbers even while other facts are missing', async () => {
    const body = (await calc('stable_jobs_refund', world.e2, cookies.province!)).json();
    // (40 − 30 − 0) ÷ 35 = 28.57 % > 5.5 %: ineligible whatever the refund record says.
    expect(body).toMatchObject({
      outcome: 'ineligible',
      failed_condition: { id: 'layoff_within_cap' },
      provisional: null,
    });
    expect(body.explanation.join('')).toContain('28.57% > 5.5%');
    const e3 = (await calc('stable_jobs_refund', world.e3, cookies.province!)).json();
    expect(e3).toMatchObject({ outcome: 'ineligible', failed_condition: { id: 'full_payment' } });
  });

  it('answers a date outside the policy’s validity as not eligible, naming the window', async () => {
    const body = (await calc('stable_jobs_refund', world.e1, cookies.province!, '2023-06-30')).json();
    expect(body).toMatchObject({ outcome: 'ineligible', failed_condition: { id: 'validity_window' } });
  });

  it('totals 扩岗补助 over the enterprise’s hires, each with its own explanation', async () => {
    const body = (await calc('job_expansion_subsidy', world.e1, cookies.province!)).json();
    // Hires P1 2024-07, P2 2024-09, P4 2024-10, P3 2024-11, P7 2025-03 (P5 is first-month stock).
    // P7: a 2023 graduate without an open registration, 25 on hire → not in the target group.
    // No 一次性吸纳就业补贴 on record for anyone: P1 and P2 count (2 × 1,500 元); P4 was counted at E2 first.
    expect(body.summary).toEqual({
      rows: 5,
      eligible: 2,
      ineligible: 3,
      undetermined: 0,
      eligible_amount_fen: 300_000,
    });
    expect(body).toMatchObject({ outcome: 'eligible', amount_fen: 300_000, provisional: null, missing_facts: [] });
    expect(body.rows.map((r: { hire_period: number }) => r.hire_period)).toEqual([
      202407, 202409, 202410, 202411, 202503,
    ]);
    expect(body.rows[4]).toMatchObject({ outcome: 'ineligible', failed_condition: { id: 'target_group' } });
    const p3 = body.rows[3];
    expect(p3).toMatchObject({
      outcome: 'ineligible',
      failed_condition: { id: 'insured_long_enough' },
      person: { name: '王三' },
    });
    expect(p3.person.id_number).toMatch(/^3201\*{10}\d{3}[\dX]$/);
    expect(p3.explanation.join('')).toContain('本段足额缴费月数 2 个月 < 3 个月');
    expect(body.explanation.join('')).toContain('3,000.00 元');
    expect(body.rows[2]).toMatchObject({ outcome: 'ineligible', facts: { already_counted: true } });
  });

  it('computes 技能提升补贴 per certificate: once per occupation and level', async () => {
    const body = (await calc('skills_upgrade_subsidy', world.e1, cookies.province!)).json();
    const byNo = Object.fromEntries(body.rows.map((r: { certificate_no: string }) => [r.certificate_no, r]));
    expect(byNo.C1).toMatchObject({ outcome: 'eligible', amount_fen: 150_000 }); // A 中级 1,500 元, 南京 no uplift
    expect(byNo.C2).toMatchObject({ outcome: 'ineligible', failed_condition: { id: 'first_for_occupation_level' } });
    expect(byNo.C3).toMatchObject({ outcome: 'undetermined', missing_facts: [{ name: 'insured_months_total' }] });
    expect(body.summary).toMatchObject({ eligible: 1, ineligible: 1, undetermined: 1, eligible_amount_fen: 150_000 });
    // 无锡 raises shortage occupations by 20 %: without the catalogue the amount stays open there.
    const wuxi = (await calc('skills_upgrade_subsidy', world.e3, cookies.province!)).json();
    expect(wuxi.rows[0]).toMatchObject({
      outcome: 'undetermined',
      missing_facts: [{ name: 'is_shortage_occupation' }],
    });
  });

  it('shows every policy in force to the enterprise user, from its own data', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/policies/calc/mine?date=${DATE}`,
      headers: { cookie: cookies.enterprise! },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.uscc).toBe(TEST_ENTERPRISE_USCC);
    expect(body.items.map((i: { policy: string }) => i.policy).sort()).toEqual([
      'internship_subsidy',
      'job_expansion_subsidy',
      'skills_upgrade_subsidy',
      'social_insurance_subsidy',
      'stable_jobs_refund',
    ]);
    const internship = body.items.find((i: { policy: string }) => i.policy === 'internship_subsidy');
    // Trainees are recorded now (skills module): an enterprise with none has no 见习 month to pay.
    expect(internship).toMatchObject({ outcome: 'ineligible' });
    const social = body.items.find((i: { policy: string }) => i.policy === 'social_insurance_subsidy');
    expect(social.missing_facts.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining(['contract_term', 'personal_contribution_monthly']),
    );
    // Drafting notes never reach the enterprise: the 文号 and the clause only.
    expect(JSON.stringify(body)).not.toMatch(/待核|二手|转述|SPEC|DOMAIN/);
  });

  it('marks second-hand sources for officials, and only for them', async () => {
    const official = (await calc('stable_jobs_refund', world.e1, cookies.province!)).json();
    expect(official.sources.find((s: { key: string }) => s.key === 'nantong_2022')).toMatchObject({
      doc: '南通市 2022 年稳岗返还规则',
      secondary: true,
      source_quality: '文号待核',
    });
    expect(official.sources.find((s: { key: string }) => s.key === 'hrss_2024_40')).toMatchObject({ secondary: true });
    const own = (await calc('stable_jobs_refund', world.e1, cookies.enterprise!)).json();
    expect(own.sources.find((s: { key: string }) => s.key === 'nantong_2022')).toMatchObject({
      doc: '南通市 2022 年稳岗返还规则',
      secondary: null,
      source_quality: null,
    });
    const form = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies/stable_jobs_refund/calc',
        payload: { date: DATE, facts: {} },
      })
    ).json();
    expect(form.sources.every((s: { secondary: unknown }) => s.secondary === null)).toBe(true);
  });

  it('answers 404 outside the caller’s scope: another enterprise, another city, an unassigned enterprise', async () => {
    expect((await calc('stable_jobs_refund', world.e1, cookies.enterprise!)).statusCode).toBe(200);
    for (const [cookie, uscc] of [
      [cookies.enterprise, world.e2],
      [cookies.wuxi, world.e1],
      [cookies.commissioner, world.e1],
      [cookies.province, '91320115MA1XXXXXXX'],
    ]) {
      const response = await calc('stable_jobs_refund', uscc!, cookie!);
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await calc('stable_jobs_refund', world.e3, cookies.wuxi!)).statusCode).toBe(200);
    expect((await calc('no_such_policy', world.e1, cookies.province!)).json().error.code).toBe('POLICY_NOT_FOUND');
  });

  it('lets anyone compute from a form, asking for the facts still needed', async () => {
    const post = (code: string, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/v1/policies/${code}/calc`, payload });
    const partial = (
      await post('stable_jobs_refund', {
        facts: { enterprise_size: '中型', ui_months_paid_last_year: 12 },
        date: '2025-03-01',
      })
    ).json();
    expect(partial.outcome).toBe('undetermined');
    const asked = Object.fromEntries(partial.questions.map((q: { name: string; label: string }) => [q.name, q.label]));
    expect(asked).toMatchObject({
      insured_jan_last_year: '上年度1月参保人数',
      ui_contributions_last_year: '上年失业保险缴费',
      refunded_for_last_year: '已就上年度享受稳岗返还',
    });
    expect(asked.enterprise_size).toBeUndefined();
    expect(partial.form).toHaveLength(8);
    const full = (
      await post('stable_jobs_refund', {
        facts: {
          enterprise_size: '中型',
          ui_months_paid_last_year: 12,
          insured_jan_last_year: 120,
          insured_dec_last_year: 118,
          retired_or_deceased_last_year: 1,
          insured_avg_last_year: 119,
          ui_contributions_last_year: 80000,
          refunded_for_last_year: false,
        },
        date: DATE,
      })
    ).json();
    expect(full).toMatchObject({ outcome: 'eligible', amount_fen: 4_800_000, questions: [], version: '2025.1' });
    const wrong = await post('stable_jobs_refund', { facts: { enterprise_size: '巨型' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('FACTS_INVALID');
  });

  it('marks the facts an enterprise declares when it applies (社会保险补贴: 劳动合同期限, 个人月缴费)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/policies/social_insurance_subsidy/calc',
      payload: { date: DATE, facts: {} },
    });
    expect(response.statusCode, response.body).toBe(200);
    const flagged = response
      .json()
      .missing_facts.filter((f: { declared_on_application: boolean }) => f.declared_on_application)
      .map((f: { name: string }) => f.name);
    expect(flagged.sort()).toEqual(['contract_term', 'personal_contribution_monthly']);
  });
});
