import type { Db } from '../../../db/database.ts';

/** SQL of the deadline recomputation: open reviews and running 公示 whose dates may move. */

/** Confirmed cases whose review deadline is missing, provisional, or on or after a date. */
export function findReviewsToRecompute(db: Db, fromDate: string | null) {
  return db
    .selectFrom('benefit_cases')
    .select(['id', 'review_started_on', 'review_deadline', 'review_deadline_provisional'])
    .where('state', '=', 'confirmed')
    .where('review_started_on', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('review_deadline', 'is', null),
        eb('review_deadline_provisional', '=', 1),
        ...(fromDate ? [eb('review_deadline', '>=', fromDate)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** Approved cases in or before their 公示 whose end is missing, provisional, or on or after a date. */
export function findPublicityToRecompute(db: Db, fromDate: string | null) {
  return db
    .selectFrom('benefit_cases')
    .select(['id', 'publicity_from', 'publicity_until', 'publicity_until_provisional'])
    .where('state', '=', 'approved')
    .where('publicity_from', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('publicity_until', 'is', null),
        eb('publicity_until_provisional', '=', 1),
        ...(fromDate ? [eb('publicity_until', '>=', fromDate)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** Writes a recomputed review deadline. */
export async function updateReviewDeadline(
  db: Db,
  id: number,
  deadline: string,
  isProvisional: boolean,
): Promise<void> {
  await db
    .updateTable('benefit_cases')
    .set({ review_deadline: deadline, review_deadline_provisional: isProvisional ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** Writes a recomputed end of 公示. */
export async function updatePublicityUntil(db: Db, id: number, until: string, isProvisional: boolean): Promise<void> {
  await db
    .updateTable('benefit_cases')
    .set({ publicity_until: until, publicity_until_provisional: isProvisional ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}
