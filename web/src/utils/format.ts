/**
 * Display formats of SPEC §0: money stored as integer fen shown in yuan with 2 decimals,
 * dates ISO YYYY-MM-DD, times in Asia/Shanghai.
 */

const YUAN_GROUPING = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345678 fen → "123,456.78" (integer arithmetic, so no floating-point rounding). */
export function formatFen(fen: number | bigint | string | null | undefined, options: { withSymbol?: boolean } = {}): string {
  if (fen === null || fen === undefined || fen === '') return '—';
  let value: bigint;
  try {
    value = typeof fen === 'bigint' ? fen : BigInt(typeof fen === 'number' ? Math.round(fen) : fen.trim());
  } catch {
    return '—';
  }
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

/** A timestamp → "YYYY-MM-DD HH:mm:ss" in Beijing time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const parts = shanghaiParts(value);
  return parts ? `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}` : String(value);
}
