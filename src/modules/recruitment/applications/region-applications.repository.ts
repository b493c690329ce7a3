import type { Db } from '../../../db/database.ts';
import type { ApplicationStatus } from './applications.table.ts';

/** SQL of the officials' view of applications: postings of a region (city or directly-run county). */

/** A city official's region (the posting's city or county), or the whole province with an optional city. */
export type RegionScope = { kind: 'province'; cityCode?: string } | { kind: 'region'; regionCode: string };

export type ApplicationGrouping = 'posting' | 'enterprise' | 'county';

function inRegion(db: Db, scope: RegionScope) {
  let q = db
    .selectFrom('job_applications as a')
    .innerJoin('job_postings as p', 'p.id', 'a.posting_id')
    .leftJoin('enterprises as e', 'e.uscc', 'a.uscc')
    .leftJoin('regions as r', 'r.code', 'p.region_code');
  const code = scope.kind === 'region' ? scope.regionCode : scope.cityCode;
  if (code) q = q.where((eb) => eb.or([eb('p.city_code', '=', code), eb('p.region_code', '=', code)]));
  return q;
}

/** Applications per state, grouped by posting, enterprise or county of the posting. */
export async function countApplicationsBy(db: Db, scope: RegionScope, grouping: ApplicationGrouping) {
  const base = inRegion(db, scope);
  if (grouping === 'posting')
    return base
      .select(['a.posting_id as key', 'p.title as name', 'e.name as parent', 'a.status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['a.posting_id', 'p.title', 'e.name', 'a.status'])
      .orderBy('a.posting_id')
      .execute();
  if (grouping === 'enterprise')
    return base
      .select(['a.uscc as key', 'e.name as name', 'a.status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['a.uscc', 'e.name', 'a.status'])
      .orderBy('a.uscc')
      .execute();
  return base
    .select(['p.region_code as key', 'r.name as name', 'a.status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['p.region_code', 'r.name', 'a.status'])
    .orderBy('p.region_code')
    .execute();
}

export interface RegionApplicationFilter {
  status?: ApplicationStatus | undefined;
  postingId?: number | undefined;
  uscc?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of the region's applications, newest first, with the posting, enterprise and county. */
export async function listRegionApplications(db: Db, scope: RegionScope, filter: RegionApplicationFilter) {
  let q = inRegion(db, scope);
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.postingId) q = q.where('a.posting_id', '=', filter.postingId);
  if (filter.uscc) q = q.where('a.uscc', '=', filter.uscc);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'a.id',
      'a.posting_id',
      'a.seeker_id',
      'a.uscc',
      'a.status',
      'a.created_at',
      'a.updated_at',
      'p.title as posting_title',
      'p.region_code',
      'r.name as region_name',
      'e.name as enterprise_name',
    ])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total.n) };
}
