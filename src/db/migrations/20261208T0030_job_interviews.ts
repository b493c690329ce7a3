import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the interview an enterprise arranges when it moves an applicant to 面试 — the time, a
// place or an online link, and a note for the seeker. A rescheduled interview is a new row; the
// newest row per application is the one in force, the older ones its history.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('job_interviews')
    .addColumn('id', serial, id)
    .addColumn('application_id', 'integer', (c) => c.notNull())
    .addColumn('scheduled_at', 'text', (c) => c.notNull()) // UTC ISO instant
    .addColumn('place', 'text')
    .addColumn('link', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_interviews_application')
    .on('job_interviews')
    .columns(['application_id', 'id'])
    .execute();
}
