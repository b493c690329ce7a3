import type { Db } from '../../db/database.ts';

/** SQL of stored write answers, keyed by user, route and the client's Idempotency-Key. */

/** The stored answer for a key, if any. */
export function findIdempotentAnswer(db: Db, key: string) {
  return db.selectFrom('benefit_idempotency').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Claims a key; a concurrent request with the same key fails (or waits, on PostgreSQL) on the primary key. */
export async function claimIdempotencyKey(db: Db, key: string, requestHash: string, at: string): Promise<void> {
  await db
    .insertInto('benefit_idempotency')
    .values({ key, request_hash: requestHash, status_code: 0, response: '', created_at: at })
    .execute();
}

/** Stores the answer of a claimed key. */
export async function storeIdempotentAnswer(db: Db, key: string, statusCode: number, response: string): Promise<void> {
  await db
    .updateTable('benefit_idempotency')
    .set({ status_code: statusCode, response })
    .where('key', '=', key)
    .execute();
}
