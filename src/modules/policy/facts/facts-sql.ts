import { sql, type RawBuilder } from 'kysely';

/**
 * SQL fragments the fact queries share, written once in the subset SQLite and PostgreSQL agree
 * on: substr, cast(… as integer), integer `/` and `%`, case — no least/greatest, no date functions.
 */

/** The YYYYMM period of an ISO date column or expression. */
export function periodOfDate(column: string): RawBuilder<number> {
  return sql<number>`(cast(substr(${sql.raw(column)}, 1, 4) as integer) * 100 + cast(substr(${sql.raw(column)}, 6, 2) as integer))`;
}

/** The month index (year × 12 + month) of a YYYYMM period expression: consecutive months differ by 1. */
export function monthIndexOf(period: RawBuilder<number> | string): RawBuilder<number> {
  const expr = typeof period === 'string' ? sql.raw(period) : period;
  return sql<number>`((${expr}) / 100 * 12 + (${expr}) % 100)`;
}

/** Which rows a fact query reads: every enterprise (batch, sandbox) or one (calculator). */
export type FactScope = { kind: 'all' } | { kind: 'enterprise'; uscc: string };
