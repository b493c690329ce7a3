import { NATURAL_ATTRITION_CODES } from '../../workforce/leave-reasons.ts';
import { sizeLabel } from './classifications.ts';
import type { DataCoverage } from '../coverage.repository.ts';
import { findEnterpriseYearFigures, type EnterpriseYearRow } from './enterprise-facts.repository.ts';
import type { FactSource, RuntimeFacts, SubjectRow } from './subjects.ts';

/**
 * 稳岗返还: one row per enterprise and refund year; every fact is about the year before the
 * evaluation date's year. Contribution facts are stated only when the contributions on file cover
 * all twelve months of that year (then an enterprise without a row for a month paid nothing that
 * month); the natural-attrition count only when the rosters cover them.
 */
export const stableJobsFacts: FactSource = {
  subjectLabel: '企业',
  isPerEnterprise: true,
  assumptions: {},
  // Refunded for the year already: a case of this system or an imported history record holds the benefit.
  fromRecords: (row) => ({ refunded_for_last_year: row.granted ? 1 : 0 }),
  recordFacts: ['refunded_for_last_year'],
  async load(db, _policy, scope, date, coverage) {
    const lastYear = Number(date.slice(0, 4)) - 1;
    const rows = await findEnterpriseYearFigures(db, scope, lastYear, NATURAL_ATTRITION_CODES);
    return rows.map((row) => stableJobsRow(row, lastYear, coverage));
  },
};

/** Whether every month of a year is in a set of periods. */
export function coversYear(periods: Set<number>, year: number): boolean {
  for (let month = 1; month <= 12; month += 1) if (!periods.has(year * 100 + month)) return false;
  return true;
}

function stableJobsRow(row: EnterpriseYearRow, lastYear: number, coverage: DataCoverage): SubjectRow {
  const paid = coversYear(coverage.contributionPeriods, lastYear);
  const known = <T>(isKnown: boolean, value: T) => (isKnown ? value : undefined);
  const facts: RuntimeFacts = {
    ui_months_paid_last_year: known(paid, row.paid_months),
    insured_jan_last_year: known(paid, row.insured_jan),
    insured_dec_last_year: known(paid, row.insured_dec),
    insured_avg_last_year: known(paid, row.insured_sum / 12),
    ui_contributions_last_year: known(paid, row.ui_fen),
    retired_or_deceased_last_year: known(coversYear(coverage.rosterPeriods, lastYear), row.natural_leavers),
    enterprise_size: sizeLabel(row.size),
    refunded_for_last_year: undefined,
  };
  return {
    key: `enterprise:${row.uscc}`,
    uscc: row.uscc,
    region: row.region_code,
    facts,
    describe: { year: lastYear },
    identity: { enterprise: row.uscc, refund_year: String(lastYear) },
  };
}
