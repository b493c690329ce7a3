import { formatFen } from '../../utils/format.ts';

/**
 * How an indicator's number reads on the dashboard: shares as percentages with 2 decimals,
 * money (the API's integer fen) as yuan with 2 decimals, counts with thousands separators.
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const SHARE_UNIT = '比例';
export const FEN_UNIT = '分';

/** A fraction 0–1 → "15.81%". */
export function formatShare(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

/** The number alone, in the unit's display form (no unit word). */
export function formatIndicatorNumber(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === SHARE_UNIT) return formatShare(value);
  if (unit === FEN_UNIT) return formatFen(value);
  return COUNT.format(value);
}

/** The value of a number shown by formatIndicatorNumber, for tests and comparisons. */
export function parseIndicatorNumber(text: string, unit: string): number | null {
  const clean = text.replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?%?$/.test(clean)) return null;
  const number = Number(clean.replace('%', ''));
  if (unit === SHARE_UNIT) return Math.round(number * 100) / 10000;
  if (unit === FEN_UNIT) return Math.round(number * 100);
  return number;
}
