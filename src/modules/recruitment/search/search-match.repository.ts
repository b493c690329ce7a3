import { sql, type RawBuilder } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { FIELD_BITS, filterTokens, postingIdOf, type FilterValues } from './search-rows.ts';
import { ftsExpression, tsQueryExpression, type QueryClause, type SearchField } from './search-text.ts';

/**
 * The search's matching and ranking SQL (SPEC §2.6), built so that a page costs about the same
 * whether a word is in 30 postings or in 36,000:
 *
 * - Matching and filtering happen in the full-text index alone (FTS5 MATCH on SQLite, `document @@
 *   to_tsquery('simple', …)` under GIN on PostgreSQL): the query's words and the filters' tokens
 *   (search-rows.ts) in one expression, so the total is a count over the index, no row read.
 * - Newest first is `sort_key` descending; on SQLite the FTS5 rowid is the sort key, so a page
 *   by date reads only its own rows from the index.
 * - Relevance is the portable integer score: per query word, the summed weights of the short
 *   fields (title, occupation, enterprise, place, tags) holding it, read from job_posting_terms,
 *   or the description's weight when none does. A one-word query walks that word's rows, kept in
 *   (weight, sort_key) order, and stops at the page's end; other queries score their matches by
 *   index look-ups, never by reading text. Ties fall to `sort_key` descending: one order on both.
 *
 * Filters the tokens cannot express (an odd salary, a fair's postings) are checked on the row's
 * columns.
 */

export type SearchSort = 'relevance' | 'date' | 'salary';

export interface SearchFilter extends FilterValues {
  clauses: QueryClause[];
  /** Used only when nothing can be matched in the full-text index (a plain listing). */
  today: string;
}

interface Plan {
  filter: SearchFilter;
  rest: FilterValues;
  /** The full-text expression, or null when the query has neither words nor filter tokens. */
  expression: string | null;
  /** Whether any filter narrows the matches beyond the query's words. */
  filtered: boolean;
}

function quoted(token: string): string {
  return `"${token}"`;
}

function planOf(dialect: Dialect, filter: SearchFilter): Plan {
  const { include, exclude, rest } = filterTokens(filter);
  const words = filter.clauses.length === 0 ? [] : [filter.clauses];
  const filtered = include.length + exclude.length + columnConditions(rest).length > 0;
  if (words.length === 0 && include.length === 0) return { filter, rest: filter, expression: null, filtered };
  let expression: string;
  if (dialect === 'sqlite') {
    expression = [...words.map((c) => `(${ftsExpression(c)})`), ...include.map(quoted)].join(' AND ');
    if (exclude.length > 0) expression = `(${expression}) NOT (${exclude.map(quoted).join(' OR ')})`;
  } else {
    expression = [...words.map((c) => `(${tsQueryExpression(c)})`), ...include].join(' & ');
    if (exclude.length > 0) expression = `(${expression}) & !(${exclude.join(' | ')})`;
  }
  return { filter, rest, expression, filtered };
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filters as conditions on job_posting_search's columns (alias s). */
function columnConditions(f: FilterValues): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.region && f.region !== '320000') out.push(sql`(s.city_code = ${f.region} or s.region_code = ${f.region})`);
  if (f.occupation) out.push(sql`s.occupation_code like ${`${escapeLike(f.occupation)}%`} escape '\\'`);
  if (f.salaryMin !== undefined) out.push(sql`s.salary_max >= ${f.salaryMin}`);
  if (f.salaryMax !== undefined) out.push(sql`s.salary_min <= ${f.salaryMax}`);
  if (f.education) out.push(sql`s.education = ${f.education}`);
  if (f.tier) out.push(sql`s.tier = ${f.tier}`);
  if (f.postingIds) out.push(sql`s.posting_id in (${sql.join(f.postingIds.length > 0 ? f.postingIds : [0])})`);
  return out;
}

function whereAll(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;
}

/** The full-text side alone: `select <key> as k from …` of the postings matching the expression. */
function indexKeys(dialect: Dialect, expression: string): RawBuilder<unknown> {
  return dialect === 'sqlite'
    ? sql`select rowid as k from job_posting_fts where job_posting_fts match ${expression}`
    : sql`select sort_key as k from job_posting_search where document @@ to_tsquery('simple', ${expression})`;
}

/** `select … as k` of every matching posting, filters included. */
function matchingKeys(dialect: Dialect, plan: Plan): RawBuilder<unknown> {
  if (plan.expression === null)
    return sql`select s.sort_key as k from job_posting_search s ${whereAll([
      sql`s.valid_until >= ${plan.filter.today}`,
      ...columnConditions(plan.rest),
    ])}`;
  const rest = columnConditions(plan.rest);
  if (rest.length === 0) return indexKeys(dialect, plan.expression);
  return sql`select s.sort_key as k from job_posting_search s ${whereAll([
    sql`s.sort_key in (${indexKeys(dialect, plan.expression)})`,
    ...rest,
  ])}`;
}

/** PostgreSQL: the condition on job_posting_search (alias s) of every matching posting. */
function pgMatchCondition(plan: Plan): RawBuilder<unknown> {
  const rest = columnConditions(plan.rest);
  const conditions =
    plan.expression === null
      ? [sql`s.valid_until >= ${plan.filter.today}`, ...rest]
      : [sql`s.document @@ to_tsquery('simple', ${plan.expression})`, ...rest];
  return sql.join(conditions, sql` and `);
}

export async function countMatches(db: Db, dialect: Dialect, filter: SearchFilter): Promise<number> {
  const keys = matchingKeys(dialect, planOf(dialect, filter));
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from (${keys}) m`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

interface PageOrder {
  sort: SearchSort;
  weights: Record<SearchField, number>;
  limit: number;
  offset: number;
}

type Match = { id: number; score: number };

function matchesOf(rows: { k: number | string; score?: number | string | null }[]): Match[] {
  return rows.map((r) => ({ id: postingIdOf(Number(r.k)), score: Number(r.score ?? 0) }));
}

/**
 * Up to `fewMatches` matches a page is taken by ordering them all. Above it, a page may instead be
 * taken by walking an index in the page's order (pay, or a word's best postings) and checking each
 * row, stopping at the page's end: worth it when the walk is expected to be shorter than the
 * matches — about (offset + limit) × indexed postings ÷ matches rows. `alwaysWalk` is for tests.
 * On PostgreSQL a page by pay or date walks at most `pgWalkRows` rows (pgOrderedPage).
 */
export const matchTuning = { fewMatches: 1000, alwaysWalk: false, pgWalkRows: 2000 };

const indexSizes = new WeakMap<object, { at: number; n: number }>();

/** How many postings the index holds (remembered for a minute per database handle). */
async function indexSize(db: Db): Promise<number> {
  const kept = indexSizes.get(db);
  if (kept && Date.now() - kept.at < 60_000) return kept.n;
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from job_posting_search`.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  indexSizes.set(db, { at: Date.now(), n });
  return n;
}

async function walkPays(db: Db, total: number, order: PageOrder): Promise<boolean> {
  if (total <= matchTuning.fewMatches) return false;
  if (matchTuning.alwaysWalk) return true;
  const need = order.offset + order.limit;
  return need * (await indexSize(db)) <= total * total;
}

/** One page of matching posting ids with their scores, in the chosen order (`total`: countMatches). */
export async function pageOfMatches(
  db: Db,
  dialect: Dialect,
  filter: SearchFilter,
  order: PageOrder,
  total: number,
): Promise<Match[]> {
  if (order.offset >= total) return [];
  const plan = planOf(dialect, filter);
  const keys = matchingKeys(dialect, plan);
  const page = sql`limit ${order.limit} offset ${order.offset}`;
  if (order.sort === 'salary') {
    const byPay = sql`order by s.salary_max desc, s.salary_min desc, s.sort_key desc ${page}`;
    if (dialect === 'sqlite') {
      // `+ 0` when walking: the matches are a set to probe while the pay index is walked from the top.
      const query = (await walkPays(db, total, order))
        ? sql<{
            k: number;
          }>`select s.sort_key as k from job_posting_search s where s.sort_key + 0 in (${keys}) ${byPay}`
        : sql<{ k: number }>`select s.sort_key as k from job_posting_search s where s.sort_key in (${keys}) ${byPay}`;
      const { rows } = await query.execute(db);
      return matchesOf(rows);
    }
    return pgOrderedPage(db, plan, order, total, 'salary');
  }
  if (order.sort === 'date' || filter.clauses.length === 0) {
    if (dialect === 'postgres') return pgOrderedPage(db, plan, order, total, 'date');
    const { rows } = await sql<{ k: number }>`${keys} order by k desc ${page}`.execute(db);
    return matchesOf(rows);
  }
  const [only] = filter.clauses;
  // One word: its best postings straight from its term rows, the filters checked on each row's
  // columns as the walk goes.
  if (filter.clauses.length === 1 && only && only.parts.length === 0 && (await walkPays(db, total, order)))
    return oneWordPage(db, plan.filtered ? columnConditions(filter) : [], keys, only.term, order);
  return scoredPage(db, keys, filter.clauses, order);
}

/**
 * One word with many matches: its postings with the word in a short field, best weight and newest
 * first, straight from job_posting_terms, each checked against the filters on its row's columns,
 * the walk stopping at the page's end; after them, the postings holding it only in their
 * description, newest first.
 */
async function oneWordPage(
  db: Db,
  filters: RawBuilder<unknown>[],
  keys: RawBuilder<unknown>,
  term: string,
  order: PageOrder,
): Promise<Match[]> {
  const from =
    filters.length === 0
      ? sql`from job_posting_terms t where t.term = ${term}`
      : sql`from job_posting_terms t cross join job_posting_search s
          where t.term = ${term} and s.sort_key = t.sort_key and ${sql.join(filters, sql` and `)}`;
  const { rows } = await sql<{ k: number; score: number }>`select t.sort_key as k, t.weight as score ${from}
    order by t.weight desc, t.sort_key desc limit ${order.limit} offset ${order.offset}`.execute(db);
  const found = matchesOf(rows);
  if (found.length === order.limit) return found;
  const { rows: counted } = await sql<{ n: number | string }>`select count(*) as n ${from}`.execute(db);
  const inShortFields = Number(counted[0]?.n ?? 0);
  const { rows: bodyOnly } = await sql<{ k: number }>`select m.k from (${keys}) m
    where m.k not in (select sort_key from job_posting_terms where term = ${term})
    order by m.k desc limit ${order.limit - found.length} offset ${Math.max(0, order.offset - inShortFields)}`.execute(
    db,
  );
  return [...found, ...bodyOnly.map((r) => ({ id: postingIdOf(Number(r.k)), score: order.weights.body }))];
}

/**
 * PostgreSQL, a page by pay or by date. When matches are common, the first `pgWalkRows` rows of
 * the pay index (or of `sort_key`) are read with each one's document checked: if the page is among
 * them it is exact (the walk is in the page's order). Otherwise — few matches, or a word found
 * mostly in low-paid postings, or two words seldom together — the matches are read once (GIN
 * bitmap) and sorted. (Left to itself, the planner walks for such words through most of the index.)
 */
async function pgOrderedPage(
  db: Db,
  plan: Plan,
  order: PageOrder,
  total: number,
  by: 'salary' | 'date',
): Promise<Match[]> {
  const need = order.offset + order.limit;
  const cap = matchTuning.pgWalkRows;
  const orderBy =
    by === 'salary'
      ? sql`order by s.salary_max desc, s.salary_min desc, s.sort_key desc`
      : sql`order by s.sort_key desc`;
  const page = sql`limit ${order.limit} offset ${order.offset}`;
  if (need * (await indexSize(db)) <= (total * cap) / 4) {
    // No outer order: the rows stream in the walk's order, so the check stops at the page's end.
    const { rows } = await sql<{ k: number }>`select s.k from (
        select s.sort_key as k, (${pgMatchCondition(plan)}) as hit
        from job_posting_search s ${orderBy} limit ${cap}) s
      where s.hit ${page}`.execute(db);
    if (rows.length === Math.min(order.limit, total - order.offset)) return matchesOf(rows);
  }
  const { rows } = await sql<{ k: number }>`with m as materialized (
      select s.sort_key, s.salary_max, s.salary_min from job_posting_search s where ${pgMatchCondition(plan)})
    select s.sort_key as k from m s ${orderBy} ${page}`.execute(db);
  return matchesOf(rows);
}

/** The SQL weight of a field mask (search-rows.ts weightOfMask). */
function weightOf(mask: RawBuilder<number>, weights: Record<SearchField, number>): RawBuilder<number> {
  const fields = Object.entries(FIELD_BITS) as [keyof typeof FIELD_BITS, number][];
  return sql<number>`(${sql.join(
    fields.map(
      ([field, bit]) => sql`case when (${mask} & ${sql.lit(bit)}) <> 0 then ${sql.lit(weights[field])} else 0 end`,
    ),
    sql` + `,
  )})`;
}

/**
 * Several words (or a word the index may hold split, or filters on columns): every match scored
 * by index look-ups into job_posting_terms — per word, the fields holding it or all of its parts.
 */
async function scoredPage(db: Db, keys: RawBuilder<unknown>, clauses: QueryClause[], order: PageOrder) {
  const needles = [...new Set(clauses.flatMap((c) => [c.term, ...c.parts]))];
  const alias = (term: string) => sql.raw(`t${needles.indexOf(term)}`);
  const maskOf = (term: string) => sql<number>`coalesce(${alias(term)}.fields, 0)`;
  const scores = clauses.map((c) => {
    const mask =
      c.parts.length === 0
        ? maskOf(c.term)
        : sql<number>`(${maskOf(c.term)} | (${sql.join(
            c.parts.map((p) => maskOf(p)),
            sql` & `,
          )}))`;
    return sql`coalesce(nullif(${weightOf(mask, order.weights)}, 0), ${sql.lit(order.weights.body)})`;
  });
  const joins = needles.map(
    (term) =>
      sql`left join job_posting_terms ${alias(term)} on ${alias(term)}.term = ${term} and ${alias(term)}.sort_key = m.k`,
  );
  const { rows } = await sql<{ k: number; score: number }>`select m.k as k, (${sql.join(scores, sql` + `)}) as score
    from (${keys}) m ${sql.join(joins, sql` `)}
    order by score desc, k desc limit ${order.limit} offset ${order.offset}`.execute(db);
  return matchesOf(rows);
}
