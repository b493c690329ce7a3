import { makeUsccForSerial, USCC_CHARSET } from '../../platform/identifiers/uscc.ts';

/** Test credit codes around the manual-override rules, computed from valid ones. */

let serial = 0;

/** A fresh valid credit code (南京 江宁区). */
export function validUscc(): string {
  serial += 1;
  return makeUsccForSerial('320115', 83_000_000 + serial);
}

/** Replaces one character by the next one of the credit-code charset, so the code still has the right shape. */
function withCharacterChanged(code: string, index: number): string {
  const next = USCC_CHARSET[(USCC_CHARSET.indexOf(code[index]!) + 1) % USCC_CHARSET.length]!;
  return code.slice(0, index) + next + code.slice(index + 1);
}

/** An early-looking code: a valid one with its 18th character changed (fails USCC_CHECK_CHAR). */
export function earlyUsccWithWrongCheckChar(): string {
  return withCharacterChanged(validUscc(), 17);
}

/**
 * A code whose embedded 组织机构代码 check (17th character) is wrong; the digit after 9 is A,
 * which the organisation code would read as 10, so digits stay digits here.
 */
export function earlyUsccWithWrongOrgCheck(): string {
  const code = validUscc();
  const digit = /\d/.test(code[16]!) ? String((Number(code[16]) + 1) % 10) : '0';
  return code.slice(0, 16) + digit + code[17];
}
