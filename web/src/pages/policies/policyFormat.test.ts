import { describe, expect, it } from 'vitest';
import { factAnswer, formatParameterValue, formatYuan, percentNumber } from './policyFormat.ts';

describe('policy values', () => {
  it('shows parameters with their units, money as yuan with 2 decimals', () => {
    expect(formatParameterValue('60%', 'percent', null)).toBe('60%');
    expect(formatParameterValue(1500, 'money', null)).toBe('1,500.00 元');
    expect(formatParameterValue(12, 'number', '个月')).toBe('12 个月');
    expect(formatParameterValue('2025-12-31', 'date', null)).toBe('2025-12-31');
    expect(formatParameterValue({ 一类: 2490, 二类: 2260 }, 'money', null)).toBe('一类 2,490.00 元；二类 2,260.00 元');
    expect(formatParameterValue({ A: { 初级: 1000 } }, 'money', null)).toBe('A：初级 1,000.00 元');
    expect(formatYuan(80000.5)).toBe('80,000.50');
  });

  it('reads and writes percentages and answers as the calculator expects', () => {
    expect(percentNumber('90%')).toBe(90);
    expect(percentNumber('5.5%')).toBe(5.5);
    expect(percentNumber(0.6)).toBe(60);
    expect(factAnswer('percent', 3.2)).toBe('3.2%');
    expect(factAnswer('money', 80000)).toBe(80000);
    expect(factAnswer('bool', 'true')).toBe(true);
    expect(factAnswer('bool', false)).toBe(false);
    expect(factAnswer('number', '')).toBeUndefined();
    expect(factAnswer('number', 0)).toBe(0);
  });
});
