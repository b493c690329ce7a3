import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ImplementationPlanTable, PlanState } from './governance.table.ts';

/** SQL of the cities' 实施方案 and their versions. */

const COLUMNS = [
  'p.id',
  'p.region_code',
  'r.name as region_name',
  'p.version',
  'p.title',
  'p.state',
  'p.file_name',
  'p.file_type',
  'p.size_bytes',
  'p.key_enterprises',
  'p.commissioners',
  'p.milestones',
  'p.deadline',
  'p.is_late',
  'p.submitted_at',
  'u.display_name as submitted_by_name',
  'p.review_comment',
  'p.reviewed_at',
  'v.display_name as reviewed_by_name',
] as const;

function base(db: Db) {
  return db
    .selectFrom('implementation_plans as p')
    .leftJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('users as u', 'u.id', 'p.submitted_by')
    .leftJoin('users as v', 'v.id', 'p.reviewed_by');
}

/** Every version of the plans of some regions (or all), newest first per region. */
export function listPlanRows(db: Db, regionCodes: readonly string[] | 'all') {
  let query = base(db).select(COLUMNS);
  if (regionCodes !== 'all')
    query = query.where('p.region_code', 'in', regionCodes.length > 0 ? [...regionCodes] : ['']);
  return query.orderBy('p.region_code').orderBy('p.version', 'desc').execute();
}

export type PlanRow = Awaited<ReturnType<typeof listPlanRows>>[number];

export function findPlanRow(db: Db, id: number): Promise<PlanRow | undefined> {
  return base(db).select(COLUMNS).where('p.id', '=', id).executeTakeFirst();
}

export function findPlanContent(db: Db, id: number) {
  return db
    .selectFrom('implementation_plans')
    .select(['id', 'region_code', 'file_name', 'file_type', 'sha256', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function nextPlanVersion(db: Db, regionCode: string): Promise<number> {
  const row = await db
    .selectFrom('implementation_plans')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertPlan(db: Db, row: Insertable<ImplementationPlanTable>): Promise<number> {
  const inserted = await db.insertInto('implementation_plans').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Records the province's review of a submitted version; answers whether the version was still waiting. */
export async function reviewPlan(
  db: Db,
  id: number,
  review: { state: PlanState; comment: string | null; at: string; by: number },
): Promise<boolean> {
  const result = await db
    .updateTable('implementation_plans')
    .set({ state: review.state, review_comment: review.comment, reviewed_at: review.at, reviewed_by: review.by })
    .where('id', '=', id)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The city's key-enterprise list with commissioners, as it stands when the plan is filed. */
export function findKeyListOf(db: Db, regionCode: string) {
  return db
    .selectFrom('key_enterprises as k')
    .innerJoin('enterprises as e', 'e.uscc', 'k.uscc')
    .leftJoin('users as u', 'u.id', 'k.commissioner_id')
    .select(['k.uscc', 'e.name', 'k.commissioner_id', 'u.display_name as commissioner_name'])
    .where('k.region_code', '=', regionCode)
    .orderBy('k.uscc')
    .execute();
}

/** Writes a plan version's milestones (with the completion dates its city reported) if they are still as read. */
export async function updateMilestones(db: Db, id: number, before: string, after: string): Promise<boolean> {
  const result = await db
    .updateTable('implementation_plans')
    .set({ milestones: after })
    .where('id', '=', id)
    .where('milestones', '=', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Each unit's latest approved plan version with its milestones (and their reported dates): the assessment's figure. */
export async function latestApprovedPlans(db: Db) {
  const approved = await db
    .selectFrom('implementation_plans')
    .select(['id', 'region_code', 'version', 'milestones'])
    .where('state', '=', 'approved')
    .orderBy('region_code')
    .orderBy('version', 'desc')
    .execute();
  return approved
    .filter((p, n) => n === 0 || approved[n - 1]!.region_code !== p.region_code)
    .map((p) => ({
      region_code: p.region_code,
      milestones: JSON.parse(p.milestones) as { date: string; task: string; doneOn?: string }[],
    }));
}
