/**
 * Contribution periods are YYYYMM integers (SPEC §0). Arithmetic runs on a month index
 * (year × 12 + month − 1) so that 202312 + 1 is 202401, never 202313.
 */

/** The month index of a period: consecutive months have consecutive indexes. */
export function periodToIndex(period: number): number {
  return Math.floor(period / 100) * 12 + (period % 100) - 1;
}

/** The period of a month index. */
export function indexToPeriod(index: number): number {
  return Math.floor(index / 12) * 100 + (index % 12) + 1;
}

/** The period n months later (n may be negative). */
export function addMonths(period: number, n: number): number {
  return indexToPeriod(periodToIndex(period) + n);
}

/** Whether a YYYYMM integer names a real month. */
export function isPeriod(value: number): boolean {
  const month = value % 100;
  return Number.isInteger(value) && value >= 100_001 && value <= 999_912 && month >= 1 && month <= 12;
}

/** The period of a date (YYYY-MM-DD). */
export function periodOfDate(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 100 + Number(isoDate.slice(5, 7));
}
