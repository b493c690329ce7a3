import { readFileSync } from 'node:fs';

/**
 * The default assessment indicators and weights (reference/governance/assessment-<edition>.json), with
 * their sources. Each edition is kept: the newest is the default, and a computation keeps the version it used.
 */

export interface AssessmentIndicator {
  key: string;
  label: string;
  weight: number;
  method: 'relative' | 'target';
  target?: number;
  /** Where the figure comes from: `monitoring:<indicator>`, `benefits:review_on_time` or `governance:<figure>`. */
  figure: string;
  /** For plan_filed: the credit of a plan approved but filed late (on time 1, none 0). */
  late_credit?: number;
  source: string;
}

interface AssessmentFile {
  source: string;
  indicators: AssessmentIndicator[];
  /** Where it was read from, e.g. reference/governance/assessment-2026.json. */
  file: string;
}

/** The editions, oldest first; the last is the default. */
const EDITIONS = ['assessment-2025.json', 'assessment-2026.json'];

let cached: AssessmentFile | undefined;
export function defaultAssessment(): AssessmentFile {
  const name = EDITIONS[EDITIONS.length - 1]!;
  cached ??= {
    ...(JSON.parse(readFileSync(new URL(`../../../../reference/governance/${name}`, import.meta.url), 'utf8')) as Omit<
      AssessmentFile,
      'file'
    >),
    file: `reference/governance/${name}`,
  };
  return cached;
}

/** The score (0–100) of a figure: against the target, or against the best unit's figure. */
export function scoreOf(indicator: AssessmentIndicator, value: number | null, best: number | null): number {
  if (value === null || value <= 0) return 0;
  const base = indicator.method === 'target' ? (indicator.target ?? 0) : (best ?? 0);
  if (base <= 0) return 0;
  return Math.round(Math.min(value / base, 1) * 10000) / 100;
}
