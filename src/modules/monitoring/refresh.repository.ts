import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';

/**
 * The set-wise SQL that rebuilds the pre-aggregates (identical on SQLite ≥ 3.33 and
 * PostgreSQL: INSERT … SELECT, UPDATE … FROM, window sums). Every statement handles all
 * enterprises at once; none loops over rows in JavaScript. Periods are validated integers
 * written as literals, so PostgreSQL never has to guess a parameter's type.
 */

/** The month after a YYYYMM column, in SQL (202312 → 202401). */
function nextPeriod(column: string): RawBuilder<number> {
  const ref = sql.ref(column);
  return sql<number>`(case when ${ref} % 100 = 12 then ${ref} + 89 else ${ref} + 1 end)`;
}

/** `column in (…)` for a subset of months, or true when every month is rebuilt. */
function inPeriods(column: string, periods: readonly number[] | undefined): RawBuilder<boolean> {
  if (!periods) return sql<boolean>`1 = 1`;
  return sql<boolean>`${sql.ref(column)} in (${sql.join(periods.map((p) => sql.lit(p)))})`;
}

export interface DataExtent {
  from: number | null;
  through: number | null;
}

/** The first and last month of any roster, contribution or spell on file. */
export async function findDataExtent(db: Db): Promise<DataExtent> {
  const row = await sql<{ f1: unknown; f2: unknown; f3: unknown; t1: unknown; t2: unknown; t3: unknown }>`
    select (select min(period) from roster_periods) as f1, (select min(period) from contributions) as f2,
           (select min(first_period) from employment_spells) as f3,
           (select max(period) from roster_periods) as t1, (select max(period) from contributions) as t2,
           (select max(last_period) from employment_spells) as t3`.execute(db);
  const r = row.rows[0]!;
  const present = (values: unknown[]) => values.filter((v) => v !== null && v !== undefined).map((v) => toNumber(v as number));
  const froms = present([r.f1, r.f2, r.f3]);
  const throughs = present([r.t1, r.t2, r.t3]);
  return { from: froms.length ? Math.min(...froms) : null, through: throughs.length ? Math.max(...throughs) : null };
}

/** The months the stored aggregates cover. */
export async function findStoredMonths(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('monitoring_months').select('period').orderBy('period').execute();
  return rows.map((r) => toNumber(r.period));
}

/** Replaces the calendar of the aggregates. */
export async function replaceMonths(db: Db, months: readonly { period: number; monthIndex: number; monthEnd: string }[]): Promise<void> {
  await db.deleteFrom('monitoring_months').execute();
  for (let i = 0; i < months.length; i += 200) {
    const part = months.slice(i, i + 200).map((m) => ({ period: m.period, month_index: m.monthIndex, month_end: m.monthEnd }));
    await db.insertInto('monitoring_months').values(part).execute();
  }
}

/** Deletes the enterprise-month rows (and their separations) about to be rebuilt. */
export async function clearEnterpriseMonths(db: Db, periods: readonly number[] | undefined): Promise<void> {
  await sql`delete from enterprise_month_separations where ${inPeriods('period', periods)}`.execute(db);
  await sql`delete from enterprise_month_stats where ${inPeriods('period', periods)}`.execute(db);
}

/** One row per register enterprise and month, with where it is and what it does. */
export async function insertEnterpriseMonthGrid(db: Db, periods: readonly number[] | undefined): Promise<number> {
  const result = await sql`
    insert into enterprise_month_stats (uscc, period, city_code, region_code, unit_code, industry_code, industry_section, is_manufacturing)
    select e.uscc, m.period, e.city_code, e.region_code,
           case when r.is_directly_administered = 1 then e.region_code else e.city_code end,
           e.industry_code, i.section, coalesce(i.is_manufacturing, 0)
    from enterprises e
    cross join monitoring_months m
    left join regions r on r.code = e.region_code
    left join industries i on i.code = e.industry_code
    where ${inPeriods('m.period', periods)}`.execute(db);
  return toNumber(result.numAffectedRows ?? 0);
}

/** Monitored = a recognition valid on the month's last day; the tier is the highest one held then. */
export async function markMonitoredMonths(db: Db, periods: readonly number[] | undefined): Promise<void> {
  await sql`
    update enterprise_month_stats as s
    set is_monitored = 1,
        tier = case x.tier_rank when 3 then 'little_giant' when 2 then 'srdi' else 'innovative' end
    from (
      select r.uscc, m.period,
             max(case r.tier when 'little_giant' then 3 when 'srdi' then 2 else 1 end) as tier_rank
      from enterprise_recognitions r
      join monitoring_months m on r.recognized_on <= m.month_end and r.valid_until >= m.month_end
      where ${inPeriods('m.period', periods)}
      group by r.uscc, m.period
    ) x
    where s.uscc = x.uscc and s.period = x.period`.execute(db);
}

/** Which months each enterprise reported a roster for, and its contribution totals. */
export async function fillRostersAndContributions(db: Db, periods: readonly number[] | undefined): Promise<void> {
  await sql`
    update enterprise_month_stats as s set has_roster = 1
    from roster_periods rp
    where rp.uscc = s.uscc and rp.period = s.period and ${inPeriods('rp.period', periods)}`.execute(db);
  await sql`
    update enterprise_month_stats as s
    set has_contributions = 1,
        contributions_fen = c.pension_fen + c.unemployment_unit_fen + c.unemployment_personal_fen + c.injury_fen,
        reported_insured = c.insured
    from contributions c
    where c.uscc = s.uscc and c.period = s.period and ${inPeriods('c.period', periods)}`.execute(db);
}

/**
 * Separations by reason, counted in the month after a spell's last insured month, when the
 * spell is known to have ended: it carries a leave reason, or that month's roster is on file
 * without the person. The row must exist, which also keeps the month inside the data.
 */
export async function insertSeparations(db: Db, periods: readonly number[] | undefined, naturalReasons: readonly string[]): Promise<void> {
  const next = nextPeriod('sp.last_period');
  await sql`
    insert into enterprise_month_separations (uscc, period, reason, separations, is_monitored, city_code, region_code, unit_code,
                                              industry_code, industry_section, is_manufacturing, tier)
    select s.uscc, s.period, x.reason, x.n, s.is_monitored, s.city_code, s.region_code, s.unit_code,
           s.industry_code, s.industry_section, s.is_manufacturing, s.tier
    from (
      select sp.uscc, ${next} as period, coalesce(sp.leave_reason, 'unspecified') as reason, count(*) as n
      from employment_spells sp
      join enterprise_month_stats s on s.uscc = sp.uscc and s.period = ${next}
      where (sp.leave_reason is not null or s.has_roster = 1) and ${inPeriods('s.period', periods)}
      group by sp.uscc, ${next}, coalesce(sp.leave_reason, 'unspecified')
    ) x
    join enterprise_month_stats s on s.uscc = x.uscc and s.period = x.period`.execute(db);
  const natural = naturalReasons.length ? sql.join(naturalReasons.map((r) => sql.lit(r))) : sql.lit('-');
  await sql`
    update enterprise_month_stats as s
    set separations = x.total, layoff_separations = x.layoff
    from (
      select uscc, period, sum(separations) as total,
             sum(case when reason in (${natural}) then 0 else separations end) as layoff
      from enterprise_month_separations
      where ${inPeriods('period', periods)}
      group by uscc, period
    ) x
    where s.uscc = x.uscc and s.period = x.period`.execute(db);
}

/**
 * Hires and the insured count. A spell's start is a hire unless it begins in the enterprise's
 * first roster month on file (the opening stock: the data cannot say when those spells began).
 * The insured count is a running sum of starts minus leaves, so the work grows with spells,
 * not with months × people; spells begun before the first month start counting at it.
 */
export async function fillHiresAndInsured(db: Db, rangeFrom: number, periods: readonly number[] | undefined): Promise<void> {
  const from = sql.lit(rangeFrom);
  const start = sql<number>`(case when sp.first_period < ${from} then ${from} else sp.first_period end)`;
  await sql`
    update enterprise_month_stats as s set insured_delta = x.starts, hires = x.hires
    from (
      select sp.uscc, ${start} as period, count(*) as starts,
             sum(case when sp.first_period >= ${from} and sp.first_period > f.first_period then 1 else 0 end) as hires
      from employment_spells sp
      join (select uscc, min(first_period) as first_period from employment_spells group by uscc) f on f.uscc = sp.uscc
      where sp.last_period >= ${from}
      group by sp.uscc, ${start}
    ) x
    where s.uscc = x.uscc and s.period = x.period and ${inPeriods('s.period', periods)}`.execute(db);
  const next = nextPeriod('last_period');
  await sql`
    update enterprise_month_stats as s set insured_delta = s.insured_delta - x.leaves
    from (
      select uscc, ${next} as period, count(*) as leaves
      from employment_spells where last_period >= ${from}
      group by uscc, ${next}
    ) x
    where s.uscc = x.uscc and s.period = x.period and ${inPeriods('s.period', periods)}`.execute(db);
  await sql`
    update enterprise_month_stats as s set insured = x.insured
    from (
      select uscc, period, sum(insured_delta) over (partition by uscc order by period rows between unbounded preceding and current row) as insured
      from enterprise_month_stats
    ) x
    where s.uscc = x.uscc and s.period = x.period and ${inPeriods('s.period', periods)}`.execute(db);
}

/** Counts the rows of a table, for the refresh log. */
export async function countRows(db: Db, table: 'enterprise_month_stats' | 'absorbed_persons'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return toNumber(row.n);
}

export interface RefreshLogEntry {
  startedAt: string;
  finishedAt: string;
  rangeFrom: number;
  rangeTo: number;
  dataThrough: number | null;
  periods: number[] | null;
  statsRows: number;
  absorbedPersons: number;
  alertsCreated: number;
}

/** Records a finished refresh; its id is the generation cached results are checked against. */
export async function insertRefreshLog(db: Db, entry: RefreshLogEntry): Promise<number> {
  const row = await db.insertInto('monitoring_refreshes').values({
    started_at: entry.startedAt, finished_at: entry.finishedAt, range_from: entry.rangeFrom, range_to: entry.rangeTo,
    data_through: entry.dataThrough, periods: entry.periods ? entry.periods.join(',') : null,
    stats_rows: entry.statsRows, absorbed_persons: entry.absorbedPersons, alerts_created: entry.alertsCreated,
  }).returning('id').executeTakeFirstOrThrow();
  return toNumber(row.id);
}

/** The latest refresh: the aggregates' generation, months and data horizon; undefined before the first. */
export async function findLatestRefresh(db: Db): Promise<{ id: number; rangeFrom: number; rangeTo: number; dataThrough: number | null; finishedAt: string } | undefined> {
  const row = await db.selectFrom('monitoring_refreshes').select(['id', 'range_from', 'range_to', 'data_through', 'finished_at'])
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: toNumber(row.id), rangeFrom: toNumber(row.range_from), rangeTo: toNumber(row.range_to),
    dataThrough: row.data_through === null ? null : toNumber(row.data_through), finishedAt: row.finished_at,
  };
}
