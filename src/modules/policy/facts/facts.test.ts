import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkforceTestContext, type WorkforceTestContext } from '../../workforce/test-factories.ts';
import { testDialects } from '../../../test/dialects.ts';
import { findPolicyInForce, syncPolicyCatalogue } from '../catalogue/catalogue.service.ts';
import { findDataCoverage } from '../coverage.repository.ts';
import { evaluateRows } from '../evaluate-rows.ts';
import { factSourceOf } from './fact-sources.ts';
import { kernelOfVersion } from '../policy-versions.ts';
import { loadRegisterFacts } from './register-facts.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../policy.fixtures.ts';
import type { SubjectRow } from './subjects.ts';

const DATE = '2025-06-30';

describe.each(testDialects())('policy facts in SQL on %s', (dialect) => {
  let t: WorkforceTestContext;
  let world: PolicyWorld;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
  });
  afterAll(() => t.close());

  async function load(code: string, scope: { kind: 'all' } | { kind: 'enterprise'; uscc: string } = { kind: 'all' }) {
    const { policy } = await findPolicyInForce(t.ctx.db, code);
    return factSourceOf(code).load(t.ctx.db, policy, scope, DATE, await findDataCoverage(t.ctx.db));
  }
  const byUscc = (rows: SubjectRow[], uscc: string) => rows.filter((row) => row.uscc === uscc);

  it('computes last year’s contribution facts for every enterprise at once, and for one alike', async () => {
    const all = await load('stable_jobs_refund');
    expect(all).toHaveLength(3);
    // E1: January 120, December 118, one retirement in June (the December death and the
    // contract end do not count), average 1,428 / 12 = 119, 12 months paid, 80,000.00 元.
    expect(byUscc(all, world.e1)[0]!.facts).toEqual({
      ui_months_paid_last_year: 12,
      insured_jan_last_year: 120,
      insured_dec_last_year: 118,
      retired_or_deceased_last_year: 1,
      insured_avg_last_year: 119,
      ui_contributions_last_year: 8_000_000,
      enterprise_size: '中型',
      refunded_for_last_year: undefined,
    });
    // E2: 40 → 30, average 420 / 12 = 35, 12 × (500 + 500) 元 = 12,000.00 元; E3 paid 11 months.
    expect(byUscc(all, world.e2)[0]!.facts).toMatchObject({
      insured_jan_last_year: 40,
      insured_dec_last_year: 30,
      insured_avg_last_year: 35,
      ui_contributions_last_year: 1_200_000,
      enterprise_size: '大型',
    });
    expect(byUscc(all, world.e3)[0]!.facts).toMatchObject({
      ui_months_paid_last_year: 11,
      insured_avg_last_year: 110 / 12,
    });
    const one = await load('stable_jobs_refund', { kind: 'enterprise', uscc: world.e1 });
    expect(one).toEqual(byUscc(all, world.e1));
  });

  it('leaves a year without contributions on file missing, never zero', async () => {
    const { policy } = await findPolicyInForce(t.ctx.db, 'stable_jobs_refund');
    const rows = await factSourceOf('stable_jobs_refund').load(
      t.ctx.db,
      policy,
      { kind: 'all' },
      '2024-06-30',
      await findDataCoverage(t.ctx.db),
    );
    expect(rows[0]!.facts.ui_months_paid_last_year).toBeUndefined();
    expect(rows[0]!.facts.insured_avg_last_year).toBeUndefined();
    expect(rows[0]!.facts.enterprise_size).toBeDefined();
  });

  it('lists hires (not the first roster month’s stock) with the registries’ answers at the hire month', async () => {
    const all = await load('job_expansion_subsidy');
    const hires = all.map((row) => [row.personId, row.uscc, row.describe.hire_period]);
    expect(hires).toEqual(
      expect.arrayContaining([
        [world.persons.p1, world.e1, 202407],
        [world.persons.p2, world.e1, 202409],
        [world.persons.p3, world.e1, 202411],
        [world.persons.p4, world.e2, 202403],
        [world.persons.p4, world.e1, 202410],
        [world.persons.p7, world.e1, 202503],
      ]),
    );
    expect(all).toHaveLength(6);
    const p2 = all.find((row) => row.personId === world.persons.p2)!;
    // Registered 2024-02-10, closed 2024-09-05: still open in the hire month 2024-09; not a graduate; 10 months to 2025-06.
    expect(p2.facts).toMatchObject({
      has_open_unemployment_registration: 1,
      is_college_graduate: 0,
      insured_months_in_spell: 10,
    });
    expect(p2.facts.graduation_year).toBeUndefined();
    const p1 = all.find((row) => row.personId === world.persons.p1)!;
    expect(p1.facts).toMatchObject({
      is_college_graduate: 1,
      graduation_year: 2024,
      has_open_unemployment_registration: 0,
      insured_months_in_spell: 12,
    });
    // For one enterprise: its hires plus every hire of the same persons elsewhere (once per person ever).
    const one = await load('job_expansion_subsidy', { kind: 'enterprise', uscc: world.e1 });
    expect(one.map((row) => row.key).sort()).toEqual(
      all
        .filter((row) => row.personId !== undefined)
        .map((row) => row.key)
        .sort(),
    );
  });

  it('settles “already counted” from the person’s earlier hire, in rounds, with 一次性吸纳就业补贴 answered from the records', async () => {
    const { row: version, policy } = await findPolicyInForce(t.ctx.db, 'job_expansion_subsidy');
    const rows = await loadRegisterFacts(t.ctx, policy, DATE);
    const source = factSourceOf(policy.code);
    const strict = evaluateRows(kernelOfVersion(version), rows, DATE, { linked: source.linked });
    const at = (uscc: string) => strict[rows.findIndex((r) => r.personId === world.persons.p4 && r.uscc === uscc)]!;
    // No record of 一次性吸纳就业补贴 for P4 in this system or the imported history: “否”, never missing.
    expect(source.assumptions).toEqual({});
    expect(at(world.e2)).toMatchObject({
      outcome: 'eligible',
      amountFen: 150_000,
      facts: { received_absorption_subsidy: 0 },
    });
    // The E2 hire is eligible, so the E1 hire is already counted (once per person ever).
    expect(at(world.e1)).toMatchObject({ outcome: 'ineligible', facts: { already_counted: 1 } });
  });

  it('lists 2025 hires once per person for 社会保险补贴, with what can and cannot be known', async () => {
    const rows = await load('social_insurance_subsidy');
    expect(rows).toHaveLength(1);
    // 2023 graduate hired 2025-03 by a 中型 manufacturer; 4 months to June; no registration on file → 0 months unemployed.
    expect(rows[0]!.facts).toMatchObject({
      industry_category: '制造业',
      enterprise_size: '中型',
      is_college_graduate: 1,
      graduation_year: 2023,
      months_contributed: 4,
      continuous_unemployment_months: 0,
    });
    for (const name of [
      'is_unemployed_since_leaving_school',
      'is_poverty_monitored',
      'contract_term',
      'personal_contribution_monthly',
    ]) {
      expect(rows[0]!.facts[name], name).toBeUndefined();
    }
  });

  it('attributes certificates to the employer of the issue month, with insured months as a lower bound', async () => {
    const rows = await load('skills_upgrade_subsidy');
    const facts = Object.fromEntries(rows.map((row) => [row.key, row.facts]));
    // C1: insured 2024-01 … 2025-03 = 15 months; 车工 (group 6) → A; level 4 → 中级.
    expect(facts['certificate:C1']).toMatchObject({
      insured_months_total: 15,
      certificate_level: '中级',
      occupation_class: 'A',
    });
    // C3: only 2024-07 … 2025-02 = 8 months on file: maybe more elsewhere → missing. 4-04 → B.
    expect(facts['certificate:C3']).toMatchObject({ occupation_class: 'B', certificate_level: '高级' });
    expect(facts['certificate:C3']!.insured_months_total).toBeUndefined();
    expect(rows.find((row) => row.key === 'certificate:C4')).toMatchObject({ uscc: world.e3, region: '320214' });
  });
});
