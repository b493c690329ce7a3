import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { Tier } from '../../enterprises/enterprises.table.ts';

/**
 * The indicator queries: sums over the pre-aggregates (enterprise_month_stats for stocks and
 * flows, absorbed_persons for 吸纳就业参保) and over the benefits ledger joined to the
 * enterprise-month rows (政策享受), grouped by a key. The tables carry the same location, tier
 * and industry columns, so one filter serves all.
 */

export type IndustryFilter = { kind: 'manufacturing' } | { kind: 'division' | 'section'; code: string };

export interface StatsFilter {
  /** County-level region codes (a region filter, or a city official's own region). */
  regionCodes?: readonly string[];
  /** Only the enterprises assigned to this commissioner. */
  commissionerId?: number;
  /** Only these enterprises (a drill-down page). */
  usccs?: readonly string[];
  /** The tier held in the month. */
  tier?: Tier;
  industry?: IndustryFilter;
}

/** What rows are grouped by: nothing, the ranking unit (city or 昆山/泰兴/沭阳), county, month or enterprise. */
export type GroupKey = 'none' | 'unit' | 'region' | 'period' | 'uscc';

const KEY_COLUMNS: Record<Exclude<GroupKey, 'none'>, string> = {
  unit: 'unit_code',
  region: 'region_code',
  period: 'period',
  uscc: 'uscc',
};

function keySql(alias: string, key: GroupKey): RawBuilder<string> {
  return key === 'none' ? sql<string>`'all'` : sql<string>`${sql.ref(`${alias}.${KEY_COLUMNS[key]}`)}`;
}

// PostgreSQL refuses a constant in GROUP BY: without a key the whole set is one group.
function groupBySql(alias: string, key: GroupKey, extra: string[] = []): RawBuilder<unknown> {
  const columns = [...(key === 'none' ? [] : [KEY_COLUMNS[key]]), ...extra].map((c) => sql.ref(`${alias}.${c}`));
  return columns.length ? sql`group by ${sql.join(columns)}` : sql``;
}

/** The filter's conditions on a table aliased `alias`. */
export function filterSql(alias: string, filter: StatsFilter): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const parts: RawBuilder<boolean>[] = [];
  if (filter.regionCodes)
    parts.push(
      filter.regionCodes.length ? sql`${col('region_code')} in (${sql.join([...filter.regionCodes])})` : sql`1 = 0`,
    );
  if (filter.commissionerId !== undefined)
    parts.push(
      sql`${col('uscc')} in (select k.uscc from key_enterprises k where k.commissioner_id = ${filter.commissionerId})`,
    );
  if (filter.usccs)
    parts.push(filter.usccs.length ? sql`${col('uscc')} in (${sql.join([...filter.usccs])})` : sql`1 = 0`);
  if (filter.tier) parts.push(sql`${col('tier')} = ${filter.tier}`);
  if (filter.industry?.kind === 'manufacturing') parts.push(sql`${col('is_manufacturing')} = 1`);
  else if (filter.industry?.kind === 'division') parts.push(sql`${col('industry_code')} = ${filter.industry.code}`);
  else if (filter.industry?.kind === 'section') parts.push(sql`${col('industry_section')} = ${filter.industry.code}`);
  return parts.length ? sql<boolean>`${sql.join(parts, sql` and `)}` : sql<boolean>`1 = 1`;
}

export interface StockRow {
  key: string;
  period: number;
  monitored: number;
  insured: number;
}

/** Monitored enterprises and their insured people per key and month. */
export async function sumStocks(
  db: Db,
  filter: StatsFilter,
  range: { from: number; to: number },
  key: GroupKey,
): Promise<StockRow[]> {
  const k = keySql('s', key);
  const result = await sql<{ key: string; period: unknown; monitored: unknown; insured: unknown }>`
    select ${k} as key, s.period as period, count(*) as monitored, sum(s.insured) as insured
    from enterprise_month_stats s
    where s.is_monitored = 1 and s.period between ${sql.lit(range.from)} and ${sql.lit(range.to)} and ${filterSql('s', filter)}
    ${groupBySql('s', key, key === 'period' ? [] : ['period'])}`.execute(db);
  return result.rows.map((r) => ({
    key: String(r.key),
    period: toNumber(r.period as number),
    monitored: toNumber(r.monitored as number),
    insured: toNumber(r.insured as number),
  }));
}

export interface FlowRow {
  key: string;
  hires: number;
  separations: number;
  layoffSeparations: number;
  contributionsFen: number;
}

/** Hires, separations and contributions of monitored enterprise-months, summed per key. */
export async function sumFlows(
  db: Db,
  filter: StatsFilter,
  range: { from: number; to: number },
  key: GroupKey,
): Promise<FlowRow[]> {
  const k = keySql('s', key);
  const result = await sql<Record<string, unknown>>`
    select ${k} as key, sum(s.hires) as hires, sum(s.separations) as separations,
           sum(s.layoff_separations) as layoff, sum(s.contributions_fen) as fen
    from enterprise_month_stats s
    where s.is_monitored = 1 and s.period between ${sql.lit(range.from)} and ${sql.lit(range.to)} and ${filterSql('s', filter)}
    ${groupBySql('s', key)}`.execute(db);
  return result.rows.map((r) => ({
    key: String(r.key),
    hires: toNumber(r.hires as number),
    separations: toNumber(r.separations as number),
    layoffSeparations: toNumber(r.layoff as number),
    contributionsFen: toNumber(r.fen as number),
  }));
}

export interface PaidBenefitsRow {
  key: string;
  cases: number;
  fen: number;
}

/**
 * Benefits paid to monitored enterprises, per key: the ledger's settlement entries (money that
 * reached the enterprise, in the month the bank's payment was booked), each placed in the
 * enterprise's row of that month, so that region, tier, industry and the monitored set are
 * those of the other flows. Read live from the ledger, which only grows: bank results change
 * it without a refresh.
 */
export async function sumPaidBenefits(
  db: Db,
  filter: StatsFilter,
  range: { from: number; to: number },
  key: GroupKey,
): Promise<PaidBenefitsRow[]> {
  const k = keySql('s', key);
  const result = await sql<Record<string, unknown>>`
    select ${k} as key, count(*) as cases, sum(j.amount_fen) as fen
    from benefit_journal j
    join benefit_cases c on c.id = j.case_id
    join enterprise_month_stats s on s.uscc = c.uscc and s.period = cast(j.month as integer)
    where j.kind = 'settle' and j.month between ${sql.lit(String(range.from))} and ${sql.lit(String(range.to))}
      and s.is_monitored = 1 and ${filterSql('s', filter)}
    ${groupBySql('s', key)}`.execute(db);
  return result.rows.map((r) => ({
    key: String(r.key),
    cases: toNumber(r.cases as number),
    fen: toNumber(r.fen as number),
  }));
}

/** Separations of monitored enterprise-months by leave reason. */
export async function sumSeparationsByReason(
  db: Db,
  filter: StatsFilter,
  range: { from: number; to: number },
): Promise<{ reason: string; count: number }[]> {
  const result = await sql<{ reason: string; n: unknown }>`
    select x.reason as reason, sum(x.separations) as n
    from enterprise_month_separations x
    where x.is_monitored = 1 and x.period between ${sql.lit(range.from)} and ${sql.lit(range.to)} and ${filterSql('x', filter)}
    group by x.reason`.execute(db);
  return result.rows.map((r) => ({ reason: r.reason, count: toNumber(r.n as number) }));
}

export interface AbsorbedRow {
  key: string;
  absorbed: number;
  inPeriod: number;
  graduates: number;
  highSkill: number;
  seniorTitle: number;
}

/**
 * Absorbed persons first hired from `windowFrom` through `to`, per key; `inPeriod` those from
 * `periodFrom`; skills and titles counted when held on `reportDate`.
 */
export async function sumAbsorbed(
  db: Db,
  filter: StatsFilter,
  months: { windowFrom: number; periodFrom: number; to: number },
  reportDate: string,
  key: GroupKey,
): Promise<AbsorbedRow[]> {
  const k = keySql('a', key);
  const result = await sql<Record<string, unknown>>`
    select ${k} as key, count(*) as absorbed,
           sum(case when a.period >= ${sql.lit(months.periodFrom)} then 1 else 0 end) as in_period,
           sum(a.is_graduate) as graduates,
           sum(case when a.high_skill_since <= ${reportDate} then 1 else 0 end) as high_skill,
           sum(case when a.senior_title_since <= ${reportDate} then 1 else 0 end) as senior_title
    from absorbed_persons a
    where a.period between ${sql.lit(months.windowFrom)} and ${sql.lit(months.to)} and ${filterSql('a', filter)}
    ${groupBySql('a', key)}`.execute(db);
  return result.rows.map((r) => ({
    key: String(r.key),
    absorbed: toNumber(r.absorbed as number),
    inPeriod: toNumber(r.in_period as number),
    graduates: toNumber(r.graduates as number),
    highSkill: toNumber(r.high_skill as number),
    seniorTitle: toNumber(r.senior_title as number),
  }));
}
