import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/**
 * Builds enterprise_month_stats in one INSERT … SELECT: the grid of register enterprises ×
 * months, left-joined to one grouped subquery per measure. One pass per source table and no
 * row updates, which PostgreSQL (a new row version per update) and SQLite both reward.
 * Periods are validated integers written as literals, so PostgreSQL never guesses a type.
 */

/** The month after a YYYYMM column (202312 → 202401). */
export function nextPeriod(column: string): RawBuilder<number> {
  const ref = sql.ref(column);
  return sql<number>`(case when ${ref} % 100 = 12 then ${ref} + 89 else ${ref} + 1 end)`;
}

/** `column in (…)` for a subset of months, or true when every month is rebuilt. */
export function inPeriods(column: string, periods: readonly number[] | undefined): RawBuilder<boolean> {
  if (!periods) return sql<boolean>`1 = 1`;
  return sql<boolean>`${sql.ref(column)} in (${sql.join(periods.map((p) => sql.lit(p)))})`;
}

// Monitored = a recognition valid on the month's last day; the tier is the highest one held then.
const TIER_RANKS = sql`
  select r.uscc, m.period, max(case r.tier when 'little_giant' then 3 when 'srdi' then 2 else 1 end) as tier_rank
  from enterprise_recognitions r
  join monitoring_months m on r.recognized_on <= m.month_end and r.valid_until >= m.month_end
  group by r.uscc, m.period`;

/**
 * Spell starts per month. A start is a hire unless it falls in the enterprise's first month on
 * file (the opening stock, whose real start the data cannot tell); spells begun before the
 * first month start counting at it.
 */
function startsSql(rangeFrom: number): RawBuilder<unknown> {
  const from = sql.lit(rangeFrom);
  const start = sql`(case when sp.first_period < ${from} then ${from} else sp.first_period end)`;
  return sql`
    select sp.uscc, ${start} as period, count(*) as starts,
           sum(case when sp.first_period >= ${from} and sp.first_period > f.first_period then 1 else 0 end) as hires
    from employment_spells sp
    join (select uscc, min(first_period) as first_period from employment_spells group by uscc) f on f.uscc = sp.uscc
    where sp.last_period >= ${from}
    group by sp.uscc, ${start}`;
}

// Every spell stops counting the month after its last one.
function leavesSql(rangeFrom: number): RawBuilder<unknown> {
  const next = nextPeriod('last_period');
  return sql`select uscc, ${next} as period, count(*) as leaves from employment_spells where last_period >= ${sql.lit(rangeFrom)} group by uscc, ${next}`;
}

/**
 * Separations, in the month after a spell's last insured month, when the spell is known to
 * have ended: it carries a leave reason, or that month's roster is on file without the person.
 */
function separationsSql(rangeFrom: number, naturalReasons: readonly string[]): RawBuilder<unknown> {
  const next = nextPeriod('sp.last_period');
  const natural = naturalReasons.length ? sql.join(naturalReasons.map((r) => sql.lit(r))) : sql.lit('-');
  return sql`
    select sp.uscc, ${next} as period, count(*) as total,
           sum(case when sp.leave_reason in (${natural}) then 0 else 1 end) as layoff
    from employment_spells sp
    left join roster_periods rp on rp.uscc = sp.uscc and rp.period = ${next}
    where sp.last_period >= ${sql.lit(rangeFrom)} and (sp.leave_reason is not null or rp.uscc is not null)
    group by sp.uscc, ${next}`;
}

/** Writes the enterprise-month rows of the months given (all when absent); returns how many. */
export async function insertEnterpriseMonths(
  db: Db,
  rangeFrom: number,
  periods: readonly number[] | undefined,
  naturalReasons: readonly string[],
): Promise<number> {
  const delta = sql`(coalesce(st.starts, 0) - coalesce(lv.leaves, 0))`;
  const result = await sql`
    insert into enterprise_month_stats (uscc, period, city_code, region_code, unit_code, industry_code, industry_section, is_manufacturing,
      tier, is_monitored, has_roster, insured_delta, insured, hires, separations, layoff_separations, absorbed,
      has_contributions, contributions_fen, reported_insured)
    select * from (
      select g.uscc, g.period, g.city_code, g.region_code, g.unit_code, g.industry_code, g.industry_section, g.is_manufacturing,
             case r.tier_rank when 3 then 'little_giant' when 2 then 'srdi' when 1 then 'innovative' end as tier,
             case when r.tier_rank is null then 0 else 1 end as is_monitored,
             case when rp.uscc is null then 0 else 1 end as has_roster,
             ${delta} as insured_delta,
             sum(${delta}) over (partition by g.uscc order by g.period rows between unbounded preceding and current row) as insured,
             coalesce(st.hires, 0) as hires, coalesce(sep.total, 0) as separations, coalesce(sep.layoff, 0) as layoff_separations, 0 as absorbed,
             case when c.uscc is null then 0 else 1 end as has_contributions,
             coalesce(c.pension_fen + c.unemployment_unit_fen + c.unemployment_personal_fen + c.injury_fen, 0) as contributions_fen,
             c.insured as reported_insured
      from (
        select e.uscc, m.period, e.city_code, e.region_code,
               case when rg.is_directly_administered = 1 then e.region_code else e.city_code end as unit_code,
               e.industry_code, i.section as industry_section, coalesce(i.is_manufacturing, 0) as is_manufacturing
        from enterprises e
        cross join monitoring_months m
        left join regions rg on rg.code = e.region_code
        left join industries i on i.code = e.industry_code
      ) g
      left join (${TIER_RANKS}) r on r.uscc = g.uscc and r.period = g.period
      left join roster_periods rp on rp.uscc = g.uscc and rp.period = g.period
      left join (${startsSql(rangeFrom)}) st on st.uscc = g.uscc and st.period = g.period
      left join (${leavesSql(rangeFrom)}) lv on lv.uscc = g.uscc and lv.period = g.period
      left join (${separationsSql(rangeFrom, naturalReasons)}) sep on sep.uscc = g.uscc and sep.period = g.period
      left join contributions c on c.uscc = g.uscc and c.period = g.period
    ) x
    where ${inPeriods('x.period', periods)}`.execute(db);
  return toNumber(result.numAffectedRows ?? 0);
}

/** Separations by reason, with the enterprise-month's filter columns copied so sums need no join. */
export async function insertSeparationsByReason(db: Db, periods: readonly number[] | undefined): Promise<void> {
  const next = nextPeriod('sp.last_period');
  await sql`
    insert into enterprise_month_separations (uscc, period, reason, separations, is_monitored, city_code, region_code, unit_code,
                                              industry_code, industry_section, is_manufacturing, tier)
    select s.uscc, s.period, x.reason, x.n, s.is_monitored, s.city_code, s.region_code, s.unit_code,
           s.industry_code, s.industry_section, s.is_manufacturing, s.tier
    from (
      select sp.uscc, ${next} as period, coalesce(sp.leave_reason, 'unspecified') as reason, count(*) as n
      from employment_spells sp
      left join roster_periods rp on rp.uscc = sp.uscc and rp.period = ${next}
      where sp.leave_reason is not null or rp.uscc is not null
      group by sp.uscc, ${next}, coalesce(sp.leave_reason, 'unspecified')
    ) x
    join enterprise_month_stats s on s.uscc = x.uscc and s.period = x.period
    where ${inPeriods('s.period', periods)}`.execute(db);
}
