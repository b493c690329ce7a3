/**
 * Driver differences stop here: PostgreSQL returns bigint and count(*) as strings, SQLite as
 * numbers; booleans are stored as 0/1 integers on both so that migrations stay identical.
 */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number) && !Number.isFinite(number)) {
    throw new RangeError(`不是有效数字：${String(value)}`);
  }
  return number;
}

export function toBoolean(value: number | boolean | string | null | undefined): boolean {
  return value === 1 || value === true || value === '1';
}

export function fromBoolean(value: boolean): number {
  return value ? 1 : 0;
}

/** Current time as the ISO-8601 UTC text stored in every timestamp column. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
