import { isIsoDate } from '../../platform/iso-date.ts';
import { toHalfWidth } from '../../platform/identifiers/normalize.ts';
import type { RawCell } from './import-kind.ts';

/**
 * Cell normalisers shared by every import kind (SPEC §3). Each returns the clean value, or
 * `{ error }` with a reason code and a Chinese message; `undefined` means an empty cell.
 */
export type CellResult<T> = T | undefined | { error: string; message: string };

export function isCellError<T>(value: CellResult<T>): value is { error: string; message: string } {
  return typeof value === 'object' && value !== null && 'error' in value && !(value instanceof Date);
}

/** Trimmed text with full-width ASCII folded; empty → undefined. */
export function textCell(raw: RawCell): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  const text = toHalfWidth(String(raw))
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\u3000/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date as YYYY-MM-DD from `YYYY-MM-DD`, `YYYY/M/D`, `YYYYMMDD`, `YYYY年M月D日`, an Excel serial or a date cell. */
export function dateCell(raw: RawCell): CellResult<string> {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? badDate(String(raw)) : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') return excelSerialToDate(raw);
  const text = textCell(raw);
  if (text === undefined) return undefined;
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text));
  const match = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) ?? text.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!match) return badDate(text);
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : badDate(text);
}

function excelSerialToDate(serial: number): CellResult<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return badDate(String(serial));
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function badDate(text: string) {
  return { error: 'DATE_INVALID', message: `日期“${text}”无法识别，应为 YYYY-MM-DD、YYYY/M/D 或 YYYYMMDD 的真实日期` };
}

/** A period YYYYMM (also `YYYY-MM`, `YYYY/MM`, `YYYY年M月`) as an integer. */
export function periodCell(raw: RawCell): CellResult<number> {
  const text = textCell(typeof raw === 'number' ? String(raw) : raw);
  if (text === undefined) return undefined;
  const match = text.match(/^(\d{4})[-/.年]?(\d{1,2})月?$/);
  const month = match ? Number(match[2]) : NaN;
  if (!match || month < 1 || month > 12 || (!/[-/.年]/.test(text) && match[2]!.length !== 2)) {
    return { error: 'PERIOD_INVALID', message: `费款所属期“${text}”应为 YYYYMM，如 202401` };
  }
  return Number(match[1]) * 100 + month;
}

/** An amount in yuan (up to 2 decimals, thousands separators allowed) as integer fen. */
export function moneyCell(raw: RawCell): CellResult<number> {
  const text = textCell(typeof raw === 'number' ? String(raw) : raw)
    ?.replace(/[,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  if (text === undefined) return undefined;
  const match = text.match(/^(\d{1,13})(?:\.(\d{1,2}))?$/);
  if (!match) return { error: 'AMOUNT_INVALID', message: `金额“${text}”应为不超过两位小数的非负数（单位：元）` };
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A non-negative whole number (numbers stored as text included). */
export function countCell(raw: RawCell): CellResult<number> {
  const text = textCell(typeof raw === 'number' ? String(raw) : raw)?.replace(/[,，]/g, '');
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) return { error: 'COUNT_INVALID', message: `“${text}”应为非负整数` };
  return Number(text);
}

// “小巨人”, "小巨人", 「小巨人」 and 『小巨人』 are one value (SPEC §3).
const QUOTES = /["'“”‘’「」『』《》]/g;

/** Matches an enumerated cell after folding quote marks, against labels and short forms. */
export function enumCell<T extends string>(raw: RawCell, options: Record<string, T>, label: string): CellResult<T> {
  const text = textCell(raw)?.replace(QUOTES, '');
  if (text === undefined) return undefined;
  // Own keys only: "constructor" or "toString" must not match Object.prototype.
  const found = Object.hasOwn(options, text)
    ? options[text]
    : Object.hasOwn(options, text.toLowerCase())
      ? options[text.toLowerCase()]
      : undefined;
  if (found) return found;
  const allowed = [...new Set(Object.keys(options).filter((k) => /[\u4e00-\u9fa5]/.test(k)))].join('、');
  return { error: 'ENUM_INVALID', message: `${label}“${text}”不在可选值中：${allowed}` };
}
