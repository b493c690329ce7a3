/**
 * Report periods of the monitoring module (docs/monitoring.md): `plan` (the plan window to
 * date), a year `YYYY`, a quarter `YYYYQn` or a month `YYYYMM`.
 */

export type PeriodKind = 'plan' | 'year' | 'quarter' | 'month';

export interface PeriodParts {
  kind: PeriodKind;
  year?: number;
  /** 1–4 for a quarter, 1–12 for a month. */
  part?: number;
}

/** `plan`, `2025`, `2025Q1`, `202503` → its parts; anything else reads as `plan`. */
export function parseReportPeriod(text: string | null | undefined): PeriodParts {
  const value = (text ?? '').trim().toUpperCase();
  let match = /^(\d{4})$/.exec(value);
  if (match) return { kind: 'year', year: Number(match[1]) };
  match = /^(\d{4})Q([1-4])$/.exec(value);
  if (match) return { kind: 'quarter', year: Number(match[1]), part: Number(match[2]) };
  match = /^(\d{4})(\d{2})$/.exec(value);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12)
    return { kind: 'month', year: Number(match[1]), part: Number(match[2]) };
  return { kind: 'plan' };
}

/** The period text the API reads, from its parts (a missing year or part falls back sensibly). */
export function formatReportPeriod(parts: PeriodParts, fallbackYear: number): string {
  const year = parts.year ?? fallbackYear;
  switch (parts.kind) {
    case 'year':
      return String(year);
    case 'quarter':
      return `${year}Q${Math.min(Math.max(parts.part ?? 1, 1), 4)}`;
    case 'month':
      return `${year}${String(Math.min(Math.max(parts.part ?? 1, 1), 12)).padStart(2, '0')}`;
    default:
      return 'plan';
  }
}

/** 202503 → 2025 and 3. */
export function splitMonth(period: number): { year: number; month: number } {
  return { year: Math.floor(period / 100), month: period % 100 };
}

/** The years from `first` to `last`, both included (at least `first`). */
export function yearsBetween(first: number, last: number): number[] {
  const years: number[] = [];
  for (let year = first; year <= Math.max(first, last); year += 1) years.push(year);
  return years;
}
