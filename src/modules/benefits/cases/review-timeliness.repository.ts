import type { Db } from '../../../db/database.ts';

/** SQL of the 免申即享 review clock's record: review decisions and reviews still waiting past their deadline. */

/** Approvals and rejections (the end of a review) made between two instants, with the case's review deadline. */
export function findReviewDecisions(db: Db, fromInstant: string, untilInstant: string) {
  return db
    .selectFrom('benefit_case_events as e')
    .innerJoin('benefit_cases as c', 'c.id', 'e.case_id')
    .select(['c.region_code', 'c.review_deadline', 'e.at'])
    .where('e.from_state', '=', 'confirmed')
    .where('e.to_state', 'in', ['approved', 'rejected'])
    .where('e.at', '>=', fromInstant)
    .where('e.at', '<', untilInstant)
    .where('c.review_deadline', 'is not', null)
    .execute();
}

/** Cases still waiting for review whose deadline fell in [from, before), by region. */
export async function countWaitingPastDeadline(db: Db, from: string, before: string) {
  const rows = await db
    .selectFrom('benefit_cases')
    .select(['region_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'confirmed')
    .where('review_deadline', '>=', from)
    .where('review_deadline', '<', before)
    .groupBy('region_code')
    .execute();
  return rows.map((r) => ({ region_code: r.region_code, n: Number(r.n) }));
}
