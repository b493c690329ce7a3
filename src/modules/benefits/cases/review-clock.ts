import { addWorkdaysProvisional, isYearCovered, workdaysBetweenProvisional } from '../../../platform/calendar.ts';
import { addDays } from '../../../platform/iso-date.ts';
import { timeLimitOn } from './time-limits.ts';

/**
 * The review limit (苏人社发〔2023〕63号: 20 working days, reference/benefits/time-limits.json)
 * on the official calendar, the start day not counted, with a warning near its end; and the
 * 公示 period. A deadline reaching into a year whose holiday arrangement is not yet on the
 * calendar is provisional: counted Monday to Friday there, flagged, and recomputed when that
 * year is loaded (review-deadlines.service.ts) — never silently final.
 */

/** A deadline and whether it was counted Monday to Friday through a year not yet on the calendar. */
export interface WorkdayDeadline {
  date: string;
  isProvisional: boolean;
}

/** The review deadline of a case whose review starts on a date (the limit in force that day). */
export function reviewDeadlineOf(start: string): WorkdayDeadline {
  return deadlineAfter(start, timeLimitOn('review_workdays', start).value);
}

/** The last day of the 公示 of a case approved on a date (the period in force that day). */
export function publicityUntilOf(approvedOn: string): WorkdayDeadline {
  return deadlineAfter(approvedOn, timeLimitOn('publicity_workdays', approvedOn).value);
}

/** The words shown beside a provisional date: 暂按周一至周五推算，待 YYYY 年节假日安排录入后确定. */
export function provisionalNote(date: string, fromDate = date): string {
  const year = uncoveredYears(fromDate, date)[0] ?? Number(date.slice(0, 4));
  return `暂按周一至周五推算，待 ${year} 年节假日安排录入后确定`;
}

function deadlineAfter(start: string, workdays: number): WorkdayDeadline {
  const { value, provisionalYears } = addWorkdaysProvisional(start, workdays);
  return { date: value, isProvisional: provisionalYears.length > 0 };
}

export interface ReviewClock {
  started_on: string;
  deadline: string;
  /** The limit this case's review runs under, in working days. */
  limit_workdays: number;
  /** Working days after today up to the deadline (0: due today; negative: overdue by that many). */
  days_left: number;
  is_warning: boolean;
  is_overdue: boolean;
  /** The deadline (or the count of days left) was reckoned Monday to Friday through a year not yet on the calendar. */
  is_provisional: boolean;
  /** The first such year, for the message 暂按周一至周五推算，待 YYYY 年节假日安排录入后确定. */
  provisional_year: number | null;
}

/** The clock of a review started on `start` with its deadline, seen on `today`. */
export function reviewClockOf(start: string, deadline: string, today: string): ReviewClock {
  const { value: daysLeft, provisionalYears } =
    today <= deadline
      ? today === deadline
        ? { value: 0, provisionalYears: [] }
        : workdaysBetweenProvisional(addDays(today, 1), deadline)
      : negate(workdaysBetweenProvisional(addDays(deadline, 1), today));
  const uncovered = [...uncoveredYears(start, deadline), ...provisionalYears].sort((a, b) => a - b);
  return {
    started_on: start,
    deadline,
    limit_workdays: timeLimitOn('review_workdays', start).value,
    days_left: daysLeft,
    is_warning: daysLeft <= timeLimitOn('review_warning_workdays', start).value,
    is_overdue: today > deadline,
    is_provisional: uncovered.length > 0,
    provisional_year: uncovered[0] ?? null,
  };
}

function negate({ value, provisionalYears }: { value: number; provisionalYears: number[] }) {
  return { value: -value, provisionalYears };
}

function uncoveredYears(from: string, to: string): number[] {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1)
    if (!isYearCovered(year)) years.push(year);
  return years;
}
