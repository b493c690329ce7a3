import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/** SQL of the assessment: weight versions, computed assessments, and the governance figures per region. */

export function listWeightVersionRows(db: Db) {
  return db
    .selectFrom('assessment_weight_versions as w')
    .leftJoin('users as u', 'u.id', 'w.created_by')
    .select(['w.id', 'w.version', 'w.indicators', 'w.note', 'w.created_at', 'u.display_name as created_by_name'])
    .orderBy('w.version', 'desc')
    .execute();
}
export type WeightVersionRow = Awaited<ReturnType<typeof listWeightVersionRows>>[number];

export async function insertWeightVersion(
  db: Db,
  row: { version: number; indicators: string; note: string | null; created_at: string; created_by: number | null },
): Promise<number> {
  const inserted = await db
    .insertInto('assessment_weight_versions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export function listAssessmentRows(db: Db) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('assessment_weight_versions as w', 'w.id', 'a.weights_version_id')
    .leftJoin('users as u', 'u.id', 'a.computed_by')
    .select([
      'a.id',
      'a.year',
      'a.weights_version_id',
      'w.version as weights_version',
      'w.indicators',
      'a.results',
      'a.computed_at',
      'u.display_name as computed_by_name',
    ])
    .orderBy('a.id', 'desc')
    .execute();
}
export type AssessmentRow = Awaited<ReturnType<typeof listAssessmentRows>>[number];

export async function insertAssessment(
  db: Db,
  row: { year: number; weights_version_id: number; results: string; computed_at: string; computed_by: number },
): Promise<number> {
  const inserted = await db.insertInto('assessments').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Average rating and number of rated requests per request region, rated in the year. */
export function ratingsByRegion(db: Db, year: number) {
  return db
    .selectFrom('governance_requests')
    .select([
      'region_code',
      (eb) => eb.fn.count<number>('rating').as('rated'),
      (eb) => eb.fn.sum<number>('rating').as('rating_sum'),
    ])
    .where('rating', 'is not', null)
    .where(sql<string>`substr(rated_at, 1, 4)`, '=', String(year))
    .groupBy('region_code')
    .execute();
}

/** The filing state of each region's plans: whether one was approved, and whether the first approved was late. */
export function approvedPlansByRegion(db: Db) {
  return db
    .selectFrom('implementation_plans')
    .select(['region_code', (eb) => eb.fn.min('is_late').as('best_is_late')])
    .where('state', '=', 'approved')
    .groupBy('region_code')
    .execute();
}

/** Returns per unit of the rounds opened in the year, with how many were on time, and the number of rounds. */
export async function dispatchReturnsOfYear(db: Db, year: number) {
  const rounds = await db
    .selectFrom('dispatch_rounds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<string>`substr(opened_at, 1, 4)`, '=', String(year))
    .executeTakeFirstOrThrow();
  const returns = await db
    .selectFrom('dispatch_returns as r')
    .innerJoin('dispatch_rounds as d', 'd.id', 'r.round_id')
    .select(['r.region_code', sql<number>`sum(case when r.is_late = 0 then 1 else 0 end)`.as('on_time')])
    .where(sql<string>`substr(d.opened_at, 1, 4)`, '=', String(year))
    .groupBy('r.region_code')
    .execute();
  return { rounds: Number(rounds.n), returns };
}
