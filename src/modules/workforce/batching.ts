/**
 * Bulk statements must stay under the bind-parameter limits: SQLite's 32,766 and
 * PostgreSQL's 65,535. Every multi-row statement of the module is cut with these helpers.
 */
const MAX_PARAMETERS = 30_000;

/** Splits items into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Rows per statement when each row binds `columns` parameters. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / columns));
}

/** Splits rows into chunks that fit one statement of `columns` parameters per row. */
export function chunkRows<T>(rows: readonly T[], columns: number): T[][] {
  return chunk(rows, rowsPerStatement(columns));
}

/** Keeps the last item for each key: a later row in a file corrects an earlier one. */
export function lastByKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return byKey;
}
