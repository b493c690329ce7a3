import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from '../api/client.ts';
import { csvText } from './download.ts';
import { formatPeriod, isPeriod } from './period.ts';

describe('csvText', () => {
  it('starts with a BOM, quotes fields that need it, ends lines with CRLF', () => {
    expect(csvText(['统一社会信用代码', '企业名称'])).toBe('\ufeff统一社会信用代码,企业名称\r\n');
    expect(csvText(['a'], [['x,"y"']])).toBe('\ufeffa\r\n"x,""y"""\r\n');
  });
});

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name and falls back to the plain one', () => {
    const header = `attachment; filename="enterprises.xlsx"; filename*=UTF-8''${encodeURIComponent('专精特新企业名录-2026-01-02.xlsx')}`;
    expect(fileNameFromDisposition(header, 'x')).toBe('专精特新企业名录-2026-01-02.xlsx');
    expect(fileNameFromDisposition('attachment; filename="import-3-rejects.csv"', 'x')).toBe('import-3-rejects.csv');
    expect(fileNameFromDisposition(null, 'fallback.csv')).toBe('fallback.csv');
  });
});

describe('periods', () => {
  it('formats and checks YYYYMM', () => {
    expect(formatPeriod(202401)).toBe('2024-01');
    expect(formatPeriod(null)).toBe('—');
    expect(isPeriod('202412')).toBe(true);
    expect(isPeriod('202413')).toBe(false);
    expect(isPeriod('2024-1')).toBe(false);
  });
});
