import { toDayNumber } from '../../../platform/iso-date.ts';
import { resolveParameter } from '../../../policies/parameters.ts';
import type { Policy } from '../../../policies/types.ts';
import { findCertificates, type CertificateRow } from './certificate-facts.repository.ts';
import { CERTIFICATE_LEVELS, occupationClass } from './classifications.ts';
import type { EarlierRow, FactSource, RuntimeFacts, SubjectRow } from './subjects.ts';

/**
 * 技能提升补贴: one row per certificate issued inside the policy's window (up to the evaluation
 * date) to a person insured at a register enterprise in the month of issue. Earlier certificates
 * of the same person decide “same occupation and level” and “claims this year”.
 */
export const skillsFacts: FactSource = {
  subjectLabel: '技能证书',
  isPerEnterprise: false,
  assumptions: {},
  linked: { derive: deriveClaims },
  async load(db, policy, scope, date) {
    const to = date < policy.valid.to ? date : policy.valid.to;
    const certificates = await findCertificates(
      db,
      policy.valid.from,
      to,
      scope.kind === 'enterprise' ? scope.uscc : undefined,
    );
    const minimum = minimumInsuredMonths(policy, date);
    return certificates.map((row) => certificateRow(row, minimum(row.region_code)));
  },
};

// Rosters cover register enterprises only, so a count of insured months is a lower bound: it is
// stated once it reaches the policy's minimum; below it the true count may still be enough.
function minimumInsuredMonths(policy: Policy, date: string): (region: string) => number {
  const param = policy.parameters.get('min_insured_months');
  const day = toDayNumber(date);
  return (region) => {
    const value = param ? resolveParameter(param, day, region)?.value : undefined;
    return typeof value === 'number' ? value : Infinity;
  };
}

function certificateRow(row: CertificateRow, minimumMonths: number): SubjectRow {
  const facts: RuntimeFacts = {
    insured_months_total: row.insured_months >= minimumMonths ? row.insured_months : undefined,
    certificate_level: CERTIFICATE_LEVELS[row.level],
    occupation_class: occupationClass(row.occupation_code, row.industry_section),
    // From the catalogue the province published for the city and year (急需紧缺职业调查); missing while
    // none is published, decisive only where a city adds an uplift.
    is_shortage_occupation: row.is_shortage === null ? undefined : row.is_shortage ? 1 : 0,
    claimed_same_occupation_level: undefined,
    claims_this_year: undefined,
  };
  return {
    key: `certificate:${row.certificate_no}`,
    uscc: row.uscc,
    region: row.region_code,
    facts,
    personId: row.person_id,
    order: `${row.issued_on}|${row.certificate_no}`,
    groups: { occupation_level: `${row.occupation_code}|${row.level}`, year: row.issued_on.slice(0, 4) },
    identity: { person: String(row.person_id), occupation: row.occupation_code, level: String(row.level) },
    describe: {
      certificate_no: row.certificate_no,
      occupation_code: row.occupation_code,
      level: CERTIFICATE_LEVELS[row.level] ?? String(row.level),
      issued_on: row.issued_on,
    },
  };
}

/**
 * Claims before this certificate: the same occupation and level already paid (a case or the history
 * holds it) or eligible earlier (免申即享 pays it); the year's claims count both.
 */
function deriveClaims(row: SubjectRow, earlier: readonly EarlierRow[]): RuntimeFacts {
  const isClaimed = (e: EarlierRow) => e.outcome === 'eligible' || e.row.granted !== undefined;
  const sameLevel = earlier.filter((e) => e.row.groups?.occupation_level === row.groups?.occupation_level);
  const sameYear = earlier.filter((e) => e.row.groups?.year === row.groups?.year);
  const isSameLevelClaimed =
    row.granted || sameLevel.some(isClaimed) ? 1 : sameLevel.some((e) => e.outcome === 'undetermined') ? undefined : 0;
  const claims = sameYear.some((e) => e.outcome === 'undetermined' && !e.row.granted)
    ? undefined
    : sameYear.filter(isClaimed).length;
  return { claimed_same_occupation_level: isSameLevelClaimed, claims_this_year: claims };
}
