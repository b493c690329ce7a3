import { readFileSync } from 'node:fs';

/** The default assessment indicators and weights (reference/governance/assessment-2025.json), with their sources. */

export interface AssessmentIndicator {
  key: string;
  label: string;
  weight: number;
  method: 'relative' | 'target';
  target?: number;
  /** Where the figure comes from: `monitoring:<indicator>` or `governance:<figure>`. */
  figure: string;
  /** For plan_filed: the credit of a plan approved but filed late (on time 1, none 0). */
  late_credit?: number;
  source: string;
}

interface AssessmentFile {
  source: string;
  indicators: AssessmentIndicator[];
}

let cached: AssessmentFile | undefined;
export function defaultAssessment(): AssessmentFile {
  cached ??= JSON.parse(
    readFileSync(new URL('../../../../reference/governance/assessment-2025.json', import.meta.url), 'utf8'),
  ) as AssessmentFile;
  return cached;
}

/** The score (0–100) of a figure: against the target, or against the best unit's figure. */
export function scoreOf(indicator: AssessmentIndicator, value: number | null, best: number | null): number {
  if (value === null || value <= 0) return 0;
  const base = indicator.method === 'target' ? (indicator.target ?? 0) : (best ?? 0);
  if (base <= 0) return 0;
  return Math.round(Math.min(value / base, 1) * 10000) / 100;
}
