/**
 * 公民身份号码 (GB 11643-1999) for generated test files, ported from the rule rather than imported
 * from src/: region (6) + birth date (8) + serial (3, odd for men) + check character (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECKS = '10X98765432';

/** The 18th character of an ID number from its first 17 digits. */
export function idCheckChar(first17) {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return CHECKS[sum % 11];
}

/** A valid ID number of someone born on `birthDate` (YYYY-MM-DD) in `regionCode`, from a serial 1–999. */
export function makeIdNumber(regionCode, birthDate, serial) {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(serial).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
