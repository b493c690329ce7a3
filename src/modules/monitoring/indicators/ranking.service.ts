import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { addComponents, emptyComponents, loadComponents, type Components } from './components.ts';
import { findIndicator } from './indicator-catalog.ts';
import { actualOf } from './indicator-values.ts';
import { monthsWithData, type IndicatorQuery } from './indicators.service.ts';
import { PROVINCE_CODE, resolveView, segmentFilter } from './monitoring-view.ts';
import { findDivisionsOf, findRankingUnits, findRegionNames, type RegionRow } from '../regions.repository.ts';
import { parseReportPeriod } from '../report-period.ts';
import { cached, currentAggregates } from '../result-cache.ts';
import { planTargets } from '../targets.ts';

/**
 * City rankings and the map (SPEC §2.4). The province view ranks the notice's sixteen
 * addressees: the 13 cities and 昆山, 泰兴, 沭阳 as rows of their own — the notice addresses
 * them separately, so 苏州's row leaves out 昆山 (泰州's 泰兴, 宿迁's 沭阳) and the rows add up
 * to the province. A city's view ranks its county-level divisions; a county's view (昆山's own
 * official, or a county filter) ranks it among its peers, the county-level divisions of its
 * prefecture, marked by `peer_group` — figures per division only, as a 通报 would publish them.
 */
export interface RankingRow {
  code: string;
  name: string;
  kind: 'city' | 'county';
  isDirectlyAdministered: boolean;
  cityCode: string | null;
  value: number | null;
  rank: number | null;
  /** For a city holding a directly-administered county: the value with that county included (the map's whole city). */
  wholeCityValue?: number | null;
}

export interface RankingReport {
  indicator: string;
  label: string;
  unit: string;
  available: boolean;
  period: string;
  region: string;
  region_name: string;
  months: { from: number; to: number } | null;
  /** For a county's view: the prefecture whose county-level divisions the rows compare (昆山 → 苏州市). */
  peer_group: { code: string; name: string } | null;
  rows: RankingRow[];
}

export interface RankingQuery extends IndicatorQuery {
  indicator: string;
}

/** Ranks the regions under the caller's view by an indicator (highest first, ties share a rank). */
export async function rankRegions(
  ctx: AppContext,
  query: RankingQuery,
  user: CurrentUser | null,
): Promise<RankingReport> {
  const definition = findIndicator(query.indicator);
  if (!definition) throw new AppError('VALIDATION_FAILED', `未知的指标：${query.indicator}`);
  const view = await resolveView(ctx, user, query.region);
  if (view.scope === 'assigned') throw new AppError('NOT_FOUND', '服务专员按所联系企业查看，不参与地区排名');
  const segment = segmentFilter(query);
  const period = parseReportPeriod(query.period, planTargets().window);
  const aggregates = await currentAggregates(ctx.db);
  const key = `rank|${view.cacheKey}|${query.indicator}|${period.label}|${query.tier ?? ''}|${query.industry ?? ''}`;
  return cached(ctx.db, aggregates.version, key, async () => {
    const months = monthsWithData(period, aggregates);
    const isProvince = view.regionCode === PROVINCE_CODE;
    const peerGroup = view.level === 'county' ? await prefectureOf(ctx, view.regionCode) : null;
    const regions = isProvince
      ? await findRankingUnits(ctx.db)
      : await findDivisionsOf(ctx.db, peerGroup?.code ?? view.regionCode);
    const isComputed = definition.kind !== 'external';
    const filter = peerGroup ? { regionCodes: regions.map((r) => r.code) } : view.filter;
    const components =
      months && isComputed
        ? await loadComponents(ctx.db, { ...filter, ...segment }, months, isProvince ? 'unit' : 'region')
        : new Map<string, Components>();
    // A region without monitored enterprises has zero of every count and no share.
    const rows = regions.map((r) =>
      rowOf(r, months && isComputed ? actualOf(query.indicator, components.get(r.code) ?? emptyComponents()) : null),
    );
    if (isProvince && months && isComputed) addWholeCityValues(rows, regions, components, query.indicator);
    return {
      indicator: query.indicator,
      label: definition.label,
      unit: definition.unit,
      available: isComputed,
      period: period.label,
      region: view.regionCode,
      region_name: view.regionName,
      months: months ? { from: months.from, to: months.to } : null,
      peer_group: peerGroup,
      rows: ranked(rows),
    };
  });
}

/** The prefecture-level city of a county-level division (null for a division without one). */
async function prefectureOf(ctx: AppContext, code: string): Promise<{ code: string; name: string } | null> {
  const [own] = await findDivisionsOf(ctx.db, code);
  if (!own?.cityCode) return null;
  const names = await findRegionNames(ctx.db, [own.cityCode]);
  return { code: own.cityCode, name: names.get(own.cityCode) ?? own.cityCode };
}

function rowOf(region: RegionRow, value: number | null): RankingRow {
  return {
    code: region.code,
    name: region.name,
    kind: region.level === 'county' ? 'county' : 'city',
    isDirectlyAdministered: region.isDirectlyAdministered,
    cityCode: region.cityCode,
    value,
    rank: null,
  };
}

function addWholeCityValues(
  rows: RankingRow[],
  regions: RegionRow[],
  components: Map<string, Components>,
  indicator: string,
): void {
  for (const county of regions.filter((r) => r.isDirectlyAdministered && r.cityCode)) {
    const row = rows.find((r) => r.code === county.cityCode);
    if (!row) continue;
    const whole = addComponents(
      components.get(county.cityCode!) ?? emptyComponents(),
      components.get(county.code) ?? emptyComponents(),
    );
    row.wholeCityValue = actualOf(indicator, whole);
    row.name = `${row.name}（不含${county.name}）`;
  }
}

/** Orders rows by value, highest first; equal values share a rank (1, 2, 2, 4); no value, no rank. */
export function ranked(rows: RankingRow[]): RankingRow[] {
  const sorted = [...rows].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.code.localeCompare(b.code),
  );
  sorted.forEach((row, i) => {
    if (row.value === null) return;
    const previous = sorted[i - 1];
    row.rank = previous && previous.value === row.value ? previous.rank : i + 1;
  });
  return sorted;
}

/** The map: the same rows in code order, so the page can colour each area. */
export async function mapRegions(
  ctx: AppContext,
  query: RankingQuery,
  user: CurrentUser | null,
): Promise<RankingReport> {
  const report = await rankRegions(ctx, query, user);
  return { ...report, rows: [...report.rows].sort((a, b) => a.code.localeCompare(b.code)) };
}
