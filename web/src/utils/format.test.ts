import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatDuration,
  formatFen,
  formatLargeCount,
  formatLargeYuan,
  formatYuan,
} from './format.ts';

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
    expect(formatDateTime('2026-01-04T17:00:05Z')).toBe('2026-01-05 01:00');
    expect(formatDateTime(null)).toBe('—');
  });
});

describe('one form of a moment', () => {
  it('writes a timestamp to the minute with dashes, never slashes or seconds', () => {
    expect(formatDateTime('2026-12-15T01:22:47Z')).toBe('2026-12-15 09:22');
    expect(formatDateTimeSeconds('2026-12-15T01:22:47Z')).toBe('2026-12-15 09:22:47');
  });
});

describe('large sums and counts', () => {
  it('writes a sum of a hundred million yuan or more in 亿元, keeping the exact amount', () => {
    expect(formatLargeYuan(2991665820130)).toEqual({
      text: '299.17 亿元',
      exact: '29,916,658,201.30 元',
      isRounded: true,
    });
    expect(formatLargeYuan('-2991665820130').text).toBe('-299.17 亿元');
  });

  it('writes a sum from one million yuan in 万元 and smaller sums exactly with 元', () => {
    expect(formatLargeYuan(123456700).text).toBe('123.46 万元');
    expect(formatLargeYuan(99999999)).toEqual({ text: '999,999.99 元', exact: '999,999.99 元', isRounded: false });
    expect(formatLargeYuan(6624323).text).toBe('66,243.23 元');
    expect(formatLargeYuan(null).text).toBe('—');
  });

  it('rounds half up at the second decimal without floating-point error', () => {
    expect(formatLargeYuan(10000500000).text).toBe('1.00 亿元');
    expect(formatLargeYuan(10050000000).text).toBe('1.01 亿元');
  });

  it('writes counts exactly up to a million, then in 万 and 亿', () => {
    expect(formatLargeCount(19803)).toEqual({ text: '19,803', exact: '19,803', isRounded: false });
    expect(formatLargeCount(1234567)).toEqual({ text: '123.46 万', exact: '1,234,567', isRounded: true });
    expect(formatLargeCount(250000000).text).toBe('2.50 亿');
    expect(formatLargeCount(undefined).text).toBe('—');
  });

  it('adds the unit to an exact amount', () => {
    expect(formatYuan(6624323)).toBe('66,243.23 元');
    expect(formatYuan(null)).toBe('—');
  });
});

describe('durations', () => {
  it('reads a duration in words at the scale that fits', () => {
    expect(formatDuration(850)).toBe('850 毫秒');
    expect(formatDuration(12_400)).toBe('12.4 秒');
    expect(formatDuration(185_000)).toBe('3 分 05 秒');
    expect(formatDuration(7_620_000)).toBe('2 小时 07 分');
    expect(formatDuration(null)).toBe('—');
  });
});
