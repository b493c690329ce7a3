import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../imports/import-kind.ts';
import { createRosterParser, parseRosterRow } from './roster-row.ts';
import { buildEnterprise, personIdNumber } from '../test-factories.ts';

const TODAY = '2025-06-15';
const ID = personIdNumber(11);
const USCC = buildEnterprise().uscc;
const fullWidth = (text: string) => text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// Valid values as typed in real files (folded, padded, full-width, spreadsheet numbers) and faulty ones.
const cell = {
  uscc: fc.constantFrom<RawCell>(
    USCC,
    USCC.toLowerCase(),
    ` ${USCC} `,
    fullWidth(USCC),
    USCC.slice(0, 17),
    '',
    undefined,
    123,
  ),
  id_number: fc.constantFrom<RawCell>(
    ID,
    personIdNumber(12),
    ID.toLowerCase(),
    `${ID}\u200b`,
    fullWidth(ID),
    ID.slice(0, 15),
    '11010119900307001X',
    '',
    null,
  ),
  name: fc.constantFrom<RawCell>('张三', ' 李四 ', '王\u3000五', '赵六'.repeat(20), 'Ａｂ', '', undefined, 42),
  period: fc.constantFrom<RawCell>('202401', '2024-01', '2024年1月', '202413', '299901', 202402, '', ' 202403'),
  base: fc.oneof(
    fc.constantFrom<RawCell>(
      '6000',
      '6000.5',
      '6,000.00',
      '¥6000',
      '6000元',
      '-1',
      '1.234',
      '',
      5000,
      '０６０００',
      '.5',
      '5.',
      '9999999999999.99',
      '12345678901234',
      '1.a',
      '1e3',
    ),
    fc.stringMatching(/^[0-9.]{1,16}$/),
  ),
  leave_reason: fc.constantFrom<RawCell>('', undefined, null, '退休', '“退休”', 'retirement', '裁员', '不存在', ' ', 7),
};
const row = fc.record(cell);
// The column order of the file, with or without the optional column.
const layouts: string[][] = [
  ['uscc', 'id_number', 'name', 'period', 'base', 'leave_reason'],
  ['name', 'base', 'id_number', 'uscc', 'period'],
];

describe('the roster parser of one import', () => {
  it('answers exactly as parseRosterRow, row after row, whatever the cells', () => {
    fc.assert(
      fc.property(fc.constantFrom(...layouts), fc.array(row, { minLength: 1, maxLength: 30 }), (layout, rows) => {
        const parse = createRosterParser(new Map(layout.map((key, i) => [key, i])), TODAY);
        for (const cells of rows) {
          const byKey = Object.fromEntries(layout.map((key) => [key, cells[key as keyof typeof cells]]));
          expect(parse(layout.map((key) => cells[key as keyof typeof cells]))).toEqual(parseRosterRow(byKey, TODAY));
        }
      }),
      { numRuns: 300 },
    );
  });
});
