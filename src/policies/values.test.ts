import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../platform/iso-date.ts';
import { addMonths, ageOn, civilFromDays, daysFromCivil, isoFromDays, yearOfDay } from './dates.ts';
import { divideMoney, formatNumber, formatPercent, formatYuan, multiplyMoney, parsePercent, parseYuan, roundHalfUp } from './values.ts';

describe('money', () => {
  it('multiplies money by a percentage exactly and rounds half up to the fen', () => {
    expect(multiplyMoney(8_000_000, 0.6)).toBe(4_800_000);
    expect(multiplyMoney(123_456_789, 0.3)).toBe(37_037_037); // 370,370.367 元 → 370,370.37 元
    expect(multiplyMoney(33_333, 0.25)).toBe(8_333); // 83.3325 元 → 83.33 元
    expect(multiplyMoney(5, 0.5)).toBe(3); // 0.025 元 → 0.03 元: half goes up
    expect(multiplyMoney(150_000, 1.2)).toBe(180_000);
  });

  it('agrees with exact integer arithmetic for percentages of up to 4 decimals', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 2_000_000 }), (fen, millionths) => {
      const exact = BigInt(fen) * BigInt(millionths);
      const magnitude = exact < 0n ? -exact : exact;
      const rounded = (magnitude + 500_000n) / 1_000_000n;
      const expected = Number(exact < 0n ? -rounded : rounded);
      expect(multiplyMoney(fen, millionths / 1_000_000)).toBe(expected);
    }), { numRuns: 2000 });
  });

  it('rounds half away from zero, despite float noise', () => {
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(1.005 * 100)).toBe(101);
    expect(divideMoney(100, 3)).toBe(33);
  });

  it('parses yuan into fen without float error and refuses more than 2 decimals', () => {
    expect(parseYuan(80000)).toBe(8_000_000);
    expect(parseYuan('1,234,567.89')).toBe(123_456_789);
    expect(parseYuan(0.1)).toBe(10);
    expect(parseYuan('1.005')).toBeUndefined();
    expect(parseYuan('abc')).toBeUndefined();
  });

  it('formats yuan with thousands separators and 2 decimals', () => {
    expect(formatYuan(4_800_000)).toBe('48,000.00 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(-123_456_789)).toBe('-1,234,567.89 元');
  });
});

describe('percentages and numbers', () => {
  it('parses "5.5%" to the same float as 11 ÷ 200, so the boundary compares equal', () => {
    expect(parsePercent('5.5%')).toBe(11 / 200);
    expect(parsePercent('60%')).toBe(0.6);
    expect(parsePercent(0.032)).toBe(0.032);
    expect(parsePercent('5.5')).toBeUndefined();
  });

  it('formats like the explanations: 3.2%, 60%, 19.35%', () => {
    expect(formatPercent(0.032)).toBe('3.2%');
    expect(formatPercent(0.6)).toBe('60%');
    expect(formatPercent(6 / 31)).toBe('19.35%');
    expect(formatPercent(0.05504, 4)).toBe('5.504%');
    expect(formatNumber(2024)).toBe('2024');
    expect(formatNumber(12_258)).toBe('12,258');
    expect(formatNumber(125.5)).toBe('125.5');
  });
});

describe('dates', () => {
  it('agrees with the platform day numbers on every day from 1950 to 2050', () => {
    fc.assert(fc.property(fc.integer({ min: toDayNumber('1950-01-01'), max: toDayNumber('2050-12-31') }), (day) => {
      const { year, month, day: dayOfMonth } = civilFromDays(day);
      expect(daysFromCivil(year, month, dayOfMonth)).toBe(day);
      expect(toDayNumber(isoFromDays(day))).toBe(day);
    }));
  });

  it('gives the same year, age and month arithmetic inside and outside the precomputed range', () => {
    const slowYear = (day: number) => civilFromDays(day).year;
    fc.assert(fc.property(fc.integer({ min: toDayNumber('1850-01-01'), max: toDayNumber('2250-12-31') }), fc.integer({ min: -600, max: 600 }), (day, months) => {
      expect(yearOfDay(day)).toBe(slowYear(day));
      const start = civilFromDays(day);
      const total = start.year * 12 + start.month - 1 + months;
      const [year, month] = [Math.floor(total / 12), total - Math.floor(total / 12) * 12 + 1];
      const nextMonthStart = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
      const lastDay = civilFromDays(nextMonthStart - 1).day;
      expect(civilFromDays(addMonths(day, months))).toEqual({ year, month, day: Math.min(start.day, lastDay) });
    }));
  });

  it('counts full years of age, the birthday itself included', () => {
    expect(ageOn(toDayNumber('2009-03-01'), toDayNumber('2025-03-01'))).toBe(16);
    expect(ageOn(toDayNumber('2009-03-01'), toDayNumber('2025-02-28'))).toBe(15);
    expect(ageOn(toDayNumber('2004-02-29'), toDayNumber('2025-02-28'))).toBe(20);
    expect(ageOn(toDayNumber('2004-02-29'), toDayNumber('2025-03-01'))).toBe(21);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(isoFromDays(addMonths(toDayNumber('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoFromDays(addMonths(toDayNumber('2023-01-10'), 24))).toBe('2025-01-10');
    expect(isoFromDays(addMonths(toDayNumber('2025-03-20'), -3))).toBe('2024-12-20');
  });
});
