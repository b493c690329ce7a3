/**
 * 统一社会信用代码 (GB 32100-2015) for generated test files, ported from the rules rather than
 * imported from src/ so that the end-to-end tests check the server instead of sharing its code:
 * 登记管理部门 + 机构类别 (2) + 行政区划码 (6) + 组织机构代码 (8 + GB 11714 check) + 校验码 (1).
 */

/** Digits and capitals without I, O, S, V, Z. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Weight of position i is 3^i mod 31.
const WEIGHTS = Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n));
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 9th character of an organisation code (GB 11714: 10 → X, 11 → 0). */
export function orgCodeCheckChar(body8) {
  const sum = [...body8].reduce((total, char, i) => total + parseInt(char, 36) * ORG_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The 18th character: charset[(31 − Σ value·weight mod 31) mod 31]. */
export function usccCheckChar(first17) {
  const sum = [...first17].reduce((total, char, i) => total + CHARSET.indexOf(char) * WEIGHTS[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** A valid credit code of an enterprise (prefix 91) registered in `regionCode`, from a serial number. */
export function makeUscc(regionCode, serial) {
  const body = String(serial % 1e8).padStart(8, '0');
  const first17 = `91${regionCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
