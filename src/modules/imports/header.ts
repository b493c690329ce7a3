import { AppError } from '../../platform/errors.ts';
import { textCell } from './cells.ts';
import type { ColumnSpec, RawCell } from './import-kind.ts';

export interface HeaderMap {
  /** Column key → index in the row. */
  positions: Map<string, number>;
  /** Headers in the file that no column of the kind uses. */
  ignored: string[];
}

// "缴费基数（元）", "Base (yuan)" and "缴费基数" are one header: units in brackets are dropped.
function foldHeader(raw: RawCell): string {
  return (textCell(raw) ?? '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_]/g, '')
    .toLowerCase();
}

/**
 * Maps a file's header row to the kind's columns (Chinese names or English aliases). A file
 * missing a required column is refused whole, with the expected columns listed.
 */
export function mapHeader(columns: readonly ColumnSpec[], headerCells: RawCell[], kindLabel: string): HeaderMap {
  const folded = headerCells.map(foldHeader);
  const positions = new Map<string, number>();
  for (const column of columns) {
    const index = folded.findIndex((h) => h === foldHeader(column.header) || h === foldHeader(column.alias));
    if (index >= 0) positions.set(column.key, index);
  }
  const missing = columns.filter((c) => c.required && !positions.has(c.key));
  if (missing.length > 0) {
    const required = columns
      .filter((c) => c.required)
      .map((c) => c.header)
      .join('、');
    const optional = columns
      .filter((c) => !c.required)
      .map((c) => c.header)
      .join('、');
    throw new AppError(
      'IMPORT_HEADER_INVALID',
      `${kindLabel}文件表头不正确，缺少：${missing.map((c) => c.header).join('、')}。应包含列：${required}${optional ? `；可选列：${optional}` : ''}`,
      {
        missing: missing.map((c) => c.header),
        expected: columns.map((c) => ({ header: c.header, alias: c.alias, required: c.required })),
      },
    );
  }
  const used = new Set(positions.values());
  const ignored = headerCells
    .map((h, i) => (used.has(i) ? undefined : textCell(h)))
    .filter((h): h is string => Boolean(h));
  return { positions, ignored };
}

/** The cells of one row keyed by column key. */
export function cellsByKey(map: HeaderMap, cells: readonly RawCell[]): Record<string, RawCell> {
  const out: Record<string, RawCell> = {};
  for (const [key, index] of map.positions) out[key] = cells[index];
  return out;
}
