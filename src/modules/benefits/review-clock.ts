import { addWorkdays, isYearCovered, workdaysBetween } from '../../platform/calendar.ts';
import { isAppError } from '../../platform/errors.ts';
import { addDays } from '../../platform/iso-date.ts';

/**
 * The review limit of SPEC §2.5: 20 working days on the official calendar, the start day not
 * counted; a warning at 5 days left. A deadline in a year the calendar does not cover is
 * flagged (deadline null), never guessed as Monday to Friday.
 */

export const REVIEW_WORKDAYS = 20;
export const WARNING_WORKDAYS = 5;
export const PUBLICITY_WORKDAYS = 5;

/** The review deadline of a case whose review starts on a date, or null when the calendar cannot say. */
export function reviewDeadlineOf(start: string): string | null {
  return workdaysAfterOrNull(start, REVIEW_WORKDAYS);
}

/** The n-th working day after a date, or null when the calendar does not cover the way there. */
export function workdaysAfterOrNull(start: string, n: number): string | null {
  try {
    return addWorkdays(start, n);
  } catch (error) {
    if (isAppError(error) && error.code === 'CALENDAR_NOT_COVERED') return null;
    throw error;
  }
}

export interface ReviewClock {
  started_on: string;
  deadline: string | null;
  /** Working days after today up to the deadline (0: due today; negative: overdue by that many). */
  days_left: number | null;
  is_warning: boolean;
  is_overdue: boolean;
  calendar_not_covered: boolean;
}

/** The clock of a review started on `start`, seen on `today`. */
export function reviewClockOf(start: string, deadline: string | null, today: string): ReviewClock {
  const covered = deadline !== null && isYearCovered(Number(today.slice(0, 4)));
  if (!covered || deadline === null) {
    return { started_on: start, deadline, days_left: null, is_warning: true, is_overdue: deadline !== null && today > deadline, calendar_not_covered: true };
  }
  const daysLeft = today <= deadline
    ? (today === deadline ? 0 : workdaysBetween(addDays(today, 1), deadline))
    : -workdaysBetween(addDays(deadline, 1), today);
  return { started_on: start, deadline, days_left: daysLeft, is_warning: daysLeft <= WARNING_WORKDAYS, is_overdue: today > deadline, calendar_not_covered: false };
}
