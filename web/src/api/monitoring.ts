import { api } from './client.ts';
import type { Tier } from './enterprises.ts';
import type { PageQuery } from './types.ts';

/**
 * The monitoring module's API (SPEC §2.4, docs/monitoring.md): indicators with targets, the
 * monthly trend, the ranking of regions (also the map's colours), the drill-down into a region
 * and an enterprise's monthly series. The server narrows every answer to the caller's scope.
 */

/** `plan` (the plan window to date), `YYYY`, `YYYYQn` or `YYYYMM`. */
export type ReportPeriod = string;

export interface IndicatorQuery {
  period?: ReportPeriod;
  /** A city (with all its divisions) or one county-level division; default the caller's scope. */
  region?: string;
  tier?: Tier;
  /** `manufacturing`, a section letter or a two-digit division. */
  industry?: string;
}

/** stock 时点 / flow 期间合计 / cumulative 计划期累计 / share 比例 / external 待建模块. */
export type IndicatorKind = 'stock' | 'flow' | 'cumulative' | 'share' | 'external';

export interface IndicatorValue {
  label: string;
  /** 人, 家, 分, 比例, 人次, 场, 个, 次. */
  unit: string;
  kind: IndicatorKind;
  /** The definition the dashboard shows on hover. */
  definition: string;
  /** false: the source module does not exist yet — show 暂无数据, never a number. */
  available: boolean;
  actual: number | null;
  target?: number;
  target_basis?: string;
  target_source?: string;
  /** actual ÷ target. */
  progress?: number | null;
  /** 时序进度: the share of the target's time already elapsed. */
  expected_progress?: number;
  /** absorbed_insured: those first absorbed inside the period. */
  period_actual?: number | null;
  breakdown?: { reason: string; label: string; count: number }[];
  /** The module an unavailable indicator waits for. */
  source?: string;
}

/** `GET /kpi` — the same object as `yangfan kpi --json`. */
export interface KpiReport {
  period: string;
  region: string;
  region_name: string;
  scope: string;
  filters: { tier: string | null; industry: string | null };
  /** The months of the period that have data; null when none has. */
  months: { from: number; to: number } | null;
  report_date: string | null;
  data_through: number | null;
  /** null until the pre-aggregates have been built once. */
  refreshed_at: string | null;
  indicators: Record<string, IndicatorValue>;
}

export interface IndicatorDefinition {
  key: string;
  label: string;
  unit: string;
  kind: IndicatorKind;
  definition: string;
  source?: string;
}

export interface Trend {
  region: string;
  periods: number[];
  series: Record<string, (number | null)[]>;
}

export interface RankingRow {
  code: string;
  name: string;
  kind: 'city' | 'county';
  isDirectlyAdministered: boolean;
  cityCode: string | null;
  value: number | null;
  rank: number | null;
  /** 苏州, 泰州, 宿迁: the whole city with its directly-administered county (for the 13-city map). */
  wholeCityValue?: number | null;
}

export interface Ranking {
  indicator: string;
  label: string;
  unit: string;
  available: boolean;
  period: string;
  region: string;
  region_name: string;
  months: { from: number; to: number } | null;
  /** A county's view: the prefecture whose county-level divisions the rows compare (昆山 → 苏州市). */
  peer_group?: { code: string; name: string } | null;
  rows: RankingRow[];
}

export interface DrilldownEnterprise {
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  tier: Tier | null;
  tierLabel: string | null;
  insured: number;
  hires: number;
  separations: number;
  absorbed: number;
  /** Benefit cases paid to the enterprise in the period, and their amount (fen). */
  policiesEnjoyed: number;
  policiesEnjoyedFen: number;
  openAlerts: number;
}

export interface RegionDrilldown {
  region: { code: string; name: string; level: string };
  period: string;
  months: { from: number; to: number } | null;
  children: { code: string; name: string; isDirectlyAdministered: boolean; values: Record<string, number | null> }[];
  enterprises: { items: DrilldownEnterprise[]; total: number; page: number; pageSize: number };
}

export interface EnterpriseMonth {
  period: number;
  isMonitored: boolean;
  tier: Tier | null;
  hasRoster: boolean;
  insured: number;
  hires: number;
  separations: number;
  separationsByReason: Record<string, number>;
  layoffSeparations: number;
  absorbed: number;
  hasContributions: boolean;
  contributionsFen: number;
  reportedInsured: number | null;
  composition: { graduates: number; highSkill: number; seniorTitle: number };
}

export interface EnterpriseSeries {
  enterprise: {
    uscc: string;
    name: string;
    tier: Tier;
    tierLabel: string;
    regionCode: string;
    regionName: string | null;
    validUntil: string;
    validityStatus: string;
  };
  months: EnterpriseMonth[];
}

export interface RefreshSummary {
  rangeFrom: number;
  rangeTo: number;
  dataThrough: number | null;
  statsRows: number;
  absorbedPersons: number;
  alertsCreated: number;
  seconds: number;
}

export function getKpi(query: IndicatorQuery): Promise<KpiReport> {
  return api.get('/kpi', { ...query });
}

export function listIndicators(): Promise<IndicatorDefinition[]> {
  return api.get('/monitoring/indicators');
}

export function getTrend(query: IndicatorQuery): Promise<Trend> {
  return api.get('/monitoring/trend', { ...query });
}

/** Regions ranked by one indicator (province: the 13 cities and 昆山, 泰兴, 沭阳; a city: its divisions). */
export function getRanking(query: IndicatorQuery & { indicator: string }): Promise<Ranking> {
  return api.get('/monitoring/ranking', { ...query });
}

export function drillIntoRegion(code: string, query: IndicatorQuery & PageQuery): Promise<RegionDrilldown> {
  return api.get(`/monitoring/regions/${encodeURIComponent(code)}`, { ...query });
}

export function getEnterpriseSeries(uscc: string): Promise<EnterpriseSeries> {
  return api.get(`/monitoring/enterprises/${encodeURIComponent(uscc)}/series`);
}

/** Rebuilds the pre-aggregates and detects alerts (province HRSS; imports do it themselves). */
export function refreshAggregates(): Promise<RefreshSummary> {
  return api.post('/monitoring/refresh');
}
