import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/**
 * Employment alerts detected set-wise from the pre-aggregates. Each insert is keyed by
 * (enterprise, kind, period) and skips keys already present, so running detection again —
 * after every import — never duplicates an alert nor reopens one an official has closed.
 */

const PREVIOUS = sql`(case when s.period % 100 = 1 then s.period - 89 else s.period - 1 end)`;

/**
 * 规模性减员 in month m: a monitored enterprise whose separations in m (natural attrition left
 * out) reach the people threshold, or the percentage of its insured in m − 1.
 */
export async function insertMassLayoffAlerts(
  db: Db,
  thresholds: { people: number; percent: number },
  now: string,
): Promise<number> {
  const result = await sql`
    insert into monitoring_alerts (uscc, kind, period, city_code, region_code, metric, base, status, detected_at, updated_at)
    select s.uscc, 'mass_layoff', s.period, s.city_code, s.region_code, s.layoff_separations, p.insured, 'open', cast(${now} as text), cast(${now} as text)
    from enterprise_month_stats s
    join enterprise_month_stats p on p.uscc = s.uscc and p.period = ${PREVIOUS}
    where s.is_monitored = 1 and p.insured > 0 and s.layoff_separations > 0
      and (s.layoff_separations >= ${sql.lit(thresholds.people)} or s.layoff_separations * 100 >= ${sql.lit(thresholds.percent)} * p.insured)
    on conflict (uscc, kind, period) do nothing`.execute(db);
  return toNumber(result.numAffectedRows ?? 0);
}

/**
 * Recognition expiring: the enterprise's latest recognition ends between today and today +
 * the warning window (both days included); the alert's period is the expiry month.
 */
export async function insertExpiryAlerts(db: Db, today: string, lastWarnedDay: string, now: string): Promise<number> {
  const result = await sql`
    insert into monitoring_alerts (uscc, kind, period, city_code, region_code, metric, base, due_on, status, detected_at, updated_at)
    select e.uscc, 'recognition_expiring', cast(substr(x.valid_until, 1, 4) || substr(x.valid_until, 6, 2) as integer),
           e.city_code, e.region_code, 0, null, x.valid_until, 'open', cast(${now} as text), cast(${now} as text)
    from (
      select uscc, max(valid_until) as valid_until from enterprise_recognitions
      where recognized_on <= cast(${today} as text) group by uscc
    ) x
    join enterprises e on e.uscc = x.uscc
    where x.valid_until >= ${today} and x.valid_until <= ${lastWarnedDay}
    on conflict (uscc, kind, period) do nothing`.execute(db);
  return toNumber(result.numAffectedRows ?? 0);
}

/**
 * Contributions stopped in month m: a monitored enterprise that paid for m − 1 and has no
 * contribution record for m, where m's contribution data has arrived (some enterprise has a
 * record for m or later), so a month not yet loaded never raises an alert.
 */
export async function insertContributionStopAlerts(db: Db, now: string): Promise<number> {
  const result = await sql`
    insert into monitoring_alerts (uscc, kind, period, city_code, region_code, metric, base, status, detected_at, updated_at)
    select s.uscc, 'contributions_stopped', s.period, s.city_code, s.region_code, 0, p.reported_insured, 'open', cast(${now} as text), cast(${now} as text)
    from enterprise_month_stats s
    join enterprise_month_stats p on p.uscc = s.uscc and p.period = ${PREVIOUS}
    where s.is_monitored = 1 and p.has_contributions = 1 and s.has_contributions = 0
      and s.period <= (select max(period) from contributions)
    on conflict (uscc, kind, period) do nothing`.execute(db);
  return toNumber(result.numAffectedRows ?? 0);
}
