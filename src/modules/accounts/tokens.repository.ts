import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ApiTokenTable } from './accounts.table.ts';

export type ApiTokenRow = Selectable<ApiTokenTable>;

export function insertApiToken(db: Db, values: Insertable<ApiTokenTable>): Promise<ApiTokenRow> {
  return db.insertInto('api_tokens').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Tokens visible to a user: their own, or all of them for `all`. */
export function listApiTokens(db: Db, ownerId: number | 'all'): Promise<ApiTokenRow[]> {
  let query = db.selectFrom('api_tokens').selectAll();
  if (ownerId !== 'all') query = query.where('user_id', '=', ownerId);
  return query.orderBy('id', 'desc').execute();
}

export function findApiToken(db: Db, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function revokeApiToken(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function markApiTokenUsed(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
