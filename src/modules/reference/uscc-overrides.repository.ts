import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { UsccOverrideTable } from './uscc-overrides.table.ts';

/** SQL of the credit-code override register (uscc_overrides). Rows are inserted and revoked, never deleted. */

export type UsccOverrideRow = Selectable<UsccOverrideTable>;

export interface UsccOverrideFilter {
  /** A code starting with the text, or evidence containing it. */
  q?: string;
  status?: 'active' | 'revoked';
}

function filtered(db: Db, filter: UsccOverrideFilter) {
  let query = db.selectFrom('uscc_overrides');
  const text = filter.q?.trim() ?? '';
  if (text !== '') {
    const escaped = text.replace(/[\\%_]/g, (char) => `\\${char}`);
    query = query.where(sql<boolean>`(uscc like ${`${escaped.toUpperCase()}%`} escape '\\' or evidence like ${`%${escaped}%`} escape '\\')`);
  }
  if (filter.status === 'active') query = query.where('revoked_at', 'is', null);
  if (filter.status === 'revoked') query = query.where('revoked_at', 'is not', null);
  return query;
}

/** A page of overrides, newest first, with the total. */
export async function listUsccOverrideRows(db: Db, filter: UsccOverrideFilter, offset: number, limit: number): Promise<{ rows: UsccOverrideRow[]; total: number }> {
  const count = await filtered(db, filter).select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered(db, filter).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return { rows, total: toNumber(count.total) };
}

export function findUsccOverrideRow(db: Db, id: number): Promise<UsccOverrideRow | undefined> {
  return db.selectFrom('uscc_overrides').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The override of a code in force, if any (at most one: a partial unique index). */
export function findActiveUsccOverrideRow(db: Db, uscc: string): Promise<UsccOverrideRow | undefined> {
  return db.selectFrom('uscc_overrides').selectAll().where('uscc', '=', uscc).where('revoked_at', 'is', null).executeTakeFirst();
}

/** The latest override of a code, in force or revoked. */
export function findLatestUsccOverrideRow(db: Db, uscc: string): Promise<UsccOverrideRow | undefined> {
  return db.selectFrom('uscc_overrides').selectAll().where('uscc', '=', uscc).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Every override in force: code, id, evidence and date (what a parser needs). */
export function listActiveUsccOverrides(db: Db) {
  return db.selectFrom('uscc_overrides').select(['id', 'uscc', 'evidence', 'recorded_at']).where('revoked_at', 'is', null).execute();
}

export async function insertUsccOverride(db: Db, row: Insertable<UsccOverrideTable>): Promise<number> {
  const inserted = await db.insertInto('uscc_overrides').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Stamps the revocation on an override still in force; answers whether it was (a concurrent revoke loses). */
export async function revokeUsccOverrideRow(db: Db, id: number, values: { revoked_by: number | null; revoked_by_name: string; revoked_at: string; revoke_reason: string }): Promise<boolean> {
  const result = await db.updateTable('uscc_overrides').set(values).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}
