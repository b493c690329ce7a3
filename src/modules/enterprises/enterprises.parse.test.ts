import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, USCC_REASONS } from '../../platform/identifiers/uscc.ts';
import type { RawCell } from '../imports/import-kind.ts';
import { SIZE_SPELLINGS, TIER_SPELLINGS } from './enterprise-vocabulary.ts';
import { buildEnterpriseCells } from './enterprises.fixtures.ts';
import { parseEnterpriseRow } from './enterprises.parse.ts';

const KNOWN_CODES = new Set([
  ...Object.keys(USCC_REASONS),
  'REQUIRED_MISSING',
  'NAME_INVALID',
  'TIER_INVALID',
  'DATE_INVALID',
  'VALIDITY_BEFORE_RECOGNITION',
  'REGION_UNKNOWN',
  'INDUSTRY_UNKNOWN',
  'SIZE_INVALID',
  'CONTACT_INVALID',
  'PHONE_INVALID',
]);

function rejectCodes(cells: Record<string, RawCell>): string[] {
  const parsed = parseEnterpriseRow(cells);
  return parsed.ok ? [] : parsed.rejects.map((r) => r.code);
}

describe('enterprise row parsing', () => {
  const valid = buildEnterpriseCells();

  it('normalises what real files contain', () => {
    const uscc = String(valid.uscc);
    const fullWidth = [...uscc.toLowerCase()].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    const parsed = parseEnterpriseRow({
      ...valid,
      uscc: ` ${fullWidth} `,
      tier: '「小巨人」',
      recognized_on: '2024/3/5',
      valid_until: '20270304',
      region_code: '３２０１１５',
      industry_code: 'c34',
      size: '微型企业',
      phone: '+86 139-1234-5678',
      contact: '  王磊 ',
    });
    expect(parsed).toEqual({
      ok: true,
      record: {
        uscc,
        name: '南京扬帆测试装备有限公司',
        tier: 'little_giant',
        recognizedOn: '2024-03-05',
        validUntil: '2027-03-04',
        regionCode: '320115',
        industryCode: '34',
        size: 'micro',
        contactName: '王磊',
        phone: '13912345678',
        notes: [],
      },
    });
  });

  it('accepts every usual spelling of the tiers, quotes folded', () => {
    const cases: [string, string][] = [
      ['创新型', 'innovative'],
      ['创新型中小企业', 'innovative'],
      ['专精特新', 'srdi'],
      ['专精特新中小企业', 'srdi'],
      ['小巨人', 'little_giant'],
      ['"小巨人"', 'little_giant'],
      ['专精特新“小巨人”企业', 'little_giant'],
      ['专精特新 "小巨人" 企业', 'little_giant'],
    ];
    for (const [text, tier] of cases) {
      const parsed = parseEnterpriseRow({ ...valid, tier: text });
      expect(parsed.ok && parsed.record.tier, text).toBe(tier);
    }
  });

  it('reads landlines with area code and extension, and leaves an empty phone empty', () => {
    const phone = (raw: RawCell) => {
      const parsed = parseEnterpriseRow({ ...valid, phone: raw });
      return parsed.ok ? parsed.record.phone : parsed.rejects;
    };
    expect(phone('025-84001234')).toBe('025-84001234');
    expect(phone('(0512)6789 1234转801')).toBe('0512-67891234-801');
    expect(phone(13912345678)).toBe('13912345678');
    expect(phone('')).toBeNull();
    expect(phone('12345')).toEqual([{ column: '联系电话', code: 'PHONE_INVALID', message: expect.any(String) }]);
  });

  it('reports every problem of a row with its column, one reject per reason code', () => {
    const parsed = parseEnterpriseRow({
      ...valid,
      name: ' ',
      recognized_on: '2024-02-30',
      valid_until: '明年',
      size: '超大型',
      industry_code: '',
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.rejects).toEqual([
      { column: '企业名称、行业代码', code: 'REQUIRED_MISSING', message: '未填写企业名称；未填写行业代码' },
      { column: '认定日期、有效期至', code: 'DATE_INVALID', message: expect.stringContaining('2024-02-30') },
      { column: '企业规模', code: 'SIZE_INVALID', message: expect.stringContaining('超大型') },
    ]);
    expect(rejectCodes({ ...valid, recognized_on: '2024-05-01', valid_until: '2024-04-30' })).toEqual([
      'VALIDITY_BEFORE_RECOGNITION',
    ]);
    expect(rejectCodes({ ...valid, tier: '大巨人' })).toEqual(['TIER_INVALID']);
    expect(rejectCodes({ ...valid, region_code: '3201' })).toEqual(['REGION_UNKNOWN']);
    expect(rejectCodes({})).toEqual(['REQUIRED_MISSING']);
  });

  it('rejects any corruption of a valid credit code with a reason of GB 32100', () => {
    const uscc = String(valid.uscc);
    const substitution = fc
      .record({ at: fc.nat(17), by: fc.constantFrom(...USCC_CHARSET) })
      .filter(({ at, by }) => uscc[at] !== by);
    const corrupted = fc.oneof(
      substitution.map(({ at, by }) => uscc.slice(0, at) + by + uscc.slice(at + 1)),
      fc
        .record({ at: fc.nat(17), by: fc.constantFrom('I', 'O', 'S', 'V', 'Z', '-', '*', '号') })
        .map(({ at, by }) => uscc.slice(0, at) + by + uscc.slice(at + 1)),
      fc.nat(17).map((at) => uscc.slice(0, at) + uscc.slice(at + 1)),
      fc
        .record({ at: fc.nat(18), by: fc.constantFrom(...USCC_CHARSET) })
        .map(({ at, by }) => uscc.slice(0, at) + by + uscc.slice(at)),
      fc
        .nat(16)
        .filter((at) => uscc[at] !== uscc[at + 1])
        .map((at) => uscc.slice(0, at) + uscc[at + 1] + uscc[at] + uscc.slice(at + 2)),
    );
    fc.assert(
      fc.property(corrupted, (code) => {
        const codes = rejectCodes({ ...valid, uscc: code });
        expect(codes.length).toBe(1);
        expect(codes[0]).toMatch(/^USCC_/);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects any impossible or reversed date, any unknown tier or size, with a known reason', () => {
    const badDate = fc
      .oneof(
        fc.record({
          y: fc.integer({ min: 1990, max: 2040 }),
          m: fc.integer({ min: 13, max: 99 }),
          d: fc.integer({ min: 1, max: 28 }),
        }),
        fc.record({
          y: fc.integer({ min: 1990, max: 2040 }),
          m: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 32, max: 99 }),
        }),
        fc.record({
          y: fc.integer({ min: 1990, max: 2040 }).filter((y) => y % 4 !== 0),
          m: fc.constant(2),
          d: fc.constant(29),
        }),
      )
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const unknownWord = (spellings: Record<string, string>) =>
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => {
        const folded = s.replace(/\s+/g, '').replace(/["'“”‘’「」『』《》]/g, '');
        return folded !== '' && !(folded in spellings) && !(folded.toLowerCase() in spellings);
      });
    const corruption = fc.oneof(
      fc.tuple(
        fc.constantFrom('recognized_on', 'valid_until'),
        badDate.map((v): RawCell => v),
      ),
      fc.tuple(fc.constant('recognized_on'), fc.constant<RawCell>('2027-01-15')),
      fc.tuple(
        fc.constant('tier'),
        unknownWord(TIER_SPELLINGS).map((v): RawCell => v),
      ),
      fc.tuple(
        fc.constant('size'),
        unknownWord(SIZE_SPELLINGS).map((v): RawCell => v),
      ),
    );
    const expected: Record<string, string[]> = {
      recognized_on: ['DATE_INVALID', 'VALIDITY_BEFORE_RECOGNITION'],
      valid_until: ['DATE_INVALID'],
      tier: ['TIER_INVALID'],
      size: ['SIZE_INVALID'],
    };
    fc.assert(
      fc.property(corruption, ([column, value]) => {
        const codes = rejectCodes({ ...valid, [column]: value });
        expect(codes).toHaveLength(1);
        expect(expected[column]).toContain(codes[0]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary cells and rejects only with known reason codes', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.double(),
      fc.date(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const row = fc.record(
      Object.fromEntries(Object.keys(valid).map((key) => [key, fc.oneof(cell, fc.constant(valid[key]))])),
    );
    fc.assert(
      fc.property(row, (cells) => {
        const parsed = parseEnterpriseRow(cells as Record<string, RawCell>);
        if (!parsed.ok) {
          expect(parsed.rejects.length).toBeGreaterThan(0);
          for (const reject of parsed.rejects) expect(KNOWN_CODES).toContain(reject.code);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
