import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: job postings of the recruitment zone (招聘专区, SPEC §2.6). A posting is an enterprise's
// draft until its city reviews it; `first_published_at` fixes the year it counts in (once).
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  await db.schema
    .createTable('job_postings')
    .addColumn('id', isPg ? 'bigserial' : 'integer', (c: any) =>
      isPg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('salary_min', 'integer', (c) => c.notNull()) // yuan per month
    .addColumn('salary_max', 'integer', (c) => c.notNull())
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('experience', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON array
    .addColumn('status', 'text', (c) => c.notNull()) // draft | submitted | returned | rejected | published
    .addColumn('flag_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review_comment', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'integer')
    .addColumn('first_published_at', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_postings_review').on('job_postings').columns(['status', 'city_code']).execute();
  await db.schema.createIndex('job_postings_uscc').on('job_postings').column('uscc').execute();
  await db.schema.createIndex('job_postings_published').on('job_postings').column('first_published_at').execute();
}
