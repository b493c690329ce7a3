import { formatFen } from '../../utils/format.ts';

/**
 * How policy values read: parameters and facts are written as the policy files write them
 * (percentages as "60%", money as yuan numbers, tables by class), and shown with units;
 * amounts from the calculator are integer fen, shown as yuan with 2 decimals.
 */

/** Yuan as a policy file writes it (1500, 2490.5) → "1,500.00". */
export function formatYuan(yuan: number): string {
  return formatFen(Math.round(yuan * 100));
}

/** A parameter's value with its unit: "60%", "1,500.00 元", "12 个月", or a table "一类 2,490.00 元；…". */
export function formatParameterValue(value: unknown, type: string, unit: string | null, yuanWord = '元'): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => (typeof inner === 'object' && inner !== null ? `${key}：${formatParameterValue(inner, type, unit, yuanWord)}` : `${key} ${formatParameterValue(inner, type, unit, yuanWord)}`))
      .join('；');
  }
  if (type === 'money' && typeof value === 'number') return `${formatYuan(value)} ${yuanWord}`;
  if (type === 'percent' || type === 'date' || typeof value !== 'number') return String(value);
  return unit ? `${value} ${unit}` : String(value);
}

/** "90%" or 0.9 or 90 → 90 (a percent number for an input). */
export function percentNumber(value: unknown): number | undefined {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?%$/.test(value.trim())) return Number(value.trim().slice(0, -1));
  if (typeof value === 'number') return value <= 1 ? Math.round(value * 10000) / 100 : value;
  return undefined;
}

/**
 * A form's answer as the calculator reads it: a percent as "3.2%", money in yuan, a yes/no as
 * a boolean; an empty answer is left out (unknown, never zero).
 */
export function factAnswer(type: string, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (type === 'percent' && typeof value === 'number') return `${value}%`;
  if (type === 'bool') return value === true || value === 'true';
  return value;
}
