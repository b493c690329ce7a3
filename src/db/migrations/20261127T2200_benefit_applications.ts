import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: 即申即享 applications — the materials an enterprise uploads to its case. The file itself
// is kept in the row (bytea / blob) so that it is written, replaced by a retry and backed up in the
// same transaction as its record, its idempotency key and its audit row; a policy caps a file at a
// few megabytes, so the database carries it without a separate store.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('benefit_attachments')
    .addColumn('id', serial, id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
    .addColumn('attachment_code', 'text', (c) => c.notNull()) // policy.yaml attachments[].code
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('declared_type', 'text', (c) => c.notNull()) // from the file name: pdf | jpg | png
    .addColumn('detected_type', 'text', (c) => c.notNull()) // from the first bytes of the content
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text') // set when the application is submitted: from then on the file stays
    .execute();
  await db.schema
    .createIndex('benefit_attachments_case')
    .on('benefit_attachments')
    .columns(['case_id', 'attachment_code'])
    .execute();
}
