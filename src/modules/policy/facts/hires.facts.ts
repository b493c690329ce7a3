import { toDayNumber } from '../../../platform/iso-date.ts';
import type { Policy } from '../../../policies/types.ts';
import { industryCategory, sizeLabel } from './classifications.ts';
import type { DataCoverage } from '../coverage.repository.ts';
import { findHires, monthsBetween, type HireRow } from './hire-facts.repository.ts';
import type { EarlierRow, FactSource, RuntimeFacts, SubjectRow } from './subjects.ts';

/**
 * 一次性扩岗补助 (one row per hire) and 社会保险补贴 (one row per person an enterprise hired):
 * hires inside the policy's validity window up to the evaluation date, with the registries'
 * answers at the hire month. A registry that has never been loaded answers nothing (missing).
 */

/** The YYYYMM period of an ISO date. */
export function periodOfIso(date: string): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}

/** The months of hires a policy looks at on a date: its validity window, up to the date. */
export function hirePeriods(policy: Policy, date: string): { from: number; to: number } {
  return { from: periodOfIso(policy.valid.from), to: Math.min(periodOfIso(policy.valid.to), periodOfIso(date)) };
}

function firstDayOf(period: number): number {
  return toDayNumber(`${Math.floor(period / 100)}-${String(period % 100).padStart(2, '0')}-01`);
}

function graduateFacts(row: HireRow, coverage: DataCoverage): RuntimeFacts {
  return {
    is_college_graduate: coverage.registries.graduates ? Number(row.graduated_on !== null) : undefined,
    graduation_year: row.graduated_on === null ? undefined : Number(row.graduated_on.slice(0, 4)),
  };
}

function hireRow(row: HireRow, facts: RuntimeFacts, identity: SubjectRow['identity']): SubjectRow {
  return {
    key: `spell:${row.spell_id}`,
    uscc: row.uscc,
    region: row.region_code,
    facts,
    personId: row.person_id,
    identity,
    order: `${row.first_period}|${String(row.spell_id).padStart(12, '0')}`,
    describe: { hire_period: row.first_period, last_period: row.last_period },
  };
}

/**
 * “Once per person”: counted when the person's benefit is already held (a case or the history), or an
 * earlier hire of the person was eligible or held; unknown while one is undetermined.
 */
export function countedBefore(row: SubjectRow, earlier: readonly EarlierRow[]): number | undefined {
  if (row.granted || earlier.some((e) => e.outcome === 'eligible' || e.row.granted)) return 1;
  return earlier.some((e) => e.outcome === 'undetermined') ? undefined : 0;
}

export const jobExpansionFacts: FactSource = {
  subjectLabel: '新招用人员',
  isPerEnterprise: false,
  assumptions: {},
  linked: { derive: (row, earlier) => ({ already_counted: countedBefore(row, earlier) }) },
  // 一次性吸纳就业补贴 for the same person, as the imported history records it.
  fromRecords: (row, records) => ({
    received_absorption_subsidy: row.personId !== undefined && records.absorbedPersons.has(row.personId) ? 1 : 0,
  }),
  recordFacts: ['received_absorption_subsidy'],
  async load(db, policy, scope, date, coverage) {
    const { from, to } = hirePeriods(policy, date);
    const filter = scope.kind === 'all' ? { kind: 'all' as const } : { kind: 'persons_of' as const, uscc: scope.uscc };
    const hires = await findHires(db, from, to, filter);
    return hires.map((row) =>
      hireRow(
        row,
        {
          hire_date: firstDayOf(row.first_period),
          insured_months_in_spell: monthsBetween(row.first_period, Math.min(row.last_period, to)) + 1,
          ...graduateFacts(row, coverage),
          birth_date: toDayNumber(row.birth_date),
          has_open_unemployment_registration: coverage.registries.unemployment
            ? Number(row.registered_period !== null)
            : undefined,
          already_counted: undefined,
          received_absorption_subsidy: undefined,
        },
        { person: String(row.person_id) },
      ),
    );
  },
};

export const socialInsuranceFacts: FactSource = {
  subjectLabel: '重点群体人员',
  isPerEnterprise: false,
  assumptions: {},
  async load(db, policy, scope, date, coverage) {
    const { from, to } = hirePeriods(policy, date);
    const hires = await findHires(
      db,
      from,
      to,
      scope.kind === 'all' ? { kind: 'all' } : { kind: 'at', uscc: scope.uscc },
    );
    const seen = new Set<string>();
    // One row per person and enterprise: the first hire in the window (rows come ordered by person and month).
    const firsts = hires.filter((row) => {
      const key = `${row.person_id}|${row.uscc}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    return firsts.map((row) =>
      hireRow(row, socialInsuranceRowFacts(row, to, coverage), {
        enterprise: row.uscc,
        person: String(row.person_id),
        month: monthsCovered(row, to),
      }),
    );
  },
};

/** The months of the evaluation year a hire's contributions cover (what a 社会保险补贴 case pays for). */
function monthsCovered(row: HireRow, toPeriod: number): string[] {
  const start = Math.max(row.first_period, Math.floor(toPeriod / 100) * 100 + 1);
  const end = Math.min(row.last_period, toPeriod);
  const months: string[] = [];
  for (let period = start; period <= end; period = period % 100 === 12 ? period + 89 : period + 1)
    months.push(String(period));
  return months;
}

function socialInsuranceRowFacts(row: HireRow, toPeriod: number, coverage: DataCoverage): RuntimeFacts {
  const yearStart = Math.floor(toPeriod / 100) * 100 + 1;
  const start = Math.max(row.first_period, yearStart);
  const end = Math.min(row.last_period, toPeriod);
  return {
    industry_category: industryCategory(row.industry_section),
    enterprise_size: sizeLabel(row.size),
    ...graduateFacts(row, coverage),
    // Rosters cover register enterprises only: a job found since school is certain, none found is not.
    is_unemployed_since_leaving_school: row.jobs_since_school !== null && row.jobs_since_school > 0 ? 0 : undefined,
    continuous_unemployment_months: coverage.registries.unemployment
      ? row.registered_period === null
        ? 0
        : monthsBetween(row.registered_period, row.first_period)
      : undefined,
    is_poverty_monitored: coverage.registries.poverty ? Number(row.poverty_category === 'monitored') : undefined,
    contract_term: undefined,
    personal_contribution_monthly: undefined,
    months_contributed: end >= start ? monthsBetween(start, end) + 1 : 0,
  };
}
