import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, requireIsoDate, todayInShanghai, weekdayOf } from './iso-date.ts';

describe('ISO dates', () => {
  it.each(['2024-02-29', '2025-12-31', '1900-01-01'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-5', '20250105', '2025-01-05T00:00', '0050-01-01', ''])(
    'refuses %j',
    (date) => {
      expect(isIsoDate(date)).toBe(false);
      expect(() => requireIsoDate(date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    },
  );

  it('adds days across months and years without time-zone drift', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('knows the day of the week', () => {
    expect(weekdayOf('2024-02-04')).toBe(0);
    expect(weekdayOf('2025-10-30')).toBe(4);
  });

  it("gives today's date in Asia/Shanghai", () => {
    expect(todayInShanghai(() => new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
  });
});
