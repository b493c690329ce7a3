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

/** Integer division rounded half away from zero, exact for safe integers (no `%`: it is slow on large floats). */
function divideRoundHalfUp(numerator: number, denominator: number): number {
  const magnitude = Math.abs(numerator);
  let quotient = Math.floor(magnitude / denominator);
  let remainder = magnitude - quotient * denominator;
  // The float quotient can be one off near an integer; the exact remainder tells.
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return numerator < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Money (fen) × a ratio, rounded half-up to the fen. */
export function multiplyMoney(fen: number, ratio: number): number {
  const scaledRatio = ratio * RATIO_SCALE;
  const scaled = Math.round(scaledRatio);
  const product = fen * scaled;
  const isExact = Math.abs(scaledRatio - scaled) <= 1e-6 && product <= Number.MAX_SAFE_INTEGER && product >= -Number.MAX_SAFE_INTEGER;
  return isExact ? divideRoundHalfUp(product, RATIO_SCALE) : roundHalfUp(fen * ratio);
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
