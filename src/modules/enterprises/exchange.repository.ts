import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { ExchangeRequestTable } from './enterprises.table.ts';
import { chunksFor } from './register-write.repository.ts';

/** SQL of the exchange: stored answers of idempotent pushes and the change feed. */

/** The stored answer of an earlier push with this (client-scoped) key. */
export function findExchangeRequest(db: Db, key: string) {
  return db.selectFrom('exchange_requests').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

/** Stores a push's answer; a concurrent push with the same key fails here on the primary key. */
export async function insertExchangeRequest(db: Db, row: Insertable<ExchangeRequestTable>): Promise<void> {
  await db.insertInto('exchange_requests').values(row).execute();
}

/** Change-feed entries after a sequence number, oldest first. */
export async function findChangesSince(db: Db, since: number, limit: number): Promise<{ seq: number; uscc: string }[]> {
  const rows = await db
    .selectFrom('enterprise_changes')
    .select(['seq', 'uscc'])
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ seq: toNumber(row.seq), uscc: row.uscc }));
}

/** The current records of these enterprises, without contact data (the feed carries no personal data). */
export async function findFeedRecords(db: Db, usccs: readonly string[]) {
  const found = [];
  for (const chunk of chunksFor(usccs, 1)) {
    found.push(
      ...(await db
        .selectFrom('enterprises')
        .select([
          'uscc',
          'name',
          'tier',
          'recognized_on',
          'valid_until',
          'region_code',
          'city_code',
          'industry_code',
          'size',
          'updated_at',
        ])
        .where('uscc', 'in', chunk)
        .execute()),
    );
  }
  return found;
}

/** The tier history of these enterprises, oldest first. */
export async function findFeedRecognitions(db: Db, usccs: readonly string[]) {
  const found = [];
  for (const chunk of chunksFor(usccs, 1)) {
    found.push(
      ...(await db
        .selectFrom('enterprise_recognitions')
        .select(['uscc', 'tier', 'recognized_on', 'valid_until'])
        .where('uscc', 'in', chunk)
        .orderBy('recognized_on')
        .orderBy('id')
        .execute()),
    );
  }
  return found;
}
