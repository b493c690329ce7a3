import type { Db } from '../../../db/database.ts';

/** Where a page of groups starts: after this (occupation, city, education), in that order. */
export interface DemandGroupKey {
  occupation: string;
  city: string;
  education: string;
}

/**
 * Published postings first published at or after `from` (a UTC timestamp) and still valid on `today`,
 * grouped by occupation, city and education: posts wanted, postings, distinct enterprises. Groups in
 * key order, `limit` of them after `after`.
 */
export async function findDemandGroups(
  db: Db,
  filter: { from: string; today: string; after: DemandGroupKey | null; limit: number },
) {
  let q = db
    .selectFrom('job_postings as p')
    .leftJoin('occupations as o', 'o.code', 'p.occupation_code')
    .leftJoin('regions as c', 'c.code', 'p.city_code')
    .where('p.status', '=', 'published')
    .where('p.first_published_at', '>=', filter.from)
    .where('p.valid_until', '>=', filter.today);
  const after = filter.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('p.occupation_code', '>', after.occupation),
        eb.and([eb('p.occupation_code', '=', after.occupation), eb('p.city_code', '>', after.city)]),
        eb.and([
          eb('p.occupation_code', '=', after.occupation),
          eb('p.city_code', '=', after.city),
          eb('p.education', '>', after.education),
        ]),
      ]),
    );
  return q
    .select((eb) => [
      'p.occupation_code',
      'p.city_code',
      'p.education',
      eb.fn.max('o.name').as('occupation_name'),
      eb.fn.max('c.name').as('city_name'),
      eb.fn.sum<number>('p.posts').as('posts'),
      eb.fn.countAll<number>().as('postings'),
      eb.fn.count<number>('p.uscc').distinct().as('enterprises'),
    ])
    .groupBy(['p.occupation_code', 'p.city_code', 'p.education'])
    .orderBy('p.occupation_code')
    .orderBy('p.city_code')
    .orderBy('p.education')
    .limit(filter.limit)
    .execute();
}
