import { sql, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { ftsExpression, SEARCH_FIELDS, tsQueryExpression, type QueryClause, type SearchField } from './search-text.ts';

/**
 * The search's SQL (SPEC §2.6). Matching uses each database's full-text index (FTS5 MATCH on
 * SQLite, `document @@ to_tsquery('simple', …)` on PostgreSQL) over the same tokens; ranking is a
 * score both compute identically in SQL — for each query word and field, the field's weight when
 * the field holds the word (`LIKE '% word %'` on the stored terms) — never bm25 or ts_rank, which
 * differ. Ties fall to the newest first publication, then the posting id: one order on both.
 */

export type SearchSort = 'relevance' | 'date' | 'salary';

export interface SearchFilter {
  clauses: QueryClause[];
  region?: string;
  occupation?: string;
  salaryMin?: number;
  salaryMax?: number;
  education?: string;
  tier?: string;
  /** Postings brought to a job fair (专场招聘会), when the search is limited to one. */
  postingIds?: number[];
  today: string;
}

const COLUMN_OF: Record<SearchField, string> = {
  title: 'title_terms',
  occupation: 'occupation_terms',
  enterprise: 'enterprise_terms',
  place: 'place_terms',
  tags: 'tag_terms',
  body: 'body_terms',
};

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function holds(column: string, term: string) {
  return sql<SqlBool>`${sql.ref(`s.${column}`)} like ${`% ${escapeLike(term)} %`} escape '\\'`;
}

/**
 * The portable relevance score of the clauses, an integer: for each clause, the weight of every
 * short field (title, occupation, enterprise, place, tags) that holds it, or the description's
 * weight when none does (every clause is in the posting somewhere: the match requires it). The long
 * description is never scanned with LIKE, which keeps the score cheap over many candidates.
 */
export function scoreExpression(clauses: readonly QueryClause[], weights: Record<SearchField, number>) {
  const terms = clauses.map((clause) => {
    const holdsClause = (column: string) =>
      clause.parts.length === 0
        ? holds(column, clause.term)
        : sql<SqlBool>`(${holds(column, clause.term)} or (${sql.join(
            clause.parts.map((p) => holds(column, p)),
            sql` and `,
          )}))`;
    const short = SEARCH_FIELDS.filter((field) => field !== 'body').map((field) => ({
      present: holdsClause(COLUMN_OF[field]),
      weight: weights[field],
    }));
    const sum = sql.join(
      short.map((f) => sql`case when ${f.present} then ${sql.lit(f.weight)} else 0 end`),
      sql` + `,
    );
    return sql<number>`coalesce(nullif(${sum}, 0), ${sql.lit(weights.body)})`;
  });
  return terms.length === 0 ? sql<number>`0` : sql<number>`(${sql.join(terms, sql` + `)})`;
}

function matching(db: Db, dialect: Dialect, filter: SearchFilter) {
  let q = db.selectFrom('job_posting_search as s').where('s.valid_until', '>=', filter.today);
  if (filter.clauses.length > 0) {
    q =
      dialect === 'postgres'
        ? q.where(sql<SqlBool>`s.document @@ to_tsquery('simple', ${tsQueryExpression(filter.clauses)})`)
        : q.where(
            sql<SqlBool>`s.posting_id in (select rowid from job_posting_fts where job_posting_fts match ${ftsExpression(filter.clauses)})`,
          );
  }
  if (filter.region && filter.region !== '320000') {
    const region = filter.region;
    q = q.where((eb) => eb.or([eb('s.city_code', '=', region), eb('s.region_code', '=', region)]));
  }
  if (filter.occupation) q = q.where('s.occupation_code', 'like', `${escapeLike(filter.occupation)}%`);
  if (filter.salaryMin !== undefined) q = q.where('s.salary_max', '>=', filter.salaryMin);
  if (filter.salaryMax !== undefined) q = q.where('s.salary_min', '<=', filter.salaryMax);
  if (filter.education) q = q.where('s.education', '=', filter.education);
  if (filter.tier) q = q.where('s.tier', '=', filter.tier);
  if (filter.postingIds) q = q.where('s.posting_id', 'in', filter.postingIds.length > 0 ? filter.postingIds : [0]);
  return q;
}

export async function countMatches(db: Db, dialect: Dialect, filter: SearchFilter): Promise<number> {
  const row = await matching(db, dialect, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of matching posting ids with their scores, in the chosen order. */
export async function pageOfMatches(
  db: Db,
  dialect: Dialect,
  filter: SearchFilter,
  order: { sort: SearchSort; weights: Record<SearchField, number>; limit: number; offset: number },
): Promise<{ id: number; score: number }[]> {
  const score = order.sort === 'relevance' ? scoreExpression(filter.clauses, order.weights) : sql<number>`0`;
  let q = matching(db, dialect, filter).select(['s.posting_id', score.as('score')]);
  if (order.sort === 'relevance') q = q.orderBy('score', 'desc');
  if (order.sort === 'salary') q = q.orderBy('s.salary_max', 'desc').orderBy('s.salary_min', 'desc');
  const rows = await q
    .orderBy('s.published_at', 'desc')
    .orderBy('s.posting_id', 'desc')
    .limit(order.limit)
    .offset(order.offset)
    .execute();
  return rows.map((r) => ({ id: Number(r.posting_id), score: Number(r.score) }));
}

/** The postings the enterprises of a job fair bring to it (job_fair_enterprises.posting_ids). */
export async function postingsOfFair(db: Db, fairId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('job_fair_enterprises')
    .select('posting_ids')
    .where('fair_id', '=', fairId)
    .execute();
  return [...new Set(rows.flatMap((r) => (JSON.parse(r.posting_ids) as unknown[]).map(Number)))].filter(
    (id) => Number.isInteger(id) && id > 0,
  );
}

/** The postings of a page, with the enterprise's public profile (no contact, no personal data). */
export async function publicPostings(db: Db, ids: readonly number[], today: string) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('job_posting_search as s')
    .innerJoin('job_postings as p', 'p.id', 's.posting_id')
    .leftJoin('enterprises as e', 'e.uscc', 'p.uscc')
    .leftJoin('occupations as o', 'o.code', 'p.occupation_code')
    .leftJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('regions as c', 'c.code', 'p.city_code')
    .leftJoin('regions as ec', 'ec.code', 'e.city_code')
    .leftJoin('industries as i', 'i.code', 'e.industry_code')
    .select([
      'p.id',
      'p.uscc',
      'p.title',
      'p.occupation_code',
      'p.posts',
      'p.salary_min',
      'p.salary_max',
      'p.education',
      'p.experience',
      'p.region_code',
      'p.city_code',
      'p.address',
      'p.description',
      'p.valid_until',
      'p.tags',
      's.published_at',
      'e.name as enterprise_name',
      'e.tier',
      'e.size',
      'e.industry_code',
      'i.name as industry_name',
      'o.name as occupation_name',
      'r.name as region_name',
      'c.name as city_name',
      'ec.name as enterprise_city_name',
    ])
    .where('s.posting_id', 'in', ids)
    .where('s.valid_until', '>=', today)
    .where('p.status', '=', 'published')
    .execute();
}
export type PublicPostingRow = Awaited<ReturnType<typeof publicPostings>>[number];
