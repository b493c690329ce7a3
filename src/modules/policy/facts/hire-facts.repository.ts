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

/**
 * Hires whose first month lies in [fromPeriod, toPeriod]. Written for province scale (1.5 million
 * spells, 350,000 hires) as a chain of set-wise steps each computed once: the hires, driven by each
 * enterprise's first roster month and the spells index range of the window; then the registries'
 * answers per hire (graduation, open unemployment registration, insured jobs since school) as
 * grouped joins, which PostgreSQL runs as hash joins and SQLite as one index seek per hire; then the
 * person, enterprise and poverty status joined once.
 */
export async function findHires(db: Db, fromPeriod: number, toPeriod: number, filter: HireFilter): Promise<HireRow[]> {
  const registered = periodOfDate('u.registered_on');
  const closed = periodOfDate('u.closed_on');
  const result = await sql<Record<string, unknown>>`
    with ${firstRostersSql(filter)}
    hires as materialized (
      select sp.id as spell_id, sp.person_id, sp.uscc, sp.first_period, sp.last_period
      from first_rosters fr
      join employment_spells sp on sp.uscc = fr.uscc
      where sp.first_period between ${sql.lit(fromPeriod)} and ${sql.lit(toPeriod)}
        and sp.first_period > fr.first_period
        ${filterSql(filter)}
    ),
    graduations as materialized (
      select h.spell_id, h.person_id, h.first_period, max(g.graduated_on) as graduated_on
      from hires h
      join graduates g on g.person_id = h.person_id
      where cast(substr(g.graduated_on, 1, 4) as integer) <= h.first_period / 100
      group by h.spell_id, h.person_id, h.first_period
    ),
    registrations as materialized (
      select h.spell_id, min(${registered}) as registered_period
      from hires h
      join unemployment_registrations u on u.person_id = h.person_id
      where ${registered} <= h.first_period and (u.closed_on is null or ${closed} >= h.first_period)
      group by h.spell_id
    ),
    school_jobs as materialized (
      select gr.spell_id, count(*) as jobs
      from graduations gr
      join employment_spells o on o.person_id = gr.person_id
      where o.id <> gr.spell_id and o.first_period < gr.first_period
        and o.last_period >= ${periodOfDate('gr.graduated_on')}
      group by gr.spell_id
    )
    select h.spell_id, h.person_id, h.uscc, h.first_period, h.last_period, gr.graduated_on, rg.registered_period,
           p.birth_date, e.region_code, e.size, i.section as industry_section, pv.category as poverty_category,
           case when gr.graduated_on is null then null else coalesce(sj.jobs, 0) end as jobs_since_school
    from hires h
    join persons p on p.id = h.person_id
    join enterprises e on e.uscc = h.uscc
    left join industries i on i.code = e.industry_code
    left join poverty_status pv on pv.person_id = h.person_id
    left join graduations gr on gr.spell_id = h.spell_id
    left join registrations rg on rg.spell_id = h.spell_id
    left join school_jobs sj on sj.spell_id = h.spell_id
    order by h.person_id, h.first_period, h.spell_id`.execute(db);
  return result.rows.map(toHireRow);
}

/**
 * Each enterprise's first roster month: for every enterprise, one grouped pass over roster_periods'
 * primary key; for one enterprise's calculator, only the enterprises its persons worked at.
 */
function firstRostersSql(filter: HireFilter): RawBuilder<unknown> {
  if (filter.kind === 'all')
    return sql`first_rosters as materialized (
      select rp.uscc, min(rp.period) as first_period from roster_periods rp group by rp.uscc
    ),`;
  const usccs =
    filter.kind === 'at'
      ? sql`select ${filter.uscc} as uscc`
      : sql`select distinct s3.uscc from employment_spells s2
            join employment_spells s3 on s3.person_id = s2.person_id where s2.uscc = ${filter.uscc}`;
  return sql`first_rosters as materialized (
      select w.uscc, (select min(rp.period) from roster_periods rp where rp.uscc = w.uscc) as first_period
      from (${usccs}) w
    ),`;
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
