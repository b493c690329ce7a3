import { USCC_REASONS } from '../../platform/identifiers/uscc.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import { dateCell, enumCell, isCellError, textCell, type CellResult } from '../imports/cells.ts';
import type { ColumnSpec, ParsedRow, RawCell, RowReject } from '../imports/import-kind.ts';
import { acceptUscc, NO_USCC_OVERRIDES, overrideNote, type UsccOverrideSet } from '../reference/uscc-acceptance.ts';
import { SIZE_SPELLINGS, TIER_SPELLINGS } from './enterprise-vocabulary.ts';
import type { EnterpriseSize, Tier } from './enterprises.table.ts';

/** One enterprise as a file row or an exchange item states it, normalised and validated. */
export interface EnterpriseRecord {
  uscc: string;
  name: string;
  tier: Tier;
  recognizedOn: string;
  validUntil: string;
  /** As given (6 digits); resolved to a current division when written. */
  regionCode: string;
  /** A GB/T 4754 section letter or 2-digit division. */
  industryCode: string;
  size: EnterpriseSize;
  contactName: string | null;
  /** Mobile as 11 digits, landline as `area-number[-extension]`. */
  phone: string | null;
  /** Facts the writer reports with the row's outcome (e.g. an industry class cut to its division). */
  notes: string[];
}

/** The columns of SPEC §3 for kind `enterprises`; the English names are the exchange's keys too. */
export const ENTERPRISE_COLUMNS = [
  { key: 'uscc', header: '统一社会信用代码', alias: 'uscc', required: true },
  { key: 'name', header: '企业名称', alias: 'name', required: true },
  { key: 'tier', header: '梯度类型', alias: 'tier', required: true },
  { key: 'recognized_on', header: '认定日期', alias: 'recognized_on', required: true },
  { key: 'valid_until', header: '有效期至', alias: 'valid_until', required: true },
  { key: 'region_code', header: '所在地区代码', alias: 'region_code', required: true },
  { key: 'industry_code', header: '行业代码', alias: 'industry_code', required: true },
  { key: 'size', header: '企业规模', alias: 'size', required: true },
  { key: 'contact', header: '联系人', alias: 'contact', required: false },
  { key: 'phone', header: '联系电话', alias: 'phone', required: false },
] as const satisfies readonly ColumnSpec[];

type ColumnKey = (typeof ENTERPRISE_COLUMNS)[number]['key'];
type Problem = Omit<RowReject, 'line'>;

const HEADER = Object.fromEntries(ENTERPRISE_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;
const NAME_MAX = 200;
const CONTACT_MAX = 50;
const MOBILE = /^(?:\+?86-?)?(1[3-9]\d{9})$/;
const LANDLINE = /^(0\d{2,3})-?(\d{7,8})(?:(?:-|转)(\d{1,6}))?$/;

/**
 * Normalises and validates one row without any I/O. Every problem is reported (one reject per
 * reason code, columns joined, since the rejects table is keyed by line and code), and no input
 * makes it throw. A credit code failing only a check character passes when one of the given
 * overrides (read by the caller beforehand) accepts it, and the row's notes say so.
 */
export function parseEnterpriseRow(
  input: Record<string, RawCell>,
  usccOverrides: UsccOverrideSet = NO_USCC_OVERRIDES,
): ParsedRow<EnterpriseRecord> {
  const cells = withoutInvalidDates(input);
  const problems: Problem[] = [];
  const take = <T>(key: ColumnKey, result: CellResult<T>, required: boolean): T | undefined => {
    if (isCellError(result)) problems.push({ column: HEADER[key], code: result.error, message: result.message });
    else if (result === undefined && required)
      problems.push({ column: HEADER[key], code: 'REQUIRED_MISSING', message: `未填写${HEADER[key]}` });
    else return result;
    return undefined;
  };
  const notes: string[] = [];
  const uscc = take('uscc', usccCell(cells.uscc, usccOverrides, notes), true);
  const name = take('name', limitedText(cells.name, NAME_MAX, 'NAME_INVALID', HEADER.name), true);
  const tier = take(
    'tier',
    codeFor(enumCell(foldSpaces(cells.tier), TIER_SPELLINGS, HEADER.tier), 'TIER_INVALID'),
    true,
  );
  const recognizedOn = take('recognized_on', dateCell(cells.recognized_on), true);
  const validUntil = take('valid_until', dateCell(cells.valid_until), true);
  const regionCode = take('region_code', regionCell(cells.region_code), true);
  const industryCode = take('industry_code', industryCell(cells.industry_code, notes), true);
  const size = take(
    'size',
    codeFor(enumCell(foldSpaces(cells.size), SIZE_SPELLINGS, HEADER.size), 'SIZE_INVALID'),
    true,
  );
  const contactName = take(
    'contact',
    limitedText(cells.contact, CONTACT_MAX, 'CONTACT_INVALID', HEADER.contact),
    false,
  );
  const phone = take('phone', phoneCell(cells.phone), false);
  if (recognizedOn && validUntil && validUntil < recognizedOn) {
    problems.push({
      column: HEADER.valid_until,
      code: 'VALIDITY_BEFORE_RECOGNITION',
      message: `有效期至 ${validUntil} 早于认定日期 ${recognizedOn}`,
    });
  }
  if (
    problems.length > 0 ||
    !uscc ||
    !name ||
    !tier ||
    !recognizedOn ||
    !validUntil ||
    !regionCode ||
    !industryCode ||
    !size
  ) {
    return { ok: false, rejects: mergeByCode(problems) };
  }
  return {
    ok: true,
    record: {
      uscc,
      name,
      tier,
      recognizedOn,
      validUntil,
      regionCode,
      industryCode,
      size,
      contactName: contactName ?? null,
      phone: phone ?? null,
      notes,
    },
  };
}

// A spreadsheet cell can hold an invalid Date; as text it fails its column's check instead of throwing.
function withoutInvalidDates(cells: Record<string, RawCell>): Record<string, RawCell> {
  const isInvalidDate = (value: RawCell) => value instanceof Date && Number.isNaN(value.getTime());
  if (!Object.values(cells).some(isInvalidDate)) return cells;
  return Object.fromEntries(
    Object.entries(cells).map(([key, value]) => [key, isInvalidDate(value) ? 'Invalid Date' : value]),
  );
}

function usccCell(raw: RawCell, overrides: UsccOverrideSet, notes: string[]): CellResult<string> {
  const text = textCell(raw);
  if (text === undefined) return undefined;
  const check = acceptUscc(text, overrides);
  if (check.isAccepted) {
    if (check.override) notes.push(overrideNote(check.override));
    return check.normalized;
  }
  if (check.reason === 'EMPTY') return undefined;
  return { error: check.reason, message: `${USCC_REASONS[check.reason]}：${check.normalized}` };
}

function limitedText(raw: RawCell, max: number, code: string, label: string): CellResult<string> {
  const text = textCell(raw);
  if (text === undefined || text.length <= max) return text;
  return { error: code, message: `${label}超过 ${max} 个字符` };
}

function foldSpaces(raw: RawCell): RawCell {
  return typeof raw === 'string' ? raw.replace(/\s+/g, '') : raw;
}

/** Gives an enumeration failure the column's own reason code (TIER_INVALID, SIZE_INVALID). */
function codeFor<T>(result: CellResult<T>, code: string): CellResult<T> {
  return isCellError(result) ? { error: code, message: result.message } : result;
}

function regionCell(raw: RawCell): CellResult<string> {
  const text = textCell(raw);
  if (text === undefined) return undefined;
  const code = normalizeIdentifier(text);
  if (/^\d{6}$/.test(code)) return code;
  return { error: 'REGION_UNKNOWN', message: `所在地区代码“${text}”应为 6 位行政区划代码` };
}

/**
 * A section letter (C), a division (34), or a division with its letter (C34). A 3- or 4-digit
 * group or class (3411) is recorded at its division, because the register keeps divisions, and
 * the row's outcome says so.
 */
function industryCell(raw: RawCell, notes: string[]): CellResult<string> {
  const text = textCell(typeof raw === 'number' ? String(raw) : raw);
  if (text === undefined) return undefined;
  const code = normalizeIdentifier(text);
  if (/^[A-T]$/.test(code) || /^\d{2}$/.test(code)) return code;
  const withLetter = code.match(/^[A-T](\d{2})$/);
  if (withLetter) return withLetter[1];
  const detailed = code.match(/^[A-T]?(\d{2})\d{1,2}$/);
  if (detailed) {
    notes.push(`行业代码 ${code} 按大类 ${detailed[1]} 记录`);
    return detailed[1];
  }
  return { error: 'INDUSTRY_UNKNOWN', message: `行业代码“${text}”应为 GB/T 4754 门类字母或两位大类代码` };
}

function phoneCell(raw: RawCell): CellResult<string> {
  const text = textCell(typeof raw === 'number' ? String(raw) : raw)?.replace(/[\s()（）]/g, '');
  if (text === undefined || text === '') return undefined;
  const mobile = text.replace(/-/g, '').match(MOBILE);
  if (mobile) return mobile[1];
  const landline = text.match(LANDLINE);
  if (landline) return [landline[1], landline[2], landline[3]].filter(Boolean).join('-');
  return { error: 'PHONE_INVALID', message: '联系电话应为 11 位手机号码或带区号的固定电话' };
}

function mergeByCode(problems: Problem[]): Problem[] {
  const merged = new Map<string, Problem>();
  for (const problem of problems) {
    const seen = merged.get(problem.code);
    if (!seen) merged.set(problem.code, { ...problem });
    else
      merged.set(problem.code, {
        code: problem.code,
        column: `${seen.column}、${problem.column}`,
        message: `${seen.message}；${problem.message}`,
      });
  }
  return [...merged.values()];
}
