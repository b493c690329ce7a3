import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateCell } from './cells.ts';
import { cellsByKey, mapHeader } from './header.ts';
import { openSource, type SourceRow } from './source.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-source-'));
const CSV =
  '统一社会信用代码,企业名称,认定日期\n91320115MA1XXXXX0,南京某某科技有限公司,2024/3/5\n"9132","带,逗号的""名称""",20240305\n';

async function collect(file: string): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of (await openSource(file)).rows()) rows.push(row);
  return rows;
}

describe('import sources', () => {
  it('reads UTF-8 CSV with a BOM, quoted commas and doubled quotes, with line numbers', async () => {
    const file = path.join(dir, 'utf8.csv');
    writeFileSync(file, `\ufeff${CSV}`);
    const source = await openSource(file);
    expect(source).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    const rows = await collect(file);
    expect(rows[0]!.cells[0]).toBe('统一社会信用代码');
    expect(rows[2]).toEqual({ line: 3, cells: ['9132', '带,逗号的"名称"', '20240305'] });
  });

  it('detects GB18030 and decodes it', async () => {
    const file = path.join(dir, 'gbk.csv');
    writeFileSync(file, iconv.encode(CSV, 'gb18030'));
    expect((await openSource(file)).encoding).toBe('gb18030');
    expect((await collect(file))[1]!.cells[1]).toBe('南京某某科技有限公司');
  });

  it('reads the first worksheet of an XLSX file, with date cells and numbers stored as text', async () => {
    const file = path.join(dir, 'book.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('培育库');
    sheet.addRow(['统一社会信用代码', '企业名称', '认定日期']);
    sheet.addRow([
      '91320115MA1XXXXX0',
      { richText: [{ text: '南京' }, { text: '某某科技' }] },
      new Date(Date.UTC(2024, 2, 5)),
    ]);
    sheet.addRow(['913201', '文本数字', '45356']);
    workbook.addWorksheet('说明').addRow(['这一页不是数据']);
    await workbook.xlsx.writeFile(file);
    const rows = await collect(file);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.cells[1]).toBe('南京某某科技');
    expect(dateCell(rows[1]!.cells[2])).toBe('2024-03-05');
    expect(dateCell(rows[2]!.cells[2])).toBe('2024-03-05');
  });
});

describe('header mapping', () => {
  const columns = [
    { key: 'uscc', header: '统一社会信用代码', alias: 'uscc', required: true },
    { key: 'base', header: '缴费基数', alias: 'base', required: true },
    { key: 'reason', header: '减员原因', alias: 'leave_reason', required: false },
  ];

  it('accepts Chinese names, English aliases and units in brackets, and lists ignored columns', () => {
    const map = mapHeader(columns, ['USCC', '缴费基数（元）', '备注'], '参保名册');
    expect(cellsByKey(map, ['A', '100', 'x'])).toEqual({ uscc: 'A', base: '100' });
    expect(map.ignored).toEqual(['备注']);
  });

  it('refuses a wrong header whole, naming the missing and expected columns', () => {
    expect(() => mapHeader(columns, ['统一社会信用代码', '姓名'], '参保名册')).toThrow(
      /缺少：缴费基数。应包含列：统一社会信用代码、缴费基数；可选列：减员原因/,
    );
  });
});
