import { fromDayNumber, toDayNumber } from '../../platform/iso-date.ts';
import type { Random } from './random.ts';

/** Date helpers of the generator; months are month indexes (year × 12 + month − 1). */

/** The YYYYMM period of a month index. */
export function periodOfMonth(month: number): number {
  return Math.floor(month / 12) * 100 + (month % 12) + 1;
}

/** The ISO date of a day in a month index. */
export function dateInMonth(month: number, day: number): string {
  const year = Math.floor(month / 12);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The month index of an ISO date. */
export function monthOfDate(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** A uniformly drawn date between two ISO dates, both included. */
export function dateBetween(random: Random, from: string, to: string): string {
  return fromDayNumber(random.int(toDayNumber(from), toDayNumber(to)));
}

/** Full years between a birth date and a month index's first day. */
export function ageInMonth(birthDate: string, month: number): number {
  return Math.floor((month - monthOfDate(birthDate)) / 12);
}

/** A birth date for someone of about this age in a month (the day of year drawn). */
export function birthDateForAge(random: Random, age: number, month: number): string {
  const year = Math.floor(month / 12) - age;
  return dateBetween(random, `${year}-01-01`, `${year}-12-31`);
}
