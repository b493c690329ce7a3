import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatFen } from './format.ts';

describe('formatFen', () => {
  it('shows integer fen as yuan with two decimals and thousands separators', () => {
    expect(formatFen(4800000)).toBe('48,000.00');
    expect(formatFen(12345678)).toBe('123,456.78');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(0)).toBe('0.00');
  });

  it('keeps the sign, accepts strings and bigints from the API, and adds ¥ on request', () => {
    expect(formatFen(-150)).toBe('-1.50');
    expect(formatFen('900719925474099312')).toBe('9,007,199,254,740,993.12');
    expect(formatFen(10n, { withSymbol: true })).toBe('¥0.10');
  });

  it('shows a dash for missing or unreadable amounts', () => {
    expect(formatFen(null)).toBe('—');
    expect(formatFen(undefined)).toBe('—');
    expect(formatFen('abc')).toBe('—');
  });
});

describe('dates', () => {
  it('keeps a plain ISO date and renders timestamps in Beijing time', () => {
    expect(formatDate('2026-01-05')).toBe('2026-01-05');
    expect(formatDate('2026-01-04T17:00:00Z')).toBe('2026-01-05');
    expect(formatDateTime('2026-01-04T17:00:05Z')).toBe('2026-01-05 01:00:05');
    expect(formatDateTime(null)).toBe('—');
  });
});
