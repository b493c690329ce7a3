import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the job search answers in a time that does not grow with how common a word is
// (SPEC §2.6, §6). Each indexed posting gets `sort_key` (its first publication's minute and its
// id in one integer: newest first is `sort_key` descending, on both databases) and `filter_terms`
// (tokens for its place, occupation prefixes, education, tier and salary thresholds, so that the
// full-text index answers filters and counts by itself). The full-text side is keyed by
// `sort_key` (SQLite FTS5 rowid; PostgreSQL `document` now includes `filter_terms`).
// `job_posting_terms` lists, per term of a short field (title, occupation, enterprise, place,
// tags), the postings holding it with the fields (bit mask) and their summed weight, kept in
// (term, weight, sort_key) order: a one-word query reads its first page straight from it.
// The index is emptied here: `yangfan jobs reindex` (or `yangfan demo`) fills it again.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  await db.deleteFrom('job_posting_search').execute();
  await db.schema
    .alterTable('job_posting_search')
    .addColumn('sort_key', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('job_posting_search')
    .addColumn('filter_terms', 'text', (c) => c.notNull().defaultTo(' '))
    .execute();
  await db.schema
    .createIndex('job_posting_search_sort_key')
    .on('job_posting_search')
    .column('sort_key')
    .unique()
    .execute();
  await db.schema
    .createIndex('job_posting_search_valid_until')
    .on('job_posting_search')
    .column('valid_until')
    .execute();
  // By salary, best paid first: a page by salary walks this index (see search-match.repository.ts).
  await db.schema
    .createIndex('job_posting_search_salary_order')
    .on('job_posting_search')
    .columns(['salary_max', 'salary_min', 'sort_key'])
    .execute();
  if (isPg) {
    await sql`drop index job_posting_search_document`.execute(db);
    await sql`alter table job_posting_search drop column document`.execute(db);
    await sql`alter table job_posting_search add column document tsvector generated always as (to_tsvector('simple', title_terms || occupation_terms || enterprise_terms || place_terms || tag_terms || body_terms || filter_terms)) stored`.execute(
      db,
    );
    await sql`create index job_posting_search_document on job_posting_search using gin (document) with (fastupdate = off)`.execute(
      db,
    );
    await sql`create table job_posting_terms (term text not null, weight integer not null, sort_key bigint not null, fields integer not null, primary key (term, weight, sort_key))`.execute(
      db,
    );
    await sql`create index job_posting_terms_by_key on job_posting_terms (term, sort_key) include (fields, weight)`.execute(
      db,
    );
  } else {
    await sql`drop table job_posting_fts`.execute(db);
    await sql`create virtual table job_posting_fts using fts5(terms, content='', contentless_delete=1, detail=none)`.execute(
      db,
    );
    await sql`create table job_posting_terms (term text not null, weight integer not null, sort_key integer not null, fields integer not null, primary key (term, weight, sort_key)) without rowid`.execute(
      db,
    );
    await sql`create index job_posting_terms_by_key on job_posting_terms (term, sort_key, fields, weight)`.execute(db);
  }
}
