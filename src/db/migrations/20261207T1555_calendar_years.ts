import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: years of the State Council's holiday arrangement loaded by an administrator (beyond the
// years the chinese-days package carries). A reload of a year is a new version; the previous one
// is stamped superseded, never deleted, so the history shows which notice counted when. At most
// one version of a year is current (partial unique index, SQLite and PostgreSQL alike).
// Cases remember whether a deadline was counted Monday to Friday through a year not yet loaded
// (provisional), so the deadline is recomputed when that year arrives.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('calendar_years')
    .addColumn('id', serial, id)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull()) // 文号 of the notice
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('holidays', 'text', (c) => c.notNull()) // JSON [{date, name}], dates ascending
    .addColumn('workdays', 'text', (c) => c.notNull()) // JSON [{date, name}]: 调休上班 weekend days
    .addColumn('file_text', 'text', (c) => c.notNull()) // the file as loaded
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('loaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('loaded_by_name', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .addUniqueConstraint('calendar_years_year_version', ['year', 'version'])
    .execute();
  await db.schema
    .createIndex('calendar_years_one_current')
    .on('calendar_years')
    .column('year')
    .unique()
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();

  await db.schema
    .alterTable('benefit_cases')
    .addColumn('review_deadline_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('benefit_cases')
    .addColumn('publicity_until_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
