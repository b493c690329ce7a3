import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: postings imported from 就在江苏 / 苏心聘 (import kind `postings`) keep the source platform's
// id (the natural key: the same file twice changes nothing) and the date they were first published there.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('job_postings').addColumn('source_key', 'text').execute();
  await db.schema.alterTable('job_postings').addColumn('source_published_on', 'text').execute();
  await db.schema.createIndex('job_postings_source_key').on('job_postings').column('source_key').unique().execute();
}
