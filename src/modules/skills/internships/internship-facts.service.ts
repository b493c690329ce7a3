import type { Db } from '../../../db/database.ts';
import { toDayNumber } from '../../../platform/iso-date.ts';
import { findFinishedTrainees } from './internships.repository.ts';
import { minWageClassOf, servedMonths } from './internship-months.ts';

/** One month an internship actually served, with the facts 就业见习补贴 reads. */
export interface TraineeMonth {
  personId: number;
  uscc: string;
  region: string;
  period: string;
  startDate: string;
  monthFrom: string;
  monthTo: string;
  facts: Record<string, number | string | undefined>;
}

/**
 * The months served inside [fromDate, toDate] (by the month's first day) by internships that have
 * ended, each with: graduation date (the graduates registry), unemployed at the start (an open
 * unemployment registration; missing otherwise — a roster covers only register enterprises), the
 * months served, the month's number, the base's minimum-wage class (reference/wages), whether the
 * trainee was retained and the base's retention rate among its completed trainees.
 */
export async function loadTraineeMonths(
  db: Db,
  fromDate: string,
  toDate: string,
  uscc?: string,
): Promise<TraineeMonth[]> {
  const trainees = await findFinishedTrainees(db, uscc);
  const byBase = new Map<string, { completed: number; retained: number }>();
  for (const t of trainees) {
    const tally = byBase.get(t.uscc) ?? { completed: 0, retained: 0 };
    tally.completed += t.is_completed;
    tally.retained += t.is_completed === 1 ? t.is_retained : 0;
    byBase.set(t.uscc, tally);
  }
  const months: TraineeMonth[] = [];
  for (const t of trainees) {
    const served = servedMonths(t.start_date, t.end_date);
    const base = byBase.get(t.uscc)!;
    for (const month of served) {
      if (month.from < fromDate || month.from > toDate) continue;
      months.push({
        personId: t.person_id,
        uscc: t.uscc,
        region: t.region_code,
        period: month.period,
        startDate: t.start_date,
        monthFrom: month.from,
        monthTo: month.to,
        facts: {
          graduation_date: t.graduated_on === null ? undefined : toDayNumber(t.graduated_on),
          internship_start_date: toDayNumber(t.start_date),
          is_unemployed_at_start: t.is_unemployed_at_start ? 1 : undefined,
          internship_months: served.length,
          internship_month_no: month.number,
          min_wage_class: minWageClassOf(t.region_code),
          is_retained: t.is_retained,
          unit_retention_rate: base.completed > 0 ? base.retained / base.completed : undefined,
        },
      });
    }
  }
  return months;
}
