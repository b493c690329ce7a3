import { describe, expect, it } from 'vitest';
import { reviewClockOf, reviewDeadlineOf } from './review-clock.ts';

describe('the 20-working-day review clock', () => {
  it('counts on the official calendar, the start day not counted (DOMAIN §7: 2025-09-26 + 20 = 2025-10-30)', () => {
    expect(reviewDeadlineOf('2025-09-26')).toBe('2025-10-30');
    expect(reviewClockOf('2025-09-26', '2025-10-30', '2025-09-26')).toMatchObject({ days_left: 20, is_warning: false, is_overdue: false });
  });

  it('warns at 5 working days left and says how late an overdue review is', () => {
    expect(reviewClockOf('2025-09-26', '2025-10-30', '2025-10-23')).toMatchObject({ days_left: 5, is_warning: true, is_overdue: false });
    expect(reviewClockOf('2025-09-26', '2025-10-30', '2025-10-30')).toMatchObject({ days_left: 0, is_overdue: false });
    expect(reviewClockOf('2025-09-26', '2025-10-30', '2025-11-03')).toMatchObject({ days_left: -2, is_overdue: true });
  });

  it('flags a deadline in a year the calendar does not cover instead of guessing Monday to Friday', () => {
    expect(reviewDeadlineOf('2026-12-15')).toBeNull();
    expect(reviewClockOf('2026-12-15', null, '2026-12-20')).toMatchObject({ deadline: null, days_left: null, calendar_not_covered: true, is_warning: true });
  });
});
