import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the cities' 实施方案 filed with the province (notice 三（二）): every version is kept with
// its document, the key-enterprise list and commissioners as filed, its milestones, whether it was
// filed after the deadline, and the province's review (approved or returned with comments).
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('implementation_plans')
    .addColumn('id', serial, id)
    .addColumn('region_code', 'text', (c) => c.notNull()) // the filing city or directly-administered county
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // submitted | approved | returned
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull()) // pdf | docx | doc, checked against the content
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('key_enterprises', 'text', (c) => c.notNull()) // JSON: the list as filed
    .addColumn('commissioners', 'text', (c) => c.notNull()) // JSON: the commissioners as filed
    .addColumn('milestones', 'text', (c) => c.notNull()) // JSON: [{ date, task }]
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('is_late', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'integer')
    .execute();
  await db.schema
    .createIndex('implementation_plans_version')
    .on('implementation_plans')
    .columns(['region_code', 'version'])
    .unique()
    .execute();
}
