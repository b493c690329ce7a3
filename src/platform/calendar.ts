import { createRequire } from 'node:module';
import { AppError } from './errors.ts';
import { addDays, requireIsoDate, toDayNumber, weekdayOf } from './iso-date.ts';

/**
 * Working days on the State Council's holiday calendar, make-up workdays (调休补班) included
 * (DOMAIN §7). A year the calendar does not cover is refused, never guessed as Monday–Friday.
 */

/**
 * Years whose 国务院办公厅关于 YYYY 年部分节假日安排的通知 the npm package chinese-days 1.5.7
 * carries (its src/holidays/generate.ts cites each notice; 2026:
 * https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm). Checked 2026-11-27 against
 * the package data by calendar.test.ts; raise lastYear only together with the package.
 */
export const CALENDAR_COVERAGE = {
  firstYear: 2004,
  lastYear: 2026,
  source: 'chinese-days 1.5.7 (国务院办公厅部分节假日安排通知 2004–2026)',
} as const;

interface HolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package's own functions build their date keys in the process's local time zone and
// shift by one day west of UTC; its generated JSON has plain ISO keys, so we read that.
// The default export is still the reference: calendar.test.ts compares the two day by day.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as HolidayData;

/** Whether the date is a working day on the official calendar. */
export function isWorkday(date: string): boolean {
  requireCoveredDate(date);
  return isCoveredWorkday(date);
}

/**
 * The n-th working day after the date, the start day not counted (as Chinese law counts
 * periods); a negative n counts backwards, 0 returns the date itself.
 */
export function addWorkdays(date: string, n: number): string {
  requireCoveredDate(date);
  if (!Number.isSafeInteger(n)) throw new AppError('VALIDATION_FAILED', `工作日数应为整数：${String(n)}`);
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    current = addDays(current, step);
    requireCoveredDate(current);
    if (isCoveredWorkday(current)) remaining -= 1;
  }
  return current;
}

/**
 * Working days from one date to another, both ends included. A reversed range is refused
 * with VALIDATION_FAILED rather than answered with 0, because it is almost always swapped input.
 */
export function workdaysBetween(from: string, to: string): number {
  requireCoveredDate(from, '开始日期');
  requireCoveredDate(to, '结束日期');
  if (from > to) throw new AppError('VALIDATION_FAILED', `开始日期 ${from} 晚于结束日期 ${to}`);
  let count = 0;
  const last = toDayNumber(to);
  for (let day = from, number = toDayNumber(from); number <= last; day = addDays(day, 1), number += 1) {
    if (isCoveredWorkday(day)) count += 1;
  }
  return count;
}

/** Whether the official calendar covers the year. */
export function isYearCovered(year: number): boolean {
  return year >= CALENDAR_COVERAGE.firstYear && year <= CALENDAR_COVERAGE.lastYear;
}

function requireCoveredDate(date: string, field = '日期'): void {
  requireIsoDate(date, field);
  const year = Number(date.slice(0, 4));
  if (isYearCovered(year)) return;
  const { firstYear, lastYear } = CALENDAR_COVERAGE;
  throw new AppError(
    'CALENDAR_NOT_COVERED',
    `官方工作日历只收录 ${firstYear}–${lastYear} 年，${year} 年的节假日安排尚未收录，无法计算工作日`,
    { year, firstYear, lastYear },
  );
}

function isCoveredWorkday(date: string): boolean {
  if (data.workdays[date] !== undefined) return true;
  if (data.holidays[date] !== undefined) return false;
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
}
