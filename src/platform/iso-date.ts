import { AppError } from './errors.ts';

/**
 * Calendar dates as ISO `YYYY-MM-DD` text (SPEC §0). Arithmetic runs on UTC day numbers so
 * that the server's time zone can never shift a date by one.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits a strict `YYYY-MM-DD` into numbers, or undefined when it is not a real date. */
export function parseIsoDate(value: string): DateParts | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2023-02-30 over to March; a real date survives the round trip. Years
  // below 100 are mapped to 19xx by Date.UTC, so the year is compared as well.
  const isReal = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return isReal ? { year, month, day } : undefined;
}

/** Whether the text is a strict, real `YYYY-MM-DD` date. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

/** Returns the date unchanged, or throws INVALID_DATE naming the field. */
export function requireIsoDate(value: string, field = '日期'): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new AppError('INVALID_DATE', `${field}格式应为 YYYY-MM-DD 且为真实日期：${String(value)}`);
  }
  return value;
}

/** Days since 1970-01-01 of a valid ISO date. */
export function toDayNumber(iso: string): number {
  const parts = parseIsoDate(iso);
  if (!parts) throw new AppError('INVALID_DATE', `日期不正确：${iso}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date n calendar days later (n may be negative). */
export function addDays(iso: string, n: number): string {
  return fromDayNumber(toDayNumber(iso) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7;
}

/** Today's date in Asia/Shanghai, the product's time zone (SPEC §0). */
export function todayInShanghai(clock: () => Date = () => new Date()): string {
  return new Date(clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
