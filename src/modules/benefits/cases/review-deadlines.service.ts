import type { Db } from '../../../db/database.ts';
import { publicityUntilOf, reviewDeadlineOf } from './review-clock.ts';
import {
  findPublicityToRecompute,
  findReviewsToRecompute,
  updatePublicityUntil,
  updateReviewDeadline,
} from './review-deadlines.repository.ts';

/**
 * Recomputes deadlines on the calendar as it now is: open reviews and 公示 whose end was
 * provisional (counted Monday to Friday through a year not yet loaded) or missing, and — when a
 * year has just been loaded or corrected — every one ending in or after that year. A review's
 * limit is the one in force on its start day, so only the calendar moves the dates.
 */
export async function recomputeDeadlines(
  trx: Db,
  fromDate: string | null,
): Promise<{ reviews: number; publicity: number }> {
  let reviews = 0;
  for (const row of await findReviewsToRecompute(trx, fromDate)) {
    const deadline = reviewDeadlineOf(row.review_started_on!);
    if (
      deadline.date === row.review_deadline &&
      Number(row.review_deadline_provisional) === Number(deadline.isProvisional)
    )
      continue;
    await updateReviewDeadline(trx, Number(row.id), deadline.date, deadline.isProvisional);
    reviews += 1;
  }
  let publicity = 0;
  for (const row of await findPublicityToRecompute(trx, fromDate)) {
    const until = publicityUntilOf(row.publicity_from!);
    if (until.date === row.publicity_until && Number(row.publicity_until_provisional) === Number(until.isProvisional))
      continue;
    await updatePublicityUntil(trx, Number(row.id), until.date, until.isProvisional);
    publicity += 1;
  }
  return { reviews, publicity };
}
