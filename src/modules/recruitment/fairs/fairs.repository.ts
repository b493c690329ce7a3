import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { JobFairEnterpriseTable, JobFairTable } from './fairs.table.ts';

/** All SQL of 专场招聘会: fairs, their enterprises, counts per city and year. */

export type FairScope = { kind: 'province' } | { kind: 'region'; regionCode: string };

export interface FairFilter {
  from?: string;
  to?: string;
  cityCode?: string;
  q?: string;
}

function scoped(db: Db, scope: FairScope, filter: FairFilter) {
  let q = db.selectFrom('job_fairs as f').leftJoin('regions as r', 'r.code', 'f.region_code');
  if (scope.kind === 'region')
    q = q.where((eb) => eb.or([eb('f.city_code', '=', scope.regionCode), eb('f.region_code', '=', scope.regionCode)]));
  if (filter.from) q = q.where('f.fair_date', '>=', filter.from);
  if (filter.to) q = q.where('f.fair_date', '<=', filter.to);
  if (filter.cityCode) q = q.where('f.city_code', '=', filter.cityCode);
  if (filter.q) q = q.where('f.name', 'like', `%${filter.q.replace(/[%_\\]/g, '')}%`);
  return q;
}

const COLUMNS = [
  'f.id',
  'f.source_key',
  'f.name',
  'f.fair_date',
  'f.mode',
  'f.place',
  'f.organiser',
  'f.region_code',
  'f.city_code',
  'f.registrations',
  'f.attendance',
  'f.intentions',
  'f.created_at',
  'f.updated_at',
  'r.name as region_name',
] as const;

export async function listFairs(db: Db, scope: FairScope, filter: FairFilter & { limit: number; offset: number }) {
  const q = scoped(db, scope, filter);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(COLUMNS)
    .orderBy('f.fair_date', 'desc')
    .orderBy('f.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function findFair(db: Db, id: number, scope: FairScope) {
  return scoped(db, scope, {}).select(COLUMNS).where('f.id', '=', id).executeTakeFirst();
}
export type FairRow = NonNullable<Awaited<ReturnType<typeof findFair>>>;

export async function findFairBySourceKey(db: Db, key: string) {
  return db.selectFrom('job_fairs').selectAll().where('source_key', '=', key).executeTakeFirst();
}

export async function insertFair(db: Db, row: Insertable<JobFairTable>): Promise<number> {
  const inserted = await db.insertInto('job_fairs').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateFairRow(db: Db, id: number, row: Updateable<JobFairTable>): Promise<void> {
  await db.updateTable('job_fairs').set(row).where('id', '=', id).execute();
}

export async function listFairEnterprises(db: Db, fairIds: number[]) {
  if (fairIds.length === 0) return [];
  return db
    .selectFrom('job_fair_enterprises as fe')
    .leftJoin('enterprises as e', 'e.uscc', 'fe.uscc')
    .select(['fe.fair_id', 'fe.uscc', 'fe.posts', 'fe.posting_ids', 'fe.signed_up_by', 'fe.created_at', 'e.name'])
    .where('fe.fair_id', 'in', fairIds)
    .orderBy('fe.created_at')
    .execute();
}

/** Adds an enterprise to a fair or replaces what it brings. */
export async function upsertFairEnterprise(db: Db, row: Insertable<JobFairEnterpriseTable>): Promise<void> {
  await db
    .insertInto('job_fair_enterprises')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['fair_id', 'uscc']).doUpdateSet((eb) => ({
        posts: eb.ref('excluded.posts'),
        posting_ids: eb.ref('excluded.posting_ids'),
      })),
    )
    .execute();
}

export async function deleteFairEnterprises(db: Db, fairId: number, keep: string[]): Promise<void> {
  let q = db.deleteFrom('job_fair_enterprises').where('fair_id', '=', fairId);
  if (keep.length > 0) q = q.where('uscc', 'not in', keep);
  await q.execute();
}

/** Fairs held in [from, to] (dates), in a city or county or the province. */
export async function countFairsHeld(db: Db, from: string, to: string, regionCode?: string): Promise<number> {
  let q = db.selectFrom('job_fairs').where('fair_date', '>=', from).where('fair_date', '<=', to);
  if (regionCode && regionCode !== '320000')
    q = q.where((eb) => eb.or([eb('city_code', '=', regionCode), eb('region_code', '=', regionCode)]));
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Per city, the fairs of [from, to] with their figures and enterprises. */
export async function sumFairsByCity(db: Db, scope: FairScope, from: string, to: string) {
  const fairs = await scoped(db, scope, { from, to })
    .select([
      'f.city_code',
      (eb) => eb.fn.countAll<number>().as('fairs'),
      (eb) => eb.fn.sum<number>(eb.case().when('f.mode', '=', 'online').then(1).else(0).end()).as('online'),
      (eb) => eb.fn.sum<number>('f.registrations').as('registrations'),
      (eb) => eb.fn.sum<number>('f.attendance').as('attendance'),
      (eb) => eb.fn.sum<number>('f.intentions').as('intentions'),
    ])
    .groupBy('f.city_code')
    .execute();
  const enterprises = await scoped(db, scope, { from, to })
    .innerJoin('job_fair_enterprises as fe', 'fe.fair_id', 'f.id')
    .select([
      'f.city_code',
      (eb) => eb.fn.countAll<number>().as('enterprises'),
      (eb) => eb.fn.sum<number>('fe.posts').as('posts'),
    ])
    .groupBy('f.city_code')
    .execute();
  return { fairs, enterprises };
}

export async function findRegion(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'city_code'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function listCities(db: Db) {
  return db.selectFrom('regions').select(['code', 'name']).where('level', '=', 'city').orderBy('code').execute();
}

export async function findEnterprises(db: Db, usccs: string[]) {
  if (usccs.length === 0) return [];
  return db.selectFrom('enterprises').select(['uscc', 'name']).where('uscc', 'in', usccs).execute();
}

/** The enterprise's published postings among these ids, with their posts. */
export async function findOwnPublishedPostings(db: Db, uscc: string, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('job_postings')
    .select(['id', 'posts'])
    .where('uscc', '=', uscc)
    .where('status', '=', 'published')
    .where('id', 'in', ids)
    .execute();
}
