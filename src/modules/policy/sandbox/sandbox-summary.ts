import type { Outcome } from '../../../policies/outcome.ts';
import { aggregateOutcome, type RowTally } from '../calculator/calc-views.ts';
import type { RowDecision } from '../evaluate-rows.ts';
import type { SubjectRow } from '../facts/subjects.ts';

/**
 * The sandbox's arithmetic: each enterprise's amount and outcome under the policy in force and
 * under the changed one, the enterprises whose result changed, and the cost before and after by
 * unit (city, or 昆山/泰兴/沭阳), tier and industry.
 */

export interface EnterpriseProfile {
  uscc: string;
  name: string;
  unit_code: string;
  tier: string;
  industry_section: string | null;
}

export interface EnterpriseResult {
  outcome: Outcome;
  amountFen: number;
}

export interface EnterpriseChange {
  uscc: string;
  name: string;
  city_code: string;
  tier: string;
  industry_category: string;
  before_outcome: Outcome;
  before_fen: number;
  after_outcome: Outcome;
  after_fen: number;
  delta_fen: number;
}

interface Totals {
  before_fen: number;
  after_fen: number;
  delta_fen: number;
  before_eligible: number;
  after_eligible: number;
}

/** 制造业 / 非制造业 / 行业未登记, the industry split of the sandbox's costs. */
export function industryGroup(section: string | null): string {
  if (section === null) return '行业未登记';
  return section === 'C' ? '制造业' : '非制造业';
}

/** Each enterprise's result: its one row, or the total over its rows (no row: ineligible, 0). */
export function resultsByEnterprise(
  rows: readonly SubjectRow[],
  decisions: readonly RowDecision[],
): Map<string, EnterpriseResult> {
  const tallies = new Map<string, RowTally>();
  rows.forEach((row, index) => {
    const decision = decisions[index] as RowDecision;
    const tally = tallies.get(row.uscc) ?? {
      rows: 0,
      eligible: 0,
      ineligible: 0,
      undetermined: 0,
      eligible_amount_fen: 0,
    };
    tally.rows += 1;
    tally[decision.outcome] += 1;
    if (decision.outcome === 'eligible') tally.eligible_amount_fen += decision.amountFen;
    tallies.set(row.uscc, tally);
  });
  return new Map(
    [...tallies].map(([uscc, tally]) => [
      uscc,
      { outcome: aggregateOutcome(tally), amountFen: tally.eligible_amount_fen },
    ]),
  );
}

const NONE: EnterpriseResult = { outcome: 'ineligible', amountFen: 0 };

/** Compares the two runs enterprise by enterprise and totals them by unit, tier and industry. */
export function compareRuns(
  profiles: readonly EnterpriseProfile[],
  before: Map<string, EnterpriseResult>,
  after: Map<string, EnterpriseResult>,
) {
  const changes: EnterpriseChange[] = [];
  const total = emptyTotals();
  const byUnit = new Map<string, Totals>();
  const byTier = new Map<string, Totals>();
  const byIndustry = new Map<string, Totals>();
  const outcomes = { before: countOutcomes(), after: countOutcomes() };
  for (const profile of profiles) {
    const was = before.get(profile.uscc) ?? NONE;
    const now = after.get(profile.uscc) ?? NONE;
    const industry = industryGroup(profile.industry_section);
    outcomes.before[was.outcome] += 1;
    outcomes.after[now.outcome] += 1;
    for (const totals of [
      total,
      slot(byUnit, profile.unit_code),
      slot(byTier, profile.tier),
      slot(byIndustry, industry),
    ])
      add(totals, was, now);
    if (was.amountFen !== now.amountFen || was.outcome !== now.outcome) {
      changes.push({
        uscc: profile.uscc,
        name: profile.name,
        city_code: profile.unit_code,
        tier: profile.tier,
        industry_category: industry,
        before_outcome: was.outcome,
        before_fen: was.amountFen,
        after_outcome: now.outcome,
        after_fen: now.amountFen,
        delta_fen: now.amountFen - was.amountFen,
      });
    }
  }
  const listOf = (map: Map<string, Totals>) =>
    [...map].map(([key, totals]) => ({ key, ...totals })).sort((a, b) => a.key.localeCompare(b.key));
  return {
    changes,
    summary: {
      enterprises: profiles.length,
      gainers: changes.filter((c) => c.delta_fen > 0).length,
      losers: changes.filter((c) => c.delta_fen < 0).length,
      changed: changes.length,
      total,
      outcomes,
      by_unit: listOf(byUnit),
      by_tier: listOf(byTier),
      by_industry: listOf(byIndustry),
    },
  };
}

function emptyTotals(): Totals {
  return { before_fen: 0, after_fen: 0, delta_fen: 0, before_eligible: 0, after_eligible: 0 };
}

function countOutcomes(): Record<Outcome, number> {
  return { eligible: 0, ineligible: 0, undetermined: 0 };
}

function slot(map: Map<string, Totals>, key: string): Totals {
  let totals = map.get(key);
  if (!totals) map.set(key, (totals = emptyTotals()));
  return totals;
}

function add(totals: Totals, was: EnterpriseResult, now: EnterpriseResult): void {
  totals.before_fen += was.amountFen;
  totals.after_fen += now.amountFen;
  totals.delta_fen += now.amountFen - was.amountFen;
  totals.before_eligible += Number(was.outcome === 'eligible');
  totals.after_eligible += Number(now.outcome === 'eligible');
}
