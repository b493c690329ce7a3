import { sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { addWords } from '../../../platform/text/segmenter.ts';
import { deriveShortNames } from '../../opinion/linking.ts';
import { loadLinkingRules } from '../../opinion/opinion-rules.ts';
import type { JobPostingSearchTable, JobPostingTermTable } from './search.table.ts';
import { filterTermsOf, sortKeyOf, termRowsOf } from './search-rows.ts';
import { fieldTerms, searchSettings } from './search-text.ts';

/**
 * The search index of published postings (SPEC §2.6): written when a posting is published,
 * removed when it is withdrawn, rebuilt whole by `rebuildSearchIndex` (after `yangfan demo`, a
 * dictionary change or `yangfan jobs reindex`), which leaves expired postings out; between rebuilds
 * `unindexExpired` removes the postings whose `valid_until` has passed (the search calls it once a
 * day, before its first answer). Three parts are written together: the row (job_posting_search),
 * the full-text document (FTS5 on SQLite, the generated `document` on PostgreSQL) and the short
 * fields' term rows (job_posting_terms). SQL only; segmentation in search-text.ts, the stored
 * shapes in search-rows.ts.
 */

let dictionaryCheckedAt = 0;
let dictionaryKey = '';

/**
 * The enterprises' names and short names in the segmenter's dictionary (occupation and industry
 * names are there from the start), so that 恒立 or 中科微 come out as one word in postings and
 * queries alike. Re-read when the register has changed, at most every `dictionary_refresh_seconds`.
 */
export async function ensureSearchDictionary(db: Db, now = Date.now()): Promise<void> {
  if (now - dictionaryCheckedAt < searchSettings().dictionary_refresh_seconds * 1000) return;
  dictionaryCheckedAt = now;
  const stamp = await db
    .selectFrom('enterprises')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
    .executeTakeFirstOrThrow();
  const key = `${Number(stamp.n)}|${String(stamp.last ?? '')}`;
  if (key === dictionaryKey) return;
  dictionaryKey = key;
  shortFieldTerms.clear();
  const rules = loadLinkingRules();
  const names = await db.selectFrom('enterprises').select('name').execute();
  addWords(names.flatMap((n) => deriveShortNames(n.name, rules)));
}

/** Forgets the dictionary check (tests that change the register). */
export function resetSearchDictionary(): void {
  dictionaryCheckedAt = 0;
  dictionaryKey = '';
}

function withoutSuffix(name: string): string {
  return name.length > 2 ? name.replace(/(市|区|县)$/, '') : name;
}

function sourceRows(db: Db) {
  return db
    .selectFrom('job_postings as p')
    .leftJoin('enterprises as e', 'e.uscc', 'p.uscc')
    .leftJoin('occupations as o', 'o.code', 'p.occupation_code')
    .leftJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('regions as c', 'c.code', 'p.city_code')
    .select([
      'p.id',
      'p.uscc',
      'p.title',
      'p.occupation_code',
      'p.salary_min',
      'p.salary_max',
      'p.education',
      'p.region_code',
      'p.city_code',
      'p.description',
      'p.valid_until',
      'p.tags',
      'p.first_published_at',
      'p.reviewed_at',
      'e.name as enterprise_name',
      'e.tier',
      'o.name as occupation_name',
      'r.name as region_name',
      'c.name as city_name',
    ])
    .where('p.status', '=', 'published');
}
type SourceRow = Awaited<ReturnType<ReturnType<typeof sourceRows>['execute']>>[number];

const linkingRules = () => (cachedRules ??= loadLinkingRules());
let cachedRules: ReturnType<typeof loadLinkingRules> | undefined;

/**
 * Terms of the short, repeated fields (titles, occupation, enterprise and place names, tags),
 * remembered: a bulk rebuild segments each distinct value once. Cleared when it grows large or the
 * dictionary changes.
 */
const shortFieldTerms = new Map<string, string>();
function rememberedTerms(text: string): string {
  let terms = shortFieldTerms.get(text);
  if (terms === undefined) {
    if (shortFieldTerms.size >= 100_000) shortFieldTerms.clear();
    terms = fieldTerms(text);
    shortFieldTerms.set(text, terms);
  }
  return terms;
}

const enterpriseTexts = new Map<string, string>();
function enterpriseText(name: string): string {
  let text = enterpriseTexts.get(name);
  if (text === undefined) {
    if (enterpriseTexts.size >= 100_000) enterpriseTexts.clear();
    text = name ? [name, ...deriveShortNames(name, linkingRules())].join(' ') : '';
    enterpriseTexts.set(name, text);
  }
  return text;
}

/** The index row of a published posting (segmentation happens here). */
export function indexRowOf(row: SourceRow, now: string): JobPostingSearchTable {
  const enterprise = row.enterprise_name ?? '';
  const places = [row.city_name, row.region_name].filter((n): n is string => Boolean(n));
  const tags = JSON.parse(row.tags) as string[];
  const publishedAt = row.first_published_at ?? row.reviewed_at ?? now;
  return {
    posting_id: Number(row.id),
    uscc: row.uscc,
    city_code: row.city_code,
    region_code: row.region_code,
    occupation_code: row.occupation_code,
    salary_min: row.salary_min,
    salary_max: row.salary_max,
    education: row.education,
    tier: row.tier ?? '',
    published_at: publishedAt,
    valid_until: row.valid_until,
    sort_key: sortKeyOf(publishedAt, Number(row.id)),
    filter_terms: filterTermsOf({ ...row, tier: row.tier ?? '' }),
    title_terms: rememberedTerms(row.title),
    occupation_terms: rememberedTerms(row.occupation_name ?? ''),
    enterprise_terms: rememberedTerms(enterpriseText(enterprise)),
    place_terms: rememberedTerms([...places, ...places.map(withoutSuffix)].join(' ')),
    tag_terms: rememberedTerms(tags.join(' ')),
    body_terms: fieldTerms(row.description),
    indexed_at: now,
  };
}

const TERM_COLUMNS = [
  'title_terms',
  'occupation_terms',
  'enterprise_terms',
  'place_terms',
  'tag_terms',
  'body_terms',
  'filter_terms',
] as const;

/**
 * Many term rows in one statement: on SQLite one JSON parameter unpacked by json_each, on
 * PostgreSQL one array per column unpacked by unnest.
 */
async function insertTermRows(db: Db, dialect: Dialect, rows: JobPostingTermTable[]): Promise<void> {
  if (dialect === 'sqlite') {
    const json = JSON.stringify(rows.map((r) => [r.term, r.weight, r.sort_key, r.fields]));
    await sql`insert into job_posting_terms (term, weight, sort_key, fields)
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(${json})`.execute(db);
  } else
    await sql`insert into job_posting_terms (term, weight, sort_key, fields)
      select * from unnest(${rows.map((r) => r.term)}::text[], ${rows.map((r) => r.weight)}::integer[],
        ${rows.map((r) => String(r.sort_key))}::bigint[], ${rows.map((r) => r.fields)}::integer[])`.execute(db);
}

async function writeRows(db: Db, dialect: Dialect, rows: JobPostingSearchTable[]): Promise<void> {
  // Bound parameters per statement stay far below both databases' limits.
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.insertInto('job_posting_search').values(chunk).execute();
    if (dialect === 'sqlite') {
      await sql`insert into job_posting_fts (rowid, terms) values ${sql.join(
        chunk.map((r) => sql`(${r.sort_key}, ${TERM_COLUMNS.map((c) => r[c]).join('')})`),
      )}`.execute(db);
    }
  }
  const weights = searchSettings().field_weights;
  const terms = rows.flatMap((r) => termRowsOf(r, weights));
  // On SQLite the table is its primary key: in its order, the inserts walk it instead of jumping
  // about in it (PostgreSQL fills a bare heap during a rebuild, its keys built at the end).
  if (dialect === 'sqlite')
    terms.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.weight - b.weight || a.sort_key - b.sort_key));
  for (let j = 0; j < terms.length; j += 20_000) await insertTermRows(db, dialect, terms.slice(j, j + 20_000));
}

const SHORT_TERM_COLUMNS = ['title_terms', 'occupation_terms', 'enterprise_terms', 'place_terms', 'tag_terms'] as const;

async function removeRows(db: Db, dialect: Dialect, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const present = await db
      .selectFrom('job_posting_search')
      .select(['sort_key', ...SHORT_TERM_COLUMNS])
      .where('posting_id', 'in', chunk)
      .execute();
    if (present.length === 0) continue;
    const keys = present.map((p) => Number(p.sort_key));
    const terms = [...new Set(present.flatMap((p) => SHORT_TERM_COLUMNS.flatMap((c) => p[c].split(' '))))].filter(
      Boolean,
    );
    if (dialect === 'sqlite') await sql`delete from job_posting_fts where rowid in (${sql.join(keys)})`.execute(db);
    for (let j = 0; j < terms.length; j += 1000)
      await db
        .deleteFrom('job_posting_terms')
        .where('term', 'in', terms.slice(j, j + 1000))
        .where('sort_key', 'in', keys)
        .execute();
    await db.deleteFrom('job_posting_search').where('posting_id', 'in', chunk).execute();
  }
}

/** (Re)indexes these postings: published ones still valid are written, any other is removed. */
export async function indexPostings(db: Db, dialect: Dialect, ids: readonly number[], now: string): Promise<number> {
  if (ids.length === 0) return 0;
  await ensureSearchDictionary(db);
  await removeRows(db, dialect, ids);
  let written = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await sourceRows(db)
      .where('p.id', 'in', ids.slice(i, i + 500))
      .where('p.valid_until', '>=', now.slice(0, 10))
      .execute();
    await writeRows(
      db,
      dialect,
      rows.map((r) => indexRowOf(r, now)),
    );
    written += rows.length;
  }
  return written;
}

/** Removes postings from the index (withdrawn or no longer published). */
export async function unindexPostings(db: Db, dialect: Dialect, ids: readonly number[]): Promise<void> {
  await removeRows(db, dialect, ids);
}

/** Removes the postings whose validity ended before `today` (YYYY-MM-DD); returns how many. */
export async function unindexExpired(db: Db, dialect: Dialect, today: string): Promise<number> {
  const expired = await db
    .selectFrom('job_posting_search')
    .select('posting_id')
    .where('valid_until', '<', today)
    .execute();
  await removeRows(
    db,
    dialect,
    expired.map((e) => Number(e.posting_id)),
  );
  return expired.length;
}

/**
 * Rebuilds the whole index from the published postings still valid on `now`'s date, batch by batch
 * (one transaction each), with the dictionary read afresh first: expired postings leave the index
 * here (between rebuilds `unindexExpired` takes them out). Returns the postings indexed.
 */
export async function rebuildSearchIndex(
  handle: { db: import('kysely').Kysely<import('../../../db/schema.ts').Database>; dialect: Dialect },
  now: string,
  batchSize = 5000,
): Promise<number> {
  const { db, dialect } = handle;
  resetSearchDictionary();
  await ensureSearchDictionary(db);
  if (dialect === 'postgres') await sql`truncate job_posting_search, job_posting_terms`.execute(db);
  else {
    await db.deleteFrom('job_posting_search').execute();
    await db.deleteFrom('job_posting_terms').execute();
    await sql`insert into job_posting_fts (job_posting_fts) values ('delete-all')`.execute(db);
  }
  // The indexes that millions of random inserts would slow down most are built once at the end
  // (sorting is far cheaper), and SQLite gets a page cache the size of the index while it is written.
  for (const statement of BULK_INDEXES[dialect].drop) await sql.raw(statement).execute(db);
  const cache =
    dialect === 'sqlite' ? (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size : 0;
  if (dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(db);
  try {
    return await fillIndex(db, dialect, now, batchSize);
  } finally {
    await buildBulkIndexes(handle.db, dialect);
    if (dialect === 'sqlite') await sql.raw(`pragma cache_size = ${Number(cache)}`).execute(db);
    // Fresh statistics for the planner (and, on PostgreSQL, the visibility map counts rely on).
    if (dialect === 'postgres') await sql`vacuum analyze job_posting_search, job_posting_terms`.execute(db);
    else await sql`analyze job_posting_search`.execute(db);
  }
}

/**
 * The indexes a rebuild drops before filling and builds after, as the migrations define them:
 * the term rows' second index; on PostgreSQL every index but the primary key of the postings' rows
 * (one GIN insert per posting touches each of its ~150 terms) and the term rows' primary key.
 */
const BULK_INDEXES: Record<Dialect, { drop: string[]; build: string[] }> = {
  sqlite: {
    drop: ['drop index if exists job_posting_terms_by_key'],
    build: ['create index job_posting_terms_by_key on job_posting_terms (term, sort_key, fields, weight)'],
  },
  postgres: {
    drop: [
      'drop index if exists job_posting_terms_by_key',
      'alter table job_posting_terms drop constraint if exists job_posting_terms_pkey',
      'drop index if exists job_posting_search_document',
      'drop index if exists job_posting_search_sort_key',
      'drop index if exists job_posting_search_valid_until',
      'drop index if exists job_posting_search_salary_order',
    ],
    build: [
      'create unique index job_posting_search_sort_key on job_posting_search (sort_key)',
      'create index job_posting_search_valid_until on job_posting_search (valid_until)',
      'create index job_posting_search_salary_order on job_posting_search (salary_max, salary_min, sort_key)',
      'create index job_posting_search_document on job_posting_search using gin (document) with (fastupdate = off)',
      'alter table job_posting_terms add constraint job_posting_terms_pkey primary key (term, weight, sort_key)',
      'create index job_posting_terms_by_key on job_posting_terms (term, sort_key) include (fields, weight)',
    ],
  },
};

async function buildBulkIndexes(
  db: import('kysely').Kysely<import('../../../db/schema.ts').Database>,
  dialect: Dialect,
): Promise<void> {
  if (dialect === 'sqlite') {
    for (const statement of BULK_INDEXES.sqlite.build) await sql.raw(statement).execute(db);
    return;
  }
  // One transaction, with room to sort in memory (the session's default is 64 MB).
  await db.transaction().execute(async (trx) => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    for (const statement of BULK_INDEXES.postgres.build) await sql.raw(statement).execute(trx);
  });
}

async function fillIndex(db: Db, dialect: Dialect, now: string, batchSize: number): Promise<number> {
  const last = await db
    .selectFrom('job_postings')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const lastId = Number(last?.id ?? 0);
  let total = 0;
  // By ranges of the primary key: each batch reads its own rows, never the whole table again.
  for (let from = 0; from < lastId; from += batchSize) {
    const rows = await sourceRows(db)
      .where('p.id', '>', from)
      .where('p.id', '<=', from + batchSize)
      .where('p.valid_until', '>=', now.slice(0, 10))
      .execute();
    if (rows.length === 0) continue;
    const indexRows = rows.map((r) => indexRowOf(r, now));
    await db.transaction().execute((trx) => writeRows(trx, dialect, indexRows));
    total += rows.length;
  }
  return total;
}
