import type { Db } from '../../../db/database.ts';

/**
 * The search's SQL besides matching and ranking (search-match.repository.ts): a job fair's
 * postings and the public rows of a page.
 */

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
  const rows = await db
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
      'p.status',
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
    .execute();
  // The status is checked here, not in SQL: a condition on it lets SQLite start from the status
  // index (every published posting) instead of the page's few primary keys.
  return rows.filter((r) => r.status === 'published');
}
export type PublicPostingRow = Awaited<ReturnType<typeof publicPostings>>[number];
