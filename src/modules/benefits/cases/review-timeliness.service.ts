import type { Db } from '../../../db/database.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { countWaitingPastDeadline, findReviewDecisions } from './review-timeliness.repository.ts';

/**
 * How promptly cases were reviewed in a year, on the 免申即享 clock (reference/benefits/time-limits.json
 * review_workdays, recorded on each case as its review deadline): per region, the reviews ended in the
 * year (approved or rejected, Asia/Shanghai days), how many by their deadline, and the cases still
 * waiting whose deadline in the year has passed (late, not yet reviewed). A return for correction
 * restarts the clock and is not counted.
 */
export interface ReviewTimeliness {
  reviewed: number;
  onTime: number;
  waitingLate: number;
}

/** The instant a Shanghai day begins. */
function startOfShanghaiDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}

export async function reviewTimelinessOfYear(
  db: Db,
  year: number,
  today: string,
): Promise<Map<string, ReviewTimeliness>> {
  const first = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  const byRegion = new Map<string, ReviewTimeliness>();
  const entry = (region: string) => {
    const found = byRegion.get(region) ?? { reviewed: 0, onTime: 0, waitingLate: 0 };
    byRegion.set(region, found);
    return found;
  };
  for (const row of await findReviewDecisions(db, startOfShanghaiDay(first), startOfShanghaiDay(next))) {
    const found = entry(row.region_code);
    found.reviewed += 1;
    if (todayInShanghai(() => new Date(row.at)) <= row.review_deadline!) found.onTime += 1;
  }
  // A deadline passed when today is after it: the waiting cases with a deadline before today (within the year).
  const before = today < next ? today : next;
  if (before > first)
    for (const row of await countWaitingPastDeadline(db, first, before)) entry(row.region_code).waitingLate += row.n;
  return byRegion;
}
