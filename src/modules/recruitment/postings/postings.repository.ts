import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { JobPostingTable, PostingStatus } from './postings.table.ts';

export type PostingScope =
  { kind: 'province' } | { kind: 'region'; regionCode: string } | { kind: 'own_enterprise'; uscc: string };

const COLUMNS = [
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
  'p.flag_count',
  'p.review_comment',
  'p.submitted_at',
  'p.reviewed_at',
  'p.first_published_at',
  'p.created_at',
  'p.updated_at',
] as const;

function scoped(db: Db, scope: PostingScope) {
  let q = db
    .selectFrom('job_postings as p')
    .leftJoin('enterprises as e', 'e.uscc', 'p.uscc')
    .leftJoin('occupations as o', 'o.code', 'p.occupation_code')
    .leftJoin('regions as r', 'r.code', 'p.region_code');
  if (scope.kind === 'own_enterprise') q = q.where('p.uscc', '=', scope.uscc);
  if (scope.kind === 'region')
    q = q.where((eb) => eb.or([eb('p.city_code', '=', scope.regionCode), eb('p.region_code', '=', scope.regionCode)]));
  return q;
}

export async function insertPosting(db: Db, row: Insertable<JobPostingTable>): Promise<number> {
  const inserted = await db.insertInto('job_postings').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updatePostingRow(db: Db, id: number, row: Updateable<JobPostingTable>): Promise<void> {
  await db.updateTable('job_postings').set(row).where('id', '=', id).execute();
}

export async function findPosting(db: Db, id: number, scope: PostingScope) {
  return scoped(db, scope)
    .select(COLUMNS)
    .select(['e.name as enterprise_name', 'e.tier', 'o.name as occupation_name', 'r.name as region_name'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export type PostingRow = NonNullable<Awaited<ReturnType<typeof findPosting>>>;

export async function listPostings(
  db: Db,
  scope: PostingScope,
  filter: { status?: PostingStatus; limit: number; offset: number },
): Promise<{ rows: PostingRow[]; total: number }> {
  let q = scoped(db, scope);
  if (filter.status) q = q.where('p.status', '=', filter.status);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(COLUMNS)
    .select(['e.name as enterprise_name', 'e.tier', 'o.name as occupation_name', 'r.name as region_name'])
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Postings first published in [from, to) (ISO timestamps), optionally in one city or county. */
export async function countFirstPublished(db: Db, from: string, to: string, regionCode?: string): Promise<number> {
  let q = db.selectFrom('job_postings').where('first_published_at', '>=', from).where('first_published_at', '<', to);
  if (regionCode && regionCode !== '320000')
    q = q.where((eb) => eb.or([eb('city_code', '=', regionCode), eb('region_code', '=', regionCode)]));
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOccupation(db: Db, code: string) {
  return db.selectFrom('occupations').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}

export async function findRegion(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'city_code', 'kind'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findEnterpriseOf(db: Db, uscc: string) {
  return db.selectFrom('enterprises').select(['uscc', 'name', 'city_code']).where('uscc', '=', uscc).executeTakeFirst();
}

/** An imported posting by its id on 就在江苏 / 苏心聘. */
export async function findPostingBySourceKey(db: Db, sourceKey: string) {
  return db.selectFrom('job_postings').selectAll().where('source_key', '=', sourceKey).executeTakeFirst();
}
