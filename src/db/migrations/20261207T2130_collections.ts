import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: data-collection governance (notice: no 擅自统计调查) and the 急需紧缺职业 survey. An approval
// record (office, number, scope, sample, frequency, validity); collections (forms and surveys sent to
// enterprises) that open only under a valid approval; who received each one and what they answered;
// the shortage positions enterprises report; the catalogue the province publishes per city and year.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('collection_approvals')
    .addColumn('id', serial, id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull()) // the approving office (e.g. 江苏省统计局)
    .addColumn('approval_number', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('sample', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('collection_approvals_number')
    .on('collection_approvals')
    .column('approval_number')
    .unique()
    .execute();

  await db.schema
    .createTable('collections')
    .addColumn('id', serial, id)
    .addColumn('kind', 'text', (c) => c.notNull()) // form | shortage_survey
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('approval_id', 'integer') // null: not approved, cannot be opened
    .addColumn('region_code', 'text', (c) => c.notNull()) // 320000 the province, or a city
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull()) // JSON: the form's questions (labels)
    .addColumn('state', 'text', (c) => c.notNull()) // draft | open | closed
    .addColumn('deadline', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();

  await db.schema
    .createTable('collection_recipients')
    .addColumn('collection_id', 'integer', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull()) // the year it was sent, for the burden count
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('answers', 'text') // JSON for forms; the survey's answers are shortage_reports
    .addColumn('answered_at', 'text')
    .addPrimaryKeyConstraint('collection_recipients_pk', ['collection_id', 'uscc'])
    .execute();
  await db.schema
    .createIndex('collection_recipients_uscc')
    .on('collection_recipients')
    .columns(['uscc', 'year'])
    .execute();

  await db.schema
    .createTable('shortage_reports')
    .addColumn('id', serial, id)
    .addColumn('collection_id', 'integer', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull()) // high | medium | low
    .addColumn('note', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('shortage_reports_key')
    .on('shortage_reports')
    .columns(['collection_id', 'uscc', 'occupation_code'])
    .unique()
    .execute();

  await db.schema
    .createTable('shortage_catalogues')
    .addColumn('id', serial, id)
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('collection_id', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('shortage_catalogues_city_year')
    .on('shortage_catalogues')
    .columns(['city_code', 'year'])
    .unique()
    .execute();
  await db.schema
    .createTable('shortage_catalogue_entries')
    .addColumn('catalogue_id', 'integer', (c) => c.notNull())
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('enterprises', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('shortage_catalogue_entries_pk', ['catalogue_id', 'occupation_code'])
    .execute();
}
