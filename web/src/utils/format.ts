/**
 * The one place where numbers, money, dates and durations become text, so every page writes
 * them alike: money stored as integer fen shown in yuan with 2 decimals (large sums in 万元 /
 * 亿元 with the exact figure kept for the hover), dates ISO YYYY-MM-DD, times to the minute in
 * Beijing time (2026-12-15 09:22), durations in words.
 */

const YUAN_GROUPING = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345678 fen → "123,456.78" (integer arithmetic, so no floating-point rounding). */
export function formatFen(
  fen: number | bigint | string | null | undefined,
  options: { withSymbol?: boolean } = {},
): string {
  const value = toFen(fen);
  if (value === null) return '—';
  const isNegative = value < 0n;
  const absolute = isNegative ? -value : value;
  const yuan = YUAN_GROUPING.format(absolute / 100n);
  const cents = (absolute % 100n).toString().padStart(2, '0');
  return `${isNegative ? '-' : ''}${options.withSymbol ? '¥' : ''}${yuan}.${cents}`;
}

const SHANGHAI_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const parts: Record<string, string> = {};
  for (const part of SHANGHAI_PARTS.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** An ISO date or timestamp → "YYYY-MM-DD" (a plain date is kept as written). */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const parts = shanghaiParts(value);
  return parts ? `${parts.year}-${parts.month}-${parts.day}` : String(value);
}

/** A timestamp → "YYYY-MM-DD HH:mm" in Beijing time, the one form of a moment on every page. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const parts = shanghaiParts(value);
  return parts ? `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}` : String(value);
}

/** A timestamp to the second ("YYYY-MM-DD HH:mm:ss"), for the hover of an audit entry. */
export function formatDateTimeSeconds(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const parts = shanghaiParts(value);
  return parts
    ? `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
    : String(value);
}

function toFen(fen: number | bigint | string | null | undefined): bigint | null {
  if (fen === null || fen === undefined || fen === '') return null;
  try {
    return typeof fen === 'bigint' ? fen : BigInt(typeof fen === 'number' ? Math.round(fen) : fen.trim());
  } catch {
    return null;
  }
}

/** 12345678 fen → "123,456.78 元": an amount with its unit, exact to the fen. */
export function formatYuan(fen: number | bigint | string | null | undefined): string {
  const text = formatFen(fen);
  return text === '—' ? text : `${text} 元`;
}

/** From one million yuan (10^8 fen) a sum reads in 万元 (10^6 fen each), from one hundred million in 亿元. */
const WAN_FROM_FEN = 100_000_000n;
const FEN_PER_WAN = 1_000_000n;
const FEN_PER_YI = 10_000_000_000n;

/** `value / unit` rounded half away from zero to 2 decimals, grouped: integer arithmetic only. */
function scaledTwoDecimals(value: bigint, unit: bigint): string {
  const isNegative = value < 0n;
  const absolute = isNegative ? -value : value;
  const hundredths = (absolute * 100n + unit / 2n) / unit;
  const whole = YUAN_GROUPING.format(hundredths / 100n);
  return `${isNegative ? '-' : ''}${whole}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/**
 * A sum as a reader expects it in a summary: 29916658201.30 元 → "299.17 亿元", 1234567.00 元 →
 * "123.46 万元", smaller sums exact ("66,243.23 元"). `exact` is the figure to the fen for the hover.
 */
export function formatLargeYuan(fen: number | bigint | string | null | undefined): {
  text: string;
  exact: string;
  isRounded: boolean;
} {
  const value = toFen(fen);
  if (value === null) return { text: '—', exact: '—', isRounded: false };
  const exact = formatYuan(value);
  const absolute = value < 0n ? -value : value;
  if (absolute >= FEN_PER_YI) return { text: `${scaledTwoDecimals(value, FEN_PER_YI)} 亿元`, exact, isRounded: true };
  if (absolute >= WAN_FROM_FEN)
    return { text: `${scaledTwoDecimals(value, FEN_PER_WAN)} 万元`, exact, isRounded: true };
  return { text: exact, exact, isRounded: false };
}

const COUNT_GROUPING = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A count as a reader expects it: up to a million exact with separators ("19,803"), then in
 * 万 / 亿 with two decimals ("123.46 万"); `exact` keeps the whole number for the hover.
 */
export function formatLargeCount(value: number | null | undefined): {
  text: string;
  exact: string;
  isRounded: boolean;
} {
  if (value === null || value === undefined || !Number.isFinite(value))
    return { text: '—', exact: '—', isRounded: false };
  const exact = COUNT_GROUPING.format(value);
  const absolute = Math.abs(value);
  if (absolute >= 1e8)
    return { text: `${scaledTwoDecimals(BigInt(Math.round(value)), 100_000_000n)} 亿`, exact, isRounded: true };
  if (absolute >= 1e6)
    return { text: `${scaledTwoDecimals(BigInt(Math.round(value)), 10_000n)} 万`, exact, isRounded: true };
  return { text: exact, exact, isRounded: false };
}

/** A duration in milliseconds in words: "850 毫秒", "12.4 秒", "3 分 05 秒", "2 小时 07 分". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} 毫秒`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} 秒`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} 小时 ${String(minutes).padStart(2, '0')} 分`;
  return `${minutes} 分 ${String(seconds).padStart(2, '0')} 秒`;
}
