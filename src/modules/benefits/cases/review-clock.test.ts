import { describe, expect, it } from 'vitest';
import { provisionalNote, publicityUntilOf, reviewClockOf, reviewDeadlineOf } from './review-clock.ts';
import { timeLimitOn } from './time-limits.ts';

describe('the review clock', () => {
  it('counts on the official calendar, the start day not counted (DOMAIN §7: 2025-09-26 + 20 = 2025-10-30)', () => {
    expect(reviewDeadlineOf('2025-09-26')).toEqual({ date: '2025-10-30', isProvisional: false });
    expect(reviewClockOf('2025-09-26', '2025-10-30', '2025-09-26')).toMatchObject({
      days_left: 20,
      is_warning: false,
      is_overdue: false,
    });
  });

  it('warns at 5 working days left and says how late an overdue review is', () => {
    expect(reviewClockOf('2025-09-26', '2025-10-30', '2025-10-23')).toMatchObject({
      days_left: 5,
      is_warning: true,
      is_overdue: false,
    });
    expect(reviewClockOf('2025-09-26', '2025-10-30', '2025-10-30')).toMatchObject({ days_left: 0, is_overdue: false });
    expect(reviewClockOf('2025-09-26', '2025-10-30', '2025-11-03')).toMatchObject({ days_left: -2, is_overdue: true });
  });

  it('gives a provisional deadline through a year not yet on the calendar, counted Monday to Friday and flagged', () => {
    expect(reviewDeadlineOf('2026-12-15')).toEqual({ date: '2027-01-12', isProvisional: true });
    expect(reviewClockOf('2026-12-15', '2027-01-12', '2026-12-21')).toMatchObject({
      deadline: '2027-01-12',
      days_left: 16,
      is_provisional: true,
      provisional_year: 2027,
      limit_workdays: 20,
    });
    expect(provisionalNote('2027-01-12', '2026-12-15')).toBe('暂按周一至周五推算，待 2027 年节假日安排录入后确定');
  });

  it('takes the review limit and the 公示 period from the dated, cited parameters', () => {
    expect(timeLimitOn('review_workdays', '2025-09-26')).toMatchObject({
      value: 20,
      source: expect.stringContaining('苏人社发〔2023〕63号'),
    });
    expect(publicityUntilOf('2025-09-26')).toEqual({ date: '2025-10-10', isProvisional: false });
  });
});
