import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: job seekers imported from 就在江苏 / 苏心聘 (import kind `seekers`) keep the source platform's
// seeker number (the natural key: the same file twice changes nothing). An imported seeker's account
// has no password until its owner claims it with a verification code sent to the phone or e-mail on file.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('job_seekers').addColumn('source_key', 'text').execute();
  await db.schema.createIndex('job_seekers_source_key').on('job_seekers').column('source_key').unique().execute();
}
