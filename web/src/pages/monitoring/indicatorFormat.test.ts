import { describe, expect, it } from 'vitest';
import { formatIndicatorNumber, formatShare, parseIndicatorNumber } from './indicatorFormat.ts';

describe('indicator numbers', () => {
  it('shows shares as percentages, fen as yuan and counts with separators', () => {
    expect(formatIndicatorNumber(0.1581, '比例')).toBe('15.81%');
    expect(formatIndicatorNumber(38690725946, '分')).toBe('386,907,259.46');
    expect(formatIndicatorNumber(4364, '人')).toBe('4,364');
    expect(formatIndicatorNumber(-72, '人')).toBe('-72');
    expect(formatIndicatorNumber(null, '人')).toBe('—');
    expect(formatShare(1)).toBe('100.00%');
    // 政策享受金额: exact to the fen.
    expect(formatIndicatorNumber(4_950_004, '分')).toBe('49,500.04');
    expect(formatIndicatorNumber(12, '次')).toBe('12');
  });

  it('reads its own output back to the API value', () => {
    expect(parseIndicatorNumber('15.81%', '比例')).toBe(0.1581);
    expect(parseIndicatorNumber('386,907,259.46', '分')).toBe(38690725946);
    expect(parseIndicatorNumber('4,364', '人')).toBe(4364);
    expect(parseIndicatorNumber('暂无数据', '人')).toBeNull();
  });
});
