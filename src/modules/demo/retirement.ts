/**
 * Statutory retirement ages, for the retirements in the demo rosters: 60 for men, 50 for
 * women workers and 55 for women cadres, raised step by step from 2025 by the NPC Standing
 * Committee decision of 2024-09-13 (实施渐进式延迟法定退休年龄): one month per four months of
 * birth (per two months for the age-50 track) for those born from the first affected month,
 * up to 3 (resp. 5) years.
 */

/** Which statutory age applies. */
export type RetirementTrack = 'male_60' | 'female_55' | 'female_50';

interface TrackRule {
  baseYears: number;
  /** First birth month (month index) the raise applies to. */
  firstAffected: number;
  /** Birth months per month of raise. */
  monthsPerStep: number;
  maxRaiseMonths: number;
}

const RULES: Record<RetirementTrack, TrackRule> = {
  male_60: { baseYears: 60, firstAffected: monthIndexOf(1965, 1), monthsPerStep: 4, maxRaiseMonths: 36 },
  female_55: { baseYears: 55, firstAffected: monthIndexOf(1970, 1), monthsPerStep: 4, maxRaiseMonths: 36 },
  female_50: { baseYears: 50, firstAffected: monthIndexOf(1975, 1), monthsPerStep: 2, maxRaiseMonths: 60 },
};

/** The month index (year × 12 + month − 1) of a year and month. */
export function monthIndexOf(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** The month index in which someone born on this date reaches retirement age on this track. */
export function retirementMonthOf(birthDate: string, track: RetirementTrack): number {
  const rule = RULES[track];
  const birth = monthIndexOf(Number(birthDate.slice(0, 4)), Number(birthDate.slice(5, 7)));
  const raise =
    birth < rule.firstAffected
      ? 0
      : Math.min(rule.maxRaiseMonths, Math.floor((birth - rule.firstAffected) / rule.monthsPerStep) + 1);
  return birth + rule.baseYears * 12 + raise;
}
