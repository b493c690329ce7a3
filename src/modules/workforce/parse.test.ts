import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_NUMBER_REASONS } from '../../platform/identifiers/id-number.ts';
import { USCC_REASONS } from '../../platform/identifiers/uscc.ts';
import type { ParsedRow, RawCell } from '../imports/import-kind.ts';
import { parseContributionRow } from './contributions/contributions.import.ts';
import { parseGraduateRow } from './registries/graduates.import.ts';
import { parsePovertyRow } from './registries/poverty.import.ts';
import { parseRosterRow } from './roster/roster.import.ts';
import { parseSkillRow } from './registries/skills.import.ts';
import { personIdNumber, buildEnterprise } from './test-factories.ts';
import { parseTitleRow } from './registries/titles.import.ts';
import { parseUnemploymentRow } from './registries/unemployment.import.ts';
import { WORKFORCE_IMPORT_KINDS } from './workforce.imports.ts';

const KNOWN_CODES = new Set([
  ...Object.keys(ID_NUMBER_REASONS),
  ...Object.keys(USCC_REASONS),
  'REQUIRED_MISSING',
  'TEXT_TOO_LONG',
  'DATE_INVALID',
  'DATE_IN_FUTURE',
  'PERIOD_INVALID',
  'PERIOD_IN_FUTURE',
  'AMOUNT_INVALID',
  'COUNT_INVALID',
  'ENUM_INVALID',
  'OCCUPATION_CODE_INVALID',
  'CERTIFICATE_NO_INVALID',
  'CLOSED_BEFORE_REGISTERED',
]);

const ID = personIdNumber(7);
const USCC = buildEnterprise().uscc;

type Parser = (cells: Record<string, RawCell>) => ParsedRow<unknown>;

/** For each kind: a valid row and which of its fields hold which sort of value. */
const KINDS: {
  name: string;
  parse: Parser;
  row: Record<string, RawCell>;
  fields: Record<string, 'id' | 'uscc' | 'period' | 'amount' | 'date' | 'enum' | 'count'>;
}[] = [
  {
    name: 'roster',
    parse: parseRosterRow,
    row: { uscc: USCC, id_number: ID, name: '张三', period: '202401', base: '8,000.00', leave_reason: '退休' },
    fields: { uscc: 'uscc', id_number: 'id', period: 'period', base: 'amount', leave_reason: 'enum' },
  },
  {
    name: 'contributions',
    parse: parseContributionRow,
    row: {
      uscc: USCC,
      period: 202312,
      insured: '35',
      pension: '12000.5',
      unemployment_unit: '400',
      unemployment_personal: '400',
      injury: '120.00',
    },
    fields: {
      uscc: 'uscc',
      period: 'period',
      insured: 'count',
      pension: 'amount',
      unemployment_unit: 'amount',
      unemployment_personal: 'amount',
      injury: 'amount',
    },
  },
  {
    name: 'graduates',
    parse: parseGraduateRow,
    row: { id_number: ID, name: '李四', school: '南京大学', degree: '本科', graduated_on: '2024/6/30' },
    fields: { id_number: 'id', degree: 'enum', graduated_on: 'date' },
  },
  {
    name: 'skills',
    parse: parseSkillRow,
    row: {
      id_number: ID,
      name: '王五',
      occupation_code: '6-18-01-01',
      occupation: '车工',
      level: '高级工',
      issued_on: '20230915',
      certificate_no: 'S000032010001234',
    },
    fields: { id_number: 'id', level: 'enum', issued_on: 'date' },
  },
  {
    name: 'titles',
    parse: parseTitleRow,
    row: { id_number: ID, name: '赵六', series: '工程', level: '副高', obtained_on: '2022-12-01' },
    fields: { id_number: 'id', level: 'enum', obtained_on: 'date' },
  },
  {
    name: 'unemployment',
    parse: parseUnemploymentRow,
    row: { id_number: ID, name: '钱七', registered_on: '2024-01-05', closed_on: '2024-03-01' },
    fields: { id_number: 'id', registered_on: 'date', closed_on: 'date' },
  },
  {
    name: 'poverty',
    parse: parsePovertyRow,
    row: { id_number: ID, name: '孙八', category: '“防止返贫监测对象”' },
    fields: { id_number: 'id', category: 'enum' },
  },
];

/** Values that are wrong for each sort of field, whatever the rest of the row says. */
const BAD_VALUE: Record<string, fc.Arbitrary<RawCell>> = {
  id: fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'))
      .filter(([i, c]) => ID[i] !== c)
      .map(([i, c]) => ID.slice(0, i) + c + ID.slice(i + 1)),
    fc.integer({ min: 1, max: 17 }).map((n) => ID.slice(0, n)),
    fc.stringMatching(/^\d{15}$/),
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && s.trim().toUpperCase() !== ID),
  ),
  uscc: fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'))
      .filter(([i, c]) => USCC[i] !== c)
      .map(([i, c]) => USCC.slice(0, i) + c + USCC.slice(i + 1)),
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
  ),
  period: fc.oneof(
    fc.integer({ min: 13, max: 99 }).map((m) => `2024${m}`),
    fc.constantFrom('202400', '2024', '20241', '2024-13', '1990-01', '299901', 'Jan 2024', '２０２４年１３月'),
    fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/\d{4}/.test(s) && s.trim() !== ''),
  ),
  amount: fc.oneof(
    fc.integer({ min: 1, max: 10_000 }).map((n) => `-${n}`),
    fc.integer({ min: 0, max: 999 }).map((n) => `1.${String(n).padStart(3, '0')}`),
    fc.constantFrom('1e5', 'abc', '十元', '1..2', '12,34.5.6'),
  ),
  count: fc.oneof(
    fc.constantFrom('1.5', '-3', 'abc', '1e3'),
    fc.integer({ min: 1, max: 99 }).map((n) => `-${n}`),
  ),
  date: fc.oneof(
    fc.constantFrom(
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024/2/30',
      '20241301',
      'yesterday',
      '2999-01-01',
      '31/12/2023',
    ),
    fc.integer({ min: 1, max: 60 }).map((d) => `2098-01-${String((d % 28) + 1).padStart(2, '0')}`),
  ),
  enum: fc
    .string({ minLength: 1, maxLength: 6 })
    .filter((s) => s.trim() !== '')
    .map((s) => `未知${s}`),
};

describe('workforce row parsers', () => {
  it.each(KINDS)('accepts a good $name row', ({ parse, row }) => {
    const parsed = parse(row);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
  });

  it('normalises what people type: full width, lower-case x, short forms, yuan to fen', () => {
    const lowerX = Array.from({ length: 100 }, (_, i) => personIdNumber(i)).find((n) => n.endsWith('X'))!;
    const typed = lowerX.slice(0, 17) + 'x';
    const parsed = parseRosterRow({
      uscc: ` ${USCC.toLowerCase()} `,
      id_number: typed.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
      name: ' 张三 ',
      period: '2024年1月',
      base: '¥12,345.6',
      leave_reason: '解除劳动合同',
    });
    expect(parsed).toEqual({
      ok: true,
      record: {
        uscc: USCC,
        idNumber: lowerX,
        name: '张三',
        period: 202401,
        baseFen: 1_234_560,
        leaveReason: 'contract_ended',
      },
    });
    expect(parseSkillRow({ ...KINDS[3]!.row, level: '一级/高级技师' })).toMatchObject({
      ok: true,
      record: { level: 1 },
    });
    expect(parseTitleRow({ ...KINDS[4]!.row, level: '正高' })).toMatchObject({ ok: true, record: { level: 'senior' } });
    expect(parseGraduateRow({ ...KINDS[2]!.row, degree: '大专' })).toMatchObject({
      ok: true,
      record: { degree: 'associate' },
    });
  });

  it('refuses 15-digit numbers, missing cells and a closing date before the registration, naming the column', () => {
    expect(parseRosterRow({ ...KINDS[0]!.row, id_number: '320102950101123' })).toMatchObject({
      ok: false,
      rejects: [{ column: '公民身份号码', code: 'ID_LEGACY_15' }],
    });
    const missing = parseRosterRow({ uscc: USCC, id_number: ID, name: '', period: '202401' });
    expect(missing).toMatchObject({
      ok: false,
      rejects: [
        { column: '姓名', code: 'REQUIRED_MISSING' },
        { column: '缴费基数', code: 'REQUIRED_MISSING' },
      ],
    });
    const closed = parseUnemploymentRow({ ...KINDS[5]!.row, closed_on: '2023-12-31' });
    expect(closed).toMatchObject({ ok: false, rejects: [{ column: '注销日期', code: 'CLOSED_BEFORE_REGISTERED' }] });
    if (!closed.ok) expect(closed.rejects[0]!.message).toContain('注销日期');
  });

  it('refuses enumerations outside the lists, and Object property names as values', () => {
    for (const value of ['constructor', '__proto__', 'toString', '高级']) {
      expect(parseTitleRow({ ...KINDS[4]!.row, level: value }), value).toMatchObject({
        ok: false,
        rejects: [{ code: 'ENUM_INVALID' }],
      });
    }
  });

  it.each(KINDS)(
    'rejects any corrupted $name field with a known reason code on that column',
    ({ name, parse, row, fields }) => {
      const field = fc.constantFrom(...Object.keys(fields));
      fc.assert(
        fc.property(
          field.chain((key) => fc.tuple(fc.constant(key), BAD_VALUE[fields[key]!]!)),
          ([key, bad]) => {
            const parsed = parse({ ...row, [key]: bad });
            expect(parsed.ok, `${key}=${String(bad)}`).toBe(false);
            if (parsed.ok) return;
            for (const reject of parsed.rejects) expect(KNOWN_CODES, reject.code).toContain(reject.code);
            const header = WORKFORCE_IMPORT_KINDS.find((k) => k.kind === name)!.columns.find(
              (c) => c.key === key,
            )!.header;
            expect(parsed.rejects.map((r) => r.column)).toContain(header);
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
  );

  it.each(WORKFORCE_IMPORT_KINDS.map((k) => [k.kind, k] as const))(
    'never throws on arbitrary %s cells and explains every refusal',
    (_name, kind) => {
      const cells = fc.record(
        Object.fromEntries(kind.columns.map((c) => [c.key, anyCell])) as Record<string, fc.Arbitrary<RawCell>>,
      );
      fc.assert(
        fc.property(cells, (row) => {
          const parsed = kind.parseRow(row);
          if (!parsed.ok)
            for (const reject of parsed.rejects) {
              expect(KNOWN_CODES).toContain(reject.code);
              expect(reject.message.length).toBeGreaterThan(0);
            }
        }),
        { numRuns: 300 },
      );
    },
  );
});
