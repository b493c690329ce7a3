import { describe, expect, it } from 'vitest';
import { countCell, dateCell, enumCell, moneyCell, periodCell, textCell } from './cells.ts';

describe('import cells', () => {
  it('reads dates in every accepted form and refuses impossible ones', () => {
    for (const raw of [
      '2024-03-05',
      '2024/3/5',
      '20240305',
      '2024年3月5日',
      ' ２０２４-０３-０５ ',
      45356,
      '45356',
      new Date('2024-03-05T00:00:00Z'),
    ]) {
      expect(dateCell(raw), String(raw)).toBe('2024-03-05');
    }
    expect(dateCell('2023-02-29')).toMatchObject({ error: 'DATE_INVALID' });
    expect(dateCell('next monday')).toMatchObject({ error: 'DATE_INVALID' });
    expect(dateCell('')).toBeUndefined();
  });

  it('reads periods as YYYYMM integers', () => {
    expect(periodCell('202401')).toBe(202401);
    expect(periodCell(202412)).toBe(202412);
    expect(periodCell('2024-3')).toBe(202403);
    expect(periodCell('2024年3月')).toBe(202403);
    expect(periodCell('202413')).toMatchObject({ error: 'PERIOD_INVALID' });
    expect(periodCell('20241')).toMatchObject({ error: 'PERIOD_INVALID' });
  });

  it('turns yuan into exact fen, never through floating point', () => {
    expect(moneyCell('80,000.00')).toBe(8_000_000);
    expect(moneyCell('0.1')).toBe(10);
    expect(moneyCell('1234.56')).toBe(123_456);
    expect(moneyCell(19.99)).toBe(1999);
    expect(moneyCell('1.234')).toMatchObject({ error: 'AMOUNT_INVALID' });
    expect(moneyCell('-5')).toMatchObject({ error: 'AMOUNT_INVALID' });
  });

  it('folds quote marks in enumerations', () => {
    const tiers = { 小巨人: 'little_giant', 专精特新小巨人企业: 'little_giant' } as const;
    for (const raw of ['"小巨人"', '“小巨人”', '「小巨人」', '小巨人'])
      expect(enumCell(raw, tiers, '梯度类型')).toBe('little_giant');
    expect(enumCell('大巨人', tiers, '梯度类型')).toMatchObject({ error: 'ENUM_INVALID' });
    expect(enumCell('constructor', tiers, '梯度类型')).toMatchObject({ error: 'ENUM_INVALID' });
    expect(enumCell('toString', tiers, '梯度类型')).toMatchObject({ error: 'ENUM_INVALID' });
  });

  it('trims, folds full width, and reads counts', () => {
    expect(textCell('  南京　')).toBe('南京');
    expect(countCell('１２')).toBe(12);
    expect(countCell('1.5')).toMatchObject({ error: 'COUNT_INVALID' });
  });
});
