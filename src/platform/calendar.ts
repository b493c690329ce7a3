import { createRequire } from 'node:module';
import { AppError } from './errors.ts';
import { addDays, requireIsoDate, toDayNumber, weekdayOf } from './iso-date.ts';

/**
 * Working days on the State Council's holiday calendar, make-up workdays (调休补班) included
 * (DOMAIN §7). Two sources: the years the npm package chinese-days carries, and the years an
 * administrator loaded from the State Council's notice (calendar_years, installed here by
 * modules/reference/calendar.service.ts). A year neither covers is refused by the exact
 * functions, never guessed as Monday–Friday; only the `…Provisional` functions count such a
 * year Monday to Friday, and they say so.
 */

/**
 * Years whose 国务院办公厅关于 YYYY 年部分节假日安排的通知 the npm package chinese-days 1.5.7
 * carries (its src/holidays/generate.ts cites each notice; 2026:
 * https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm). Checked 2026-11-27 against
 * the package data by calendar-package.test.ts; raise lastYear only together with the package.
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

/** A year loaded from a notice: its holidays and make-up workdays, by date. */
export interface LoadedCalendarYear {
  year: number;
  documentNumber: string;
  version: number;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

// The package's own functions build their date keys in the process's local time zone and
// shift by one day west of UTC; its generated JSON has plain ISO keys, so we read that.
// The default export is still the reference: calendar-package.test.ts compares the two day by day.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as HolidayData;

let loadedYears = new Map<number, LoadedCalendarYear>();

/** Replaces the loaded years this process counts with (the current version of each). */
export function installLoadedCalendarYears(years: readonly LoadedCalendarYear[]): void {
  loadedYears = new Map(years.map((y) => [y.year, y]));
}

/** The loaded years in force in this process, oldest first. */
export function loadedCalendarYears(): LoadedCalendarYear[] {
  return [...loadedYears.values()].sort((a, b) => a.year - b.year);
}

/** Whether the package carries the year (then a file need not, and may not, be loaded for it). */
export function isPackageYear(year: number): boolean {
  return year >= CALENDAR_COVERAGE.firstYear && year <= CALENDAR_COVERAGE.lastYear;
}

/** Whether the official calendar covers the year: the package's years and the loaded ones. */
export function isYearCovered(year: number): boolean {
  return loadedYears.has(year) || isPackageYear(year);
}

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
  return stepWorkdays(date, n, (day) => {
    requireCoveredDate(day);
    return isCoveredWorkday(day);
  });
}

/**
 * Working days from one date to another, both ends included. A reversed range is refused
 * with VALIDATION_FAILED rather than answered with 0, because it is almost always swapped input.
 */
export function workdaysBetween(from: string, to: string): number {
  requireCoveredDate(from, '开始日期');
  requireCoveredDate(to, '结束日期');
  return countWorkdays(from, to, isCoveredWorkday);
}

/** A count on the calendar where years not yet covered were counted Monday to Friday. */
export interface ProvisionalAnswer<T> {
  value: T;
  /** The years counted Monday to Friday, oldest first; empty when the answer is final. */
  provisionalYears: number[];
}

/** addWorkdays, counting a year the calendar does not cover Monday to Friday and naming it. */
export function addWorkdaysProvisional(date: string, n: number): ProvisionalAnswer<string> {
  requireIsoDate(date);
  const years = new Set<number>();
  const value = stepWorkdays(date, n, (day) => provisionalWorkday(day, years));
  return { value, provisionalYears: [...years].sort((a, b) => a - b) };
}

/** workdaysBetween, counting a year the calendar does not cover Monday to Friday and naming it. */
export function workdaysBetweenProvisional(from: string, to: string): ProvisionalAnswer<number> {
  requireIsoDate(from, '开始日期');
  requireIsoDate(to, '结束日期');
  const years = new Set<number>();
  const value = countWorkdays(from, to, (day) => provisionalWorkday(day, years));
  return { value, provisionalYears: [...years].sort((a, b) => a - b) };
}

function stepWorkdays(date: string, n: number, isWorkdayOn: (day: string) => boolean): string {
  if (!Number.isSafeInteger(n)) throw new AppError('VALIDATION_FAILED', `工作日数应为整数：${String(n)}`);
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let remaining = Math.abs(n); remaining > 0;) {
    current = addDays(current, step);
    if (isWorkdayOn(current)) remaining -= 1;
  }
  return current;
}

function countWorkdays(from: string, to: string, isWorkdayOn: (day: string) => boolean): number {
  if (from > to) throw new AppError('VALIDATION_FAILED', `开始日期 ${from} 晚于结束日期 ${to}`);
  let count = 0;
  const last = toDayNumber(to);
  for (let day = from, number = toDayNumber(from); number <= last; day = addDays(day, 1), number += 1) {
    if (isWorkdayOn(day)) count += 1;
  }
  return count;
}

function provisionalWorkday(day: string, provisionalYears: Set<number>): boolean {
  const year = Number(day.slice(0, 4));
  if (isYearCovered(year)) return isCoveredWorkday(day);
  provisionalYears.add(year);
  return isMondayToFriday(day);
}

function requireCoveredDate(date: string, field = '日期'): void {
  requireIsoDate(date, field);
  const year = Number(date.slice(0, 4));
  if (isYearCovered(year)) return;
  const { firstYear, lastYear } = CALENDAR_COVERAGE;
  const loaded = loadedCalendarYears().map((y) => y.year);
  const extra = loaded.length > 0 ? `及已录入的 ${loaded.join('、')} 年` : '';
  throw new AppError(
    'CALENDAR_NOT_COVERED',
    `官方工作日历只收录 ${firstYear}–${lastYear} 年${extra}，${year} 年的节假日安排尚未录入，无法计算工作日`,
    { year, firstYear, lastYear, loadedYears: loaded },
  );
}

function isCoveredWorkday(date: string): boolean {
  const loaded = loadedYears.get(Number(date.slice(0, 4)));
  if (loaded) {
    if (loaded.workdays.has(date)) return true;
    if (loaded.holidays.has(date)) return false;
    return isMondayToFriday(date);
  }
  if (data.workdays[date] !== undefined) return true;
  if (data.holidays[date] !== undefined) return false;
  return isMondayToFriday(date);
}

function isMondayToFriday(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
}
