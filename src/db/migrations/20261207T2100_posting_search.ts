import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the public job search's index (招聘专区, SPEC §2.6). One row per published, searchable
// posting: the filter columns copied from the posting and its enterprise, and the jieba-segmented
// terms of each field (space-separated, with a space at both ends, so that a term's presence in a
// field is `LIKE '% term %'` on both databases — the portable relevance score). The full-text
// match runs on SQLite FTS5 (`job_posting_fts`, rowid = posting id) and on PostgreSQL on the
// `document` column, to_tsvector('simple', terms), under a GIN index.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  await db.schema
    .createTable('job_posting_search')
    .addColumn('posting_id', 'integer', (c) => c.primaryKey())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('salary_min', 'integer', (c) => c.notNull())
    .addColumn('salary_max', 'integer', (c) => c.notNull())
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('title_terms', 'text', (c) => c.notNull())
    .addColumn('occupation_terms', 'text', (c) => c.notNull())
    .addColumn('enterprise_terms', 'text', (c) => c.notNull())
    .addColumn('place_terms', 'text', (c) => c.notNull())
    .addColumn('tag_terms', 'text', (c) => c.notNull())
    .addColumn('body_terms', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_posting_search_published').on('job_posting_search').column('published_at').execute();
  await db.schema
    .createIndex('job_posting_search_city')
    .on('job_posting_search')
    .columns(['city_code', 'published_at'])
    .execute();
  await db.schema.createIndex('job_posting_search_salary').on('job_posting_search').column('salary_max').execute();
  if (isPg) {
    await sql`alter table job_posting_search add column document tsvector generated always as (to_tsvector('simple', title_terms || occupation_terms || enterprise_terms || place_terms || tag_terms || body_terms)) stored`.execute(
      db,
    );
    await sql`create index job_posting_search_document on job_posting_search using gin (document)`.execute(db);
  } else {
    await sql`create virtual table job_posting_fts using fts5(terms, content='', contentless_delete=1, detail=none)`.execute(
      db,
    );
  }
}
