import { describe, expect, it } from 'vitest';
import { afterEach } from 'vitest';
import {
  addWorkdays,
  addWorkdaysProvisional,
  CALENDAR_COVERAGE,
  installLoadedCalendarYears,
  isWorkday,
  isYearCovered,
  workdaysBetween,
  workdaysBetweenProvisional,
} from './calendar.ts';

const notCovered = expect.objectContaining({ code: 'CALENDAR_NOT_COVERED' });

describe('isWorkday', () => {
  it('counts make-up Sundays and Saturdays as workdays', () => {
    expect(isWorkday('2024-02-04')).toBe(true);
    expect(isWorkday('2024-02-18')).toBe(true);
    expect(isWorkday('2025-01-26')).toBe(true);
    expect(isWorkday('2025-02-08')).toBe(true);
  });

  it('knows the 2024 Spring Festival: 10–17 February off', () => {
    for (let day = 10; day <= 17; day += 1) expect(isWorkday(`2024-02-${day}`)).toBe(false);
    expect(isWorkday('2024-02-09')).toBe(true);
    expect(isWorkday('2024-02-19')).toBe(true);
  });

  it('knows the 2025 Spring Festival: 28 January – 4 February off', () => {
    for (const date of ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04']) expect(isWorkday(date)).toBe(false);
    expect(isWorkday('2025-01-27')).toBe(true);
    expect(isWorkday('2025-02-05')).toBe(true);
  });

  it('knows National Day 2024 (1–7 October; 29 September and 12 October worked)', () => {
    for (let day = 1; day <= 7; day += 1) expect(isWorkday(`2024-10-0${day}`)).toBe(false);
    expect(isWorkday('2024-09-29')).toBe(true);
    expect(isWorkday('2024-10-12')).toBe(true);
  });

  it('knows National Day and Mid-Autumn 2025 (1–8 October; 28 September and 11 October worked)', () => {
    for (let day = 1; day <= 8; day += 1) expect(isWorkday(`2025-10-0${day}`)).toBe(false);
    expect(isWorkday('2025-09-28')).toBe(true);
    expect(isWorkday('2025-10-11')).toBe(true);
  });

  it('treats an ordinary weekend as rest', () => {
    expect(isWorkday('2025-03-01')).toBe(false);
    expect(isWorkday('2025-03-03')).toBe(true);
  });

  it('refuses malformed and unreal dates with INVALID_DATE', () => {
    for (const date of ['2025-2-1', '2025-02-30', 'tomorrow']) {
      expect(() => isWorkday(date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    }
  });
});

describe('addWorkdays', () => {
  it('finds the 20th working day after 2025-09-26: 2025-10-30', () => {
    expect(addWorkdays('2025-09-26', 20)).toBe('2025-10-30');
  });

  it('does not count the start day', () => {
    expect(addWorkdays('2025-03-03', 1)).toBe('2025-03-04');
    expect(addWorkdays('2024-02-09', 1)).toBe('2024-02-18');
  });

  it('counts backwards for a negative n and returns the date itself for 0', () => {
    expect(addWorkdays('2025-10-09', -1)).toBe('2025-09-30');
    expect(addWorkdays('2025-10-04', 0)).toBe('2025-10-04');
  });

  it('refuses to step into a year the calendar does not cover', () => {
    expect(() => addWorkdays('2026-12-30', 5)).toThrow(notCovered);
  });
});

describe('workdaysBetween', () => {
  it('includes both ends', () => {
    expect(workdaysBetween('2025-03-03', '2025-03-07')).toBe(5);
    expect(workdaysBetween('2025-03-03', '2025-03-03')).toBe(1);
  });

  it('counts October 2025 with its holiday and make-up day: 18', () => {
    expect(workdaysBetween('2025-10-01', '2025-10-31')).toBe(18);
  });

  it('counts the working days of 2024 and of 2025: 251 and 248', () => {
    // 2025: 261 weekdays − 18 holiday weekdays + 5 make-up days (国办发明电〔2024〕12号).
    expect(workdaysBetween('2024-01-01', '2024-12-31')).toBe(251);
    expect(workdaysBetween('2025-01-01', '2025-12-31')).toBe(248);
  });

  it('refuses a reversed range with VALIDATION_FAILED', () => {
    expect(() => workdaysBetween('2025-10-31', '2025-10-01')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('calendar coverage', () => {
  it(`refuses ${CALENDAR_COVERAGE.lastYear + 1} and ${CALENDAR_COVERAGE.firstYear - 1} with a message naming the year`, () => {
    const next = CALENDAR_COVERAGE.lastYear + 1;
    expect(() => isWorkday(`${next}-03-01`)).toThrow(notCovered);
    expect(() => isWorkday(`${next}-03-01`)).toThrow(String(next));
    expect(() => workdaysBetween('2026-12-01', `${next}-01-05`)).toThrow(notCovered);
    expect(() => isWorkday(`${CALENDAR_COVERAGE.firstYear - 1}-06-02`)).toThrow(notCovered);
  });

  it('is 2027 that is not covered yet (DOMAIN §7)', () => {
    expect(() => isWorkday('2027-01-04')).toThrow(notCovered);
    expect(isWorkday('2026-10-07')).toBe(false);
    expect(isWorkday('2026-10-10')).toBe(true);
  });
});

describe('years beyond the package', () => {
  // Test data, not the official 2027 arrangement (src/test/fixtures/calendar-2027-test-data.yaml).
  const testYear = {
    year: 2027,
    documentNumber: '测试用〔2026〕1号',
    version: 1,
    holidays: new Set(['2027-01-01', '2027-02-08']),
    workdays: new Set(['2027-02-06']),
  };
  afterEach(() => installLoadedCalendarYears([]));

  it('counts a loaded year with its holidays and make-up days', () => {
    installLoadedCalendarYears([testYear]);
    expect(isYearCovered(2027)).toBe(true);
    expect(isWorkday('2027-01-01')).toBe(false);
    expect(isWorkday('2027-02-06')).toBe(true);
    expect(addWorkdays('2026-12-15', 20)).toBe('2027-01-13');
    expect(() => isWorkday('2028-01-03')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_NOT_COVERED', message: expect.stringContaining('已录入的 2027 年') }),
    );
  });

  it('counts a year not loaded Monday to Friday only when asked for a provisional answer, and names it', () => {
    expect(addWorkdaysProvisional('2026-12-15', 20)).toEqual({ value: '2027-01-12', provisionalYears: [2027] });
    expect(addWorkdaysProvisional('2025-09-26', 20)).toEqual({ value: '2025-10-30', provisionalYears: [] });
    expect(workdaysBetweenProvisional('2026-12-28', '2027-01-08')).toEqual({ value: 10, provisionalYears: [2027] });
    installLoadedCalendarYears([testYear]);
    expect(addWorkdaysProvisional('2026-12-15', 20)).toEqual({ value: '2027-01-13', provisionalYears: [] });
  });
});
