import { describe, expect, it } from 'vitest';
import { formatReportPeriod, parseReportPeriod, splitMonth, yearsBetween } from './reportPeriod.ts';

describe('report periods', () => {
  it('reads the four kinds the API accepts and falls back to the plan window', () => {
    expect(parseReportPeriod('plan')).toEqual({ kind: 'plan' });
    expect(parseReportPeriod('2025')).toEqual({ kind: 'year', year: 2025 });
    expect(parseReportPeriod('2025q2')).toEqual({ kind: 'quarter', year: 2025, part: 2 });
    expect(parseReportPeriod('202503')).toEqual({ kind: 'month', year: 2025, part: 3 });
    expect(parseReportPeriod('202513')).toEqual({ kind: 'plan' });
    expect(parseReportPeriod(undefined)).toEqual({ kind: 'plan' });
  });

  it('writes them back, clamping parts and filling a missing year', () => {
    expect(formatReportPeriod({ kind: 'plan' }, 2025)).toBe('plan');
    expect(formatReportPeriod({ kind: 'year' }, 2025)).toBe('2025');
    expect(formatReportPeriod({ kind: 'quarter', year: 2024, part: 4 }, 2025)).toBe('2024Q4');
    expect(formatReportPeriod({ kind: 'month', year: 2024, part: 2 }, 2025)).toBe('202402');
    expect(formatReportPeriod({ kind: 'month', year: 2024, part: 14 }, 2025)).toBe('202412');
  });

  it('splits a month and lists years', () => {
    expect(splitMonth(202512)).toEqual({ year: 2025, month: 12 });
    expect(yearsBetween(2024, 2025)).toEqual([2024, 2025]);
    expect(yearsBetween(2024, 2023)).toEqual([2024]);
  });
});
