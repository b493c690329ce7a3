import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: which keys the personal data of this database are written with, as a fingerprint (SM3 of
// an HMAC-SM3 of a fixed text under each key; the keys cannot be recovered from it). One row, id 1,
// recorded at the first start; a later start with other keys (a lost dev-keys.json regenerated,
// a wrong environment variable) is refused instead of writing data no one can read together.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('key_checks')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
}
