import { normalizeIdentifier } from './normalize.ts';

/**
 * 统一社会信用代码 per GB 32100-2015 (DOMAIN §4): 登记管理部门 (1) + 机构类别 (1) + 登记管理机关
 * 行政区划码 (6) + 组织机构代码 (9, GB 11714 with its own check) + 校验码 (1).
 */

/** The 31 characters a credit code may use: digits and capitals without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Position weights 3^i mod 31 for i = 0..16, computed rather than typed so they cannot drift.
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n));

// GB 11714-1997: weights of the 8 body characters; letters count A = 10 … Z = 35.
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_BODY_CHAR = /^[0-9A-Z]$/;

export const USCC_REASONS = {
  EMPTY: '未填写统一社会信用代码',
  USCC_LENGTH: '统一社会信用代码应为 18 位',
  USCC_CHARSET: '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）',
  USCC_REGION_FORMAT: '统一社会信用代码第 3–8 位应为 6 位数字的行政区划码',
  USCC_ORG_CODE_CHECK: '统一社会信用代码第 9–17 位（组织机构代码）校验不通过',
  USCC_CHECK_CHAR: '统一社会信用代码第 18 位校验码不正确',
} as const;

export type UsccReason = keyof typeof USCC_REASONS;

export type UsccCheck =
  { valid: true; normalized: string; regionCode: string } | { valid: false; reason: UsccReason; normalized: string };

/** Checks a credit code as typed; the reason says which rule of GB 32100 it breaks. */
export function checkUscc(input: string): UsccCheck {
  const normalized = normalizeIdentifier(input);
  const reason = findUsccProblem(normalized);
  if (reason) return { valid: false, reason, normalized };
  return { valid: true, normalized, regionCode: normalized.slice(2, 8) };
}

function findUsccProblem(code: string): UsccReason | undefined {
  if (code.length === 0) return 'EMPTY';
  if (code.length !== 18) return 'USCC_LENGTH';
  if ([...code].some((c) => !USCC_CHARSET.includes(c))) return 'USCC_CHARSET';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'USCC_REGION_FORMAT';
  if (computeOrgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'USCC_ORG_CODE_CHECK';
  if (computeUsccCheckChar(code.slice(0, 17)) !== code[17]) return 'USCC_CHECK_CHAR';
  return undefined;
}

/** The 18th character for 17 credit-code characters: charset[(31 − Σ cᵢ·wᵢ mod 31) mod 31]. */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('需要 17 位字符');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`不允许的字符：${first17[i]}`);
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The 9th character of a 组织机构代码 for its 8 body characters (GB 11714: 10 → X, 11 → 0). */
export function computeOrgCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError('需要 8 位字符');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const char = body8[i]!;
    if (!ORG_BODY_CHAR.test(char)) throw new RangeError(`不允许的字符：${char}`);
    sum += parseInt(char, 36) * ORG_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

export interface UsccParts {
  /** 6-digit registering region, e.g. 320583 for 昆山. */
  regionCode: string;
  /** 8 body characters of the organisation code, from the credit-code charset. */
  orgBody: string;
  /** 登记管理部门 + 机构类别; 91 (市场监管, 企业) by default. */
  prefix?: string;
}

/** Builds a valid credit code from its parts, for demo data and tests. */
export function makeUscc({ regionCode, orgBody, prefix = '91' }: UsccParts): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`地区代码应为 6 位数字：${regionCode}`);
  const orgCode = orgBody + computeOrgCodeCheckChar(orgBody);
  const first17 = prefix + regionCode + orgCode;
  return first17 + computeUsccCheckChar(first17);
}

/** Builds a valid credit code for a region from a serial number (the demo generator's case). */
export function makeUsccForSerial(regionCode: string, serial: number, prefix = '91'): string {
  const orgBody = String(Math.abs(Math.trunc(serial)) % 1e8).padStart(8, '0');
  return makeUscc({ regionCode, orgBody, prefix });
}
