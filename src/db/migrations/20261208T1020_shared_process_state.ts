import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: state that several server processes and job workers share on one database.
// - benefit_match_runs.worker: the job worker holding a queued run (null while it waits, and for a
//   run working in a server's own thread); a worker whose heartbeat stopped loses it to another;
// - rate_limit_counters: the request rate limits of every process, one row per key and window.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('benefit_match_runs').addColumn('worker', 'text').execute();
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull()) // epoch milliseconds
    .execute();
  await db.schema
    .createIndex('rate_limit_counters_window')
    .on('rate_limit_counters')
    .column('window_ends_at')
    .execute();
}
