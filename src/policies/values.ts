/**
 * Runtime values of the policy language and their arithmetic. Every evaluator (the tree walker
 * and the column kernels) calls these same helpers, so both round money identically.
 *
 * Representation: number → float; money → integer fen; percent → fraction (5.5% = 0.055);
 * date → day number since 1970-01-01; bool → 1 / 0; text → the string itself.
 */

/** Missing-fact mask bit meaning "a division by zero made this value unknowable". */
export const DIVISION_BY_ZERO = 1 << 31;

// Percentages in law have at most a few decimals; snapping a ratio to millionths lets
// money × ratio run in exact integer arithmetic, so 80,000.00 元 × 60% is exactly 48,000.00 元.
const RATIO_SCALE = 1_000_000;

/** Rounds half away from zero (四舍五入), tolerating the float noise of decimal fractions. */
export function roundHalfUp(x: number): number {
  const magnitude = Math.abs(x);
  const whole = Math.floor(magnitude);
  const rounded = magnitude - whole >= 0.5 - 1e-9 ? whole + 1 : whole;
  return x < 0 ? -rounded : rounded;
}

/** Rounds x half-up to `digits` decimal places. */
export function roundHalfUpTo(x: number, digits: number): number {
  const scale = 10 ** digits;
  return roundHalfUp(x * scale) / scale;
}

/** Integer division rounded half away from zero, exact for safe integers. */
function divideRoundHalfUp(numerator: number, denominator: number): number {
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  if (Math.abs(remainder) * 2 >= denominator) return quotient + Math.sign(numerator);
  return quotient;
}

/** Money (fen) × a ratio, rounded half-up to the fen. */
export function multiplyMoney(fen: number, ratio: number): number {
  const scaled = Math.round(ratio * RATIO_SCALE);
  const isSnappable = Math.abs(ratio * RATIO_SCALE - scaled) <= 1e-6;
  const product = fen * scaled;
  if (isSnappable && Number.isSafeInteger(product)) return divideRoundHalfUp(product, RATIO_SCALE);
  return roundHalfUp(fen * ratio);
}

/** Money (fen) ÷ a number, rounded half-up to the fen. */
export function divideMoney(fen: number, divisor: number): number {
  return roundHalfUp(fen / divisor);
}

/** Rounds money to `digits` decimals of a yuan (0 = whole yuan, 2 = fen). */
export function roundMoney(fen: number, digits: number): number {
  const step = 10 ** (2 - Math.min(2, Math.max(0, digits)));
  return roundHalfUp(fen / step) * step;
}

/** Parses yuan (a number, or text like "80,000.00") into integer fen, or undefined. */
export function parseYuan(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/,/g, '').trim() : '';
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return undefined;
  return match[1] ? -fen : fen;
}

/** Parses "5.5%" (or a fraction like 0.055) into a fraction, or undefined. */
export function parsePercent(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  // Dividing the exact decimal by 100 once gives the float nearest to the written value.
  return match ? Number(match[1]) / 100 : undefined;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats fen as yuan with thousands separators and 2 decimals: "80,000.00 元". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const magnitude = Math.abs(Math.round(fen));
  const yuan = groupThousands(String(Math.floor(magnitude / 100)));
  return `${sign}${yuan}.${String(magnitude % 100).padStart(2, '0')} 元`;
}

/** Formats a fraction as a percentage with up to `digits` decimals: 0.032 → "3.2%". */
export function formatPercent(fraction: number, digits = 2): string {
  const text = (fraction * 100).toFixed(digits);
  return `${text.includes('.') ? text.replace(/\.?0+$/, '') : text}%`;
}

/** Formats a plain number with up to `digits` decimals, grouping thousands from 10,000 up. */
export function formatNumber(value: number, digits = 2): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  // Years (2024) and small counts read better without a separator; 12,258 with one.
  const grouped = Math.abs(value) >= 10_000 ? groupThousands(whole) : whole;
  return `${value < 0 ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a day number (proleptic Gregorian; H. Hinnant's algorithm, no Date objects). */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The day number of a calendar date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The ISO date text of a day number. */
export function isoFromDays(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar year of a day number. */
export function yearOfDay(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}

/** Full years of age (周岁) on a date: the birthday itself counts as reached. */
export function ageOn(birthDay: number, onDay: number): number {
  const birth = civilFromDays(birthDay);
  const on = civilFromDays(onDay);
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** The date n months later, clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(dayNumber: number, months: number): number {
  const start = civilFromDays(dayNumber);
  const total = start.year * 12 + (start.month - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
  return daysFromCivil(year, month, Math.min(start.day, lastDay));
}
