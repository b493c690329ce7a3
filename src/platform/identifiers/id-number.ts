import { AppError } from '../errors.ts';
import { parseIsoDate, todayInShanghai } from '../iso-date.ts';
import { normalizeIdentifier } from './normalize.ts';

/**
 * 公民身份号码 per GB 11643-1999 (DOMAIN §4): 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

// Province-level prefixes of GB/T 2260 that appear on issued numbers, plus 81/82/83 used by
// the residence permits of Hong Kong, Macao and Taiwan residents (same number format).
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '81',
  '82',
  '83',
]);

export const ID_NUMBER_REASONS = {
  EMPTY: '未填写公民身份号码',
  ID_LEGACY_15: '15 位旧身份证号码不再受理，请填写 18 位公民身份号码',
  ID_LENGTH: '公民身份号码应为 18 位',
  ID_CHARSET: '公民身份号码前 17 位应为数字，第 18 位为数字或 X',
  ID_ADDRESS_CODE: '公民身份号码前 6 位不是有效的行政区划码',
  ID_BIRTH_DATE: '公民身份号码中的出生日期不是真实日期（1900 年以后且不晚于今天）',
  ID_CHECK_DIGIT: '公民身份号码第 18 位校验码不正确',
} as const;

export type IdNumberReason = keyof typeof ID_NUMBER_REASONS;

export type IdNumberCheck =
  | { valid: true; normalized: string; birthDate: string; sex: 'male' | 'female'; provinceCode: string }
  | { valid: false; reason: IdNumberReason; normalized: string };

export interface IdNumberCheckOptions {
  /** The day a birth date may not be after; today in Asia/Shanghai by default. */
  today?: string;
}

/** Checks an ID number as typed; the reason says which rule of GB 11643 it breaks. */
export function checkIdNumber(input: string, options: IdNumberCheckOptions = {}): IdNumberCheck {
  const normalized = normalizeIdentifier(input);
  const reason = findIdNumberProblem(normalized, options.today ?? todayInShanghai());
  if (reason) return { valid: false, reason, normalized };
  return {
    valid: true,
    normalized,
    birthDate: birthDateOf(normalized),
    sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
    provinceCode: normalized.slice(0, 2),
  };
}

function findIdNumberProblem(number: string, today: string): IdNumberReason | undefined {
  if (number.length === 0) return 'EMPTY';
  if (/^\d{15}$/.test(number)) return 'ID_LEGACY_15';
  if (number.length !== 18) return 'ID_LENGTH';
  if (!/^\d{17}[\dX]$/.test(number)) return 'ID_CHARSET';
  if (!PROVINCE_CODES.has(number.slice(0, 2))) return 'ID_ADDRESS_CODE';
  const birthDate = birthDateOf(number);
  // ISO dates compare correctly as text.
  const isRealBirthDate = parseIsoDate(birthDate) && birthDate >= EARLIEST_BIRTH_DATE && birthDate <= today;
  if (!isRealBirthDate) return 'ID_BIRTH_DATE';
  if (computeIdCheckChar(number.slice(0, 17)) !== number[17]) return 'ID_CHECK_DIGIT';
  return undefined;
}

function birthDateOf(number: string): string {
  return `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
}

/** The 18th character for 17 digits: ISO 7064 MOD 11-2, remainder → `10X98765432`. */
export function computeIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('需要 17 位数字');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Builds a valid ID number for test and demo data; sequence 0–999 (odd = male). */
export function makeIdNumber(region6: string, birthDate: string, sequence3: number): string {
  if (!/^\d{6}$/.test(region6)) throw new RangeError(`地区代码应为 6 位数字：${region6}`);
  if (!parseIsoDate(birthDate)) throw new RangeError(`出生日期不正确：${birthDate}`);
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) throw new RangeError('顺序码应为 0–999');
  const first17 = region6 + birthDate.replaceAll('-', '') + String(sequence3).padStart(3, '0');
  return first17 + computeIdCheckChar(first17);
}

/** Full years (周岁) on a date for a birth date; a 29 February birthday counts from 1 March. */
export function ageOn(birthDate: string, date: string): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(date);
  if (!birth || !on) throw new AppError('INVALID_DATE');
  const hasHadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hasHadBirthday ? 0 : 1);
}
