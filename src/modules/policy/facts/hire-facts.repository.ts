import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { periodOfDate } from './facts-sql.ts';

/**
 * Hires, set-wise: every employment spell that began inside a range of months at an enterprise
 * whose earlier roster is on file (a spell starting in the enterprise's first roster month may have
 * started before it, so it is not known to be a hire), with what the registries say about the
 * person at the hire month.
 */

export interface HireRow {
  spell_id: number;
  person_id: number;
  uscc: string;
  first_period: number;
  last_period: number;
  birth_date: string;
  region_code: string;
  size: string | null;
  industry_section: string | null;
  /** The latest graduation not after the hire year. */
  graduated_on: string | null;
  /** Month of the earliest unemployment registration still open in the hire month. */
  registered_period: number | null;
  /** Other insured spells between the graduation month and this hire (null without a graduation). */
  jobs_since_school: number | null;
  poverty_category: string | null;
}

/** Which hires: all, those at one enterprise, or every hire of the persons hired by one enterprise. */
export type HireFilter = { kind: 'all' } | { kind: 'at'; uscc: string } | { kind: 'persons_of'; uscc: string };

/** Hires whose first month lies in [fromPeriod, toPeriod]. */
export async function findHires(db: Db, fromPeriod: number, toPeriod: number, filter: HireFilter): Promise<HireRow[]> {
  const registered = periodOfDate('u.registered_on');
  const closed = periodOfDate('u.closed_on');
  const result = await sql<Record<string, unknown>>`
    with hires as (
      select sp.id as spell_id, sp.person_id, sp.uscc, sp.first_period, sp.last_period,
             (select max(g.graduated_on) from graduates g
               where g.person_id = sp.person_id and cast(substr(g.graduated_on, 1, 4) as integer) <= sp.first_period / 100) as graduated_on,
             (select min(${registered}) from unemployment_registrations u
               where u.person_id = sp.person_id and ${registered} <= sp.first_period
                 and (u.closed_on is null or ${closed} >= sp.first_period)) as registered_period
      from employment_spells sp
      where sp.first_period between ${sql.lit(fromPeriod)} and ${sql.lit(toPeriod)}
        and sp.first_period > (select min(rp.period) from roster_periods rp where rp.uscc = sp.uscc)
        ${filterSql(filter)}
    )
    select h.spell_id, h.person_id, h.uscc, h.first_period, h.last_period, h.graduated_on, h.registered_period,
           p.birth_date, e.region_code, e.size, i.section as industry_section,
           (select pv.category from poverty_status pv where pv.person_id = h.person_id) as poverty_category,
           case when h.graduated_on is null then null else (
             select count(*) from employment_spells o
             where o.person_id = h.person_id and o.id <> h.spell_id and o.first_period < h.first_period
               and o.last_period >= ${periodOfDate('h.graduated_on')}) end as jobs_since_school
    from hires h
    join persons p on p.id = h.person_id
    join enterprises e on e.uscc = h.uscc
    left join industries i on i.code = e.industry_code
    order by h.person_id, h.first_period, h.spell_id`.execute(db);
  return result.rows.map(toHireRow);
}

function filterSql(filter: HireFilter): RawBuilder<unknown> {
  if (filter.kind === 'at') return sql`and sp.uscc = ${filter.uscc}`;
  if (filter.kind === 'persons_of')
    return sql`and sp.person_id in (select s2.person_id from employment_spells s2 where s2.uscc = ${filter.uscc})`;
  return sql``;
}

function toHireRow(row: Record<string, unknown>): HireRow {
  const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : toNumber(value as number));
  return {
    spell_id: toNumber(row.spell_id as number),
    person_id: toNumber(row.person_id as number),
    uscc: String(row.uscc),
    first_period: toNumber(row.first_period as number),
    last_period: toNumber(row.last_period as number),
    birth_date: String(row.birth_date),
    region_code: String(row.region_code),
    size: row.size === null ? null : String(row.size),
    industry_section: row.industry_section === null ? null : String(row.industry_section),
    graduated_on: row.graduated_on === null ? null : String(row.graduated_on),
    registered_period: numberOrNull(row.registered_period),
    jobs_since_school: numberOrNull(row.jobs_since_school),
    poverty_category: row.poverty_category === null ? null : String(row.poverty_category),
  };
}

/** Months from one period to another (0 when equal), for continuous-unemployment counts. */
export function monthsBetween(fromPeriod: number, toPeriod: number): number {
  const index = (period: number) => Math.floor(period / 100) * 12 + (period % 100);
  return index(toPeriod) - index(fromPeriod);
}
