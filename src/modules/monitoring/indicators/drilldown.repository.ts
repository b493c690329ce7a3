import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { filterSql, type StatsFilter } from './indicators.repository.ts';

/** SQL of the drill-down: a region's monitored enterprises, and one enterprise's months. */

export interface EnterpriseMonthRow {
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  tier: string | null;
  insured: number;
}

/** A page of the enterprises monitored in a month, largest insured headcount first. */
export async function listMonitoredEnterprises(
  db: Db,
  filter: StatsFilter,
  period: number,
  page: { offset: number; limit: number },
): Promise<{ rows: EnterpriseMonthRow[]; total: number }> {
  const where = sql`s.period = ${sql.lit(period)} and s.is_monitored = 1 and ${filterSql('s', filter)}`;
  const total = await sql<{ n: unknown }>`select count(*) as n from enterprise_month_stats s where ${where}`.execute(
    db,
  );
  const rows = await sql<{
    uscc: string;
    name: string;
    region_code: string;
    region_name: string | null;
    tier: string | null;
    insured: unknown;
  }>`
    select s.uscc, e.name, s.region_code, r.name as region_name, s.tier, s.insured
    from enterprise_month_stats s
    join enterprises e on e.uscc = s.uscc
    left join regions r on r.code = s.region_code
    where ${where}
    order by s.insured desc, s.uscc
    limit ${sql.lit(page.limit)} offset ${sql.lit(page.offset)}`.execute(db);
  return {
    total: toNumber(total.rows[0]?.n as number),
    rows: rows.rows.map((r) => ({
      uscc: r.uscc,
      name: r.name,
      regionCode: r.region_code,
      regionName: r.region_name,
      tier: r.tier,
      insured: toNumber(r.insured as number),
    })),
  };
}

/** Open (not closed) alerts per enterprise, for a page of enterprises. */
export async function countOpenAlerts(db: Db, usccs: readonly string[]): Promise<Map<string, number>> {
  if (usccs.length === 0) return new Map();
  const rows = await db
    .selectFrom('monitoring_alerts')
    .select(['uscc', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('uscc', 'in', [...usccs])
    .where('status', '<>', 'closed')
    .groupBy('uscc')
    .execute();
  return new Map(rows.map((r) => [r.uscc, toNumber(r.n)]));
}

/** An enterprise's pre-aggregated months, in order. */
export function findEnterpriseMonths(db: Db, uscc: string) {
  return db
    .selectFrom('enterprise_month_stats')
    .select([
      'period',
      'is_monitored',
      'tier',
      'has_roster',
      'insured',
      'hires',
      'separations',
      'layoff_separations',
      'absorbed',
      'has_contributions',
      'contributions_fen',
      'reported_insured',
    ])
    .where('uscc', '=', uscc)
    .orderBy('period')
    .execute();
}

/** An enterprise's separations by month and reason. */
export function findEnterpriseSeparations(db: Db, uscc: string) {
  return db
    .selectFrom('enterprise_month_separations')
    .select(['period', 'reason', 'separations'])
    .where('uscc', '=', uscc)
    .execute();
}

/**
 * Who the enterprise's insured were, month by month: graduates of the last 24 months (the
 * month included), holders of a 高技能 certificate and of a 副高级-or-above title (as the talent
 * evaluation table defines them) by the month's last day. Work grows with the enterprise's person-months only.
 */
export async function findEnterpriseComposition(
  db: Db,
  uscc: string,
  talent: { highSkillLevels: readonly number[]; seniorTitleLevels: readonly string[] },
): Promise<Map<number, { graduates: number; highSkill: number; seniorTitle: number }>> {
  const graduationMonth = sql`(cast(substr(g.graduated_on, 1, 4) as integer) * 12 + cast(substr(g.graduated_on, 6, 2) as integer))`;
  const highSkill = sql.join(talent.highSkillLevels.map((level) => sql.lit(level)));
  const senior = sql.join(talent.seniorTitleLevels.map((level) => sql.lit(level)));
  const result = await sql<{ period: unknown; graduates: unknown; high_skill: unknown; senior_title: unknown }>`
    select m.period,
      sum(case when exists (select 1 from graduates g where g.person_id = sp.person_id
            and ${graduationMonth} between m.month_index + 1 - 24 and m.month_index + 1) then 1 else 0 end) as graduates,
      sum(case when exists (select 1 from skill_certificates k where k.person_id = sp.person_id
            and k.level in (${highSkill}) and k.issued_on <= m.month_end) then 1 else 0 end) as high_skill,
      sum(case when exists (select 1 from professional_titles t where t.person_id = sp.person_id
            and t.level in (${senior}) and t.obtained_on <= m.month_end) then 1 else 0 end) as senior_title
    from employment_spells sp
    join monitoring_months m on sp.first_period <= m.period and sp.last_period >= m.period
    where sp.uscc = ${uscc}
    group by m.period`.execute(db);
  return new Map(
    result.rows.map((r) => [
      toNumber(r.period as number),
      {
        graduates: toNumber(r.graduates as number),
        highSkill: toNumber(r.high_skill as number),
        seniorTitle: toNumber(r.senior_title as number),
      },
    ]),
  );
}
