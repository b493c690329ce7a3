import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadImportLimits, type XlsxLimits } from './import-limits.ts';
import { openSource } from './source.ts';
import { checkXlsxLimits, checkXlsxRow } from './xlsx-limits.ts';
import { writeSharedStringsBomb } from './xlsx.fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL: XlsxLimits = {
  maxUncompressedBytes: 64 * 1024 ** 2,
  maxSharedStringsBytes: 1024 ** 2,
  maxSharedStrings: 50_000,
  maxRows: 100,
};

describe('XLSX limits', () => {
  it('refuses a zip bomb from its ZIP directory before unpacking it, with a message in Chinese', async () => {
    const file = path.join(dir, 'bomb.xlsx');
    // Shared strings recorded as 4 GB (a real 20 MB, to keep the test quick).
    await writeSharedStringsBomb(file, 20 * 1024 ** 2, 0xfffffff0);
    const before = process.memoryUsage().rss;
    await expect(openSource(file)).rejects.toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE',
      message: expect.stringMatching(/^XLSX 文件解压后约 4\.0 GB，超过 1 GB 的上限/),
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 ** 2);
  }, 60_000);

  it('refuses shared strings past their own limit though the whole is within it', async () => {
    const file = path.join(dir, 'strings.xlsx');
    await writeSharedStringsBomb(file, 2 * 1024 ** 2);
    await expect(checkXlsxLimits(file, SMALL)).rejects.toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE',
      message: expect.stringContaining('共享字符串解压后超过 1 MB'),
    });
  });

  it('counts what the shared strings really unpack to when the directory understates it', async () => {
    const file = path.join(dir, 'lying.xlsx');
    await writeSharedStringsBomb(file, 8 * 1024 ** 2, 1_000);
    await expect(checkXlsxLimits(file, SMALL)).rejects.toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE',
      message: expect.stringContaining('共享字符串解压后超过 1 MB'),
    });
  });

  it('refuses more shared strings than the limit allows', async () => {
    const file = path.join(dir, 'many.xlsx');
    await writeSharedStringsBomb(file, 1_000_000);
    await expect(checkXlsxLimits(file, { ...SMALL, maxSharedStrings: 9_999 })).rejects.toMatchObject({
      message: expect.stringContaining('共享字符串超过 9,999 条'),
    });
    await expect(checkXlsxLimits(file, { ...SMALL, maxSharedStrings: 10_000 })).resolves.toBeUndefined();
  });

  it('refuses a sheet past the row limit', () => {
    expect(() => checkXlsxRow(100, SMALL)).not.toThrow();
    expect(() => checkXlsxRow(101, SMALL)).toThrow('XLSX 工作表超过 100 行的上限');
  });

  it('reads the limits from their data file', () => {
    const limits = loadImportLimits();
    expect(limits.uploadMaxBytes('bank_results')).toBe(50 * 1024 ** 2);
    expect(limits.uploadMaxBytes('roster')).toBe(1024 ** 3);
    expect(limits.xlsx.maxRows).toBe(1_048_576);
    expect(limits.concurrentImports).toBe(1);
  });
});
