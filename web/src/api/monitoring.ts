import { api } from './client.ts';
import type { Tier } from './enterprises.ts';
import type { ApiQuery, ApiResponse, ItemOf } from './types.ts';

/**
 * The monitoring module's API (SPEC §2.4, docs/monitoring.md): indicators with targets, the
 * monthly trend, the ranking of regions (also the map's colours), the drill-down into a region
 * and an enterprise's monthly series. The server narrows every answer to the caller's scope.
 */

/** `plan` (the plan window to date), `YYYY`, `YYYYQn` or `YYYYMM`. */
export type ReportPeriod = string;

/** The filters of every indicator view: period, region (a city with its divisions, or one county-level division), tier, industry. */
export type IndicatorQuery = ApiQuery<'/api/v1/kpi'>;

/** stock 时点 / flow 期间合计 / cumulative 计划期累计 / share 比例 / external 待建模块. */
export type IndicatorKind = 'stock' | 'flow' | 'cumulative' | 'share' | 'external';

/** `GET /kpi` — the same object as `yangfan kpi --json`. */
export type KpiReport = ApiResponse<'/api/v1/kpi'>;
/** One indicator: actual, target and progress; `available: false` — show 暂无数据, never a number. */
export type IndicatorValue = KpiReport['indicators'][string];

export type IndicatorDefinition = ApiResponse<'/api/v1/monitoring/indicators'>[number];

export type Trend = ApiResponse<'/api/v1/monitoring/trend'>;

/** The dashboard's 技能人才 tab: training by month, training and demonstration bases by city (GET /kpi's rules). */
export type SkillsTab = ApiResponse<'/api/v1/monitoring/skills'>;

export type Ranking = ApiResponse<'/api/v1/monitoring/ranking'>;
export type RankingRow = Ranking['rows'][number];

export type RegionDrilldown = ApiResponse<'/api/v1/monitoring/regions/{code}'>;
export type DrilldownEnterprise = ItemOf<RegionDrilldown['enterprises']>;

type SeriesAnswer = ApiResponse<'/api/v1/monitoring/enterprises/{uscc}/series'>;
/** An enterprise's monthly series; the server's schema types its tier as a string, the web names the tiers. */
export type EnterpriseSeries = Omit<SeriesAnswer, 'enterprise'> & {
  enterprise: Omit<SeriesAnswer['enterprise'], 'tier'> & { tier: Tier };
};
export type EnterpriseMonth = EnterpriseSeries['months'][number];

export type RefreshSummary = ApiResponse<'/api/v1/monitoring/refresh', 'post'>;

export function getKpi(query: IndicatorQuery): Promise<KpiReport> {
  return api.get('/kpi', { ...query });
}

/** Where the dashboard's figures are read: the read replica (with its lag) or the primary. */
export type ReadSource = ApiResponse<'/api/v1/monitoring/read-source'>;

export function getReadSource(): Promise<ReadSource> {
  return api.get('/monitoring/read-source');
}

export function listIndicators(): Promise<IndicatorDefinition[]> {
  return api.get('/monitoring/indicators');
}

export function getTrend(query: IndicatorQuery): Promise<Trend> {
  return api.get('/monitoring/trend', { ...query });
}

export function getSkillsTab(query: IndicatorQuery): Promise<SkillsTab> {
  return api.get('/monitoring/skills', { ...query });
}

/** Regions ranked by one indicator (province: the 13 cities and 昆山, 泰兴, 沭阳; a city: its divisions). */
export function getRanking(query: ApiQuery<'/api/v1/monitoring/ranking'>): Promise<Ranking> {
  return api.get('/monitoring/ranking', { ...query });
}

export function drillIntoRegion(
  code: string,
  query: ApiQuery<'/api/v1/monitoring/regions/{code}'>,
): Promise<RegionDrilldown> {
  return api.get(`/monitoring/regions/${encodeURIComponent(code)}`, { ...query });
}

export function getEnterpriseSeries(uscc: string): Promise<EnterpriseSeries> {
  return api.get(`/monitoring/enterprises/${encodeURIComponent(uscc)}/series`);
}

/** Rebuilds the pre-aggregates and detects alerts (province HRSS; imports do it themselves). */
export function refreshAggregates(): Promise<RefreshSummary> {
  return api.post('/monitoring/refresh');
}
