import { AppError } from '../../platform/errors.ts';
import { addMonths, isPeriod, periodToIndex } from '../workforce/periods.ts';

/**
 * The periods a report may ask for (SPEC §2.4): a month `YYYYMM`, a quarter `YYYYQn`, a year
 * `YYYY`, or `plan` (the plan window to date). Each becomes a range of months; stock
 * indicators are read at the range's last month with data, flows summed over the range.
 */
export interface ReportPeriod {
  /** As asked: '202506', '2025Q2', '2025' or 'plan'. */
  label: string;
  kind: 'month' | 'quarter' | 'year' | 'plan';
  from: number;
  to: number;
}

const MONTH = /^(\d{4})(\d{2})$/;
const QUARTER = /^(\d{4})Q([1-4])$/i;
const YEAR = /^(\d{4})$/;

/** Parses a period text into its months; anything else is VALIDATION_FAILED. */
export function parseReportPeriod(text: string | undefined, window: { from: number; to: number }): ReportPeriod {
  const value = (text ?? 'plan').trim();
  if (value.toLowerCase() === 'plan') return { label: 'plan', kind: 'plan', from: window.from, to: window.to };
  const month = MONTH.exec(value);
  if (month && isPeriod(Number(value))) return { label: value, kind: 'month', from: Number(value), to: Number(value) };
  const quarter = QUARTER.exec(value);
  if (quarter) {
    const first = Number(quarter[1]) * 100 + (Number(quarter[2]) - 1) * 3 + 1;
    return { label: `${quarter[1]}Q${quarter[2]}`, kind: 'quarter', from: first, to: addMonths(first, 2) };
  }
  const year = YEAR.exec(value);
  if (year && Number(value) >= 1000)
    return { label: value, kind: 'year', from: Number(value) * 100 + 1, to: Number(value) * 100 + 12 };
  throw new AppError(
    'VALIDATION_FAILED',
    `期间应为 YYYYMM（月）、YYYYQn（季度）、YYYY（年）或 plan（计划期累计）：${value}`,
  );
}

/** The last day of a month, as YYYY-MM-DD. */
export function monthEnd(period: number): string {
  const year = Math.floor(period / 100);
  const month = period % 100;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: number, to: number): number[] {
  const months: number[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) months.push(p);
  return months;
}

/** Months from `from` to `to` inclusive, 0 when `to` is before `from`. */
export function monthCount(from: number, to: number): number {
  return Math.max(0, periodToIndex(to) - periodToIndex(from) + 1);
}

/** The period of a day (YYYY-MM-DD). */
export function periodOfDay(day: string): number {
  return Number(day.slice(0, 4)) * 100 + Number(day.slice(5, 7));
}

/** How a period reads in Chinese: 2025年6月, 2025年第二季度, 2025年, 计划期（2024年1月至2025年12月）. */
export function describePeriod(period: ReportPeriod): string {
  const ym = (p: number) => `${Math.floor(p / 100)}年${p % 100}月`;
  if (period.kind === 'month') return ym(period.from);
  if (period.kind === 'quarter')
    return `${Math.floor(period.from / 100)}年第${'一二三四'[Math.floor((period.from % 100) / 3)]}季度`;
  if (period.kind === 'year') return `${Math.floor(period.from / 100)}年`;
  return `计划期（${ym(period.from)}至${ym(period.to)}）`;
}
