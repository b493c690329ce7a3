import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The recorded key fingerprint, if any. */
export async function findKeyFingerprint(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('key_checks').select('fingerprint').where('id', '=', 1).executeTakeFirst();
  return row?.fingerprint;
}

/** Records the fingerprint unless one is recorded already (another process may be first). */
export async function recordKeyFingerprint(db: Db, fingerprint: string, at: string): Promise<void> {
  await db
    .insertInto('key_checks')
    .values({ id: 1, fingerprint, recorded_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
