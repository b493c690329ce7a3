import { describe, expect, it } from 'vitest';
import { contactCapOn } from './governance-parameters.ts';
import { escalationLevelOn, requestDeadline } from './request-clock.ts';

// 2026 on the State Council calendar: 中秋 Fri 25 Sep, National Day 1–7 Oct; 调休 workdays Sun 20 Sep and Sat 10 Oct.
describe('the request clock', () => {
  it('counts working days from the day after submission, a 调休 Sunday included', () => {
    // Fri 18 Sep + 5 (招聘用工): Sun 20 (调休), Mon 21, Tue 22, Wed 23, Thu 24.
    expect(requestDeadline('recruitment', '2026-09-18')).toEqual({ date: '2026-09-24', isProvisional: false });
  });

  it('skips the National Day holiday and counts the 调休 Saturday', () => {
    // Tue 29 Sep + 5: Wed 30, (1–7 Oct holiday), Thu 8, Fri 9, Sat 10 (调休), Mon 12.
    expect(requestDeadline('social_insurance', '2026-09-29')).toEqual({ date: '2026-10-12', isProvisional: false });
  });

  it('takes the category’s days from the parameter file (政策兑现 20 working days)', () => {
    expect(requestDeadline('policy_delivery', '2026-11-02').date).toBe('2026-11-30');
  });

  it('marks a deadline in a year the calendar does not cover as provisional (Monday to Friday)', () => {
    const deadline = requestDeadline('other', '2099-12-28');
    expect(deadline.isProvisional).toBe(true);
    expect(deadline.date).toBe('2100-01-11');
  });

  it('escalates to the city the day after the deadline, a holiday too, and to the province after 5 more working days', () => {
    expect(escalationLevelOn('2026-09-30', '2026-09-30', '2026-09-23')).toBe(0); // the last working day itself
    expect(escalationLevelOn('2026-09-30', '2026-10-01', '2026-09-23')).toBe(1); // a holiday: overdue all the same
    // Working days after 30 Sep: 8, 9, 10 (调休), 12, 13 Oct → the province from 14 Oct.
    expect(escalationLevelOn('2026-09-30', '2026-10-13', '2026-09-23')).toBe(1);
    expect(escalationLevelOn('2026-09-30', '2026-10-14', '2026-09-23')).toBe(2);
  });

  it('caps unsolicited contacts at 2 a month, citing the notice', () => {
    const { cap, source } = contactCapOn('2026-12-07');
    expect(cap).toBe(2);
    expect(source).toContain('苏人社发〔2023〕63号');
  });
});
