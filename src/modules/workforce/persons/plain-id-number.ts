import { checkIdNumber } from '../../../platform/identifiers/id-number.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A quick test for the common case of an import: an ID number typed plainly (18 ASCII
 * characters, capital X) that checkIdNumber accepts as it stands. True only when
 * checkIdNumber would say valid with the text unchanged; false means "ask checkIdNumber",
 * not "invalid". It reads the characters once, allocates nothing and needs no memo of the
 * file's numbers. Which province prefixes are issued is asked of checkIdNumber itself, once
 * per prefix, so the list lives in one place (`plain-id-number.test.ts` holds the two together).
 */
export function createPlainIdNumberCheck(today: string): (text: string) => boolean {
  const todayNumber = Number(today.slice(0, 4)) * 10_000 + Number(today.slice(5, 7)) * 100 + Number(today.slice(8, 10));
  const isIssuedProvince: (boolean | undefined)[] = [];
  return (text) => {
    if (text.length !== 18) return false;
    let sum = 0;
    for (let i = 0; i < 17; i += 1) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return false;
      sum += digit * WEIGHTS[i]!;
    }
    if (text.charCodeAt(17) !== CHECK_CHARS.charCodeAt(sum % 11)) return false;
    const birth = digitsAt(text, 6, 8);
    if (birth < 19_000_101 || birth > todayNumber || !isRealDate(birth)) return false;
    const province = digitsAt(text, 0, 2);
    let isIssued = isIssuedProvince[province];
    if (isIssued === undefined) {
      const check = checkIdNumber(text, { today });
      if (!check.valid && check.reason !== 'ID_ADDRESS_CODE') return false;
      isIssued = isIssuedProvince[province] = check.valid;
    }
    return isIssued;
  };
}

function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** Whether YYYYMMDD names a real day of the Gregorian calendar. */
function isRealDate(yyyymmdd: number): boolean {
  const year = Math.floor(yyyymmdd / 10_000);
  const month = Math.floor(yyyymmdd / 100) % 100;
  const day = yyyymmdd % 100;
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
