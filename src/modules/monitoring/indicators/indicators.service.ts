import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import type { Tier } from '../../enterprises/enterprises.table.ts';
import { countFairsInMonths } from '../../recruitment/fairs/fairs.service.ts';
import { countPublishedInMonths } from '../../recruitment/postings/postings.service.ts';
import { skillsDataVersion, skillsIndicatorActuals } from '../../skills/skills-indicators.service.ts';
import { emptyComponents, loadComponents, type Months } from './components.ts';
import { indicatorValues, type IndicatorValue } from './indicator-values.ts';
import { sumSeparationsByReason, type StatsFilter } from './indicators.repository.ts';
import { resolveView, segmentFilter, type MonitoringView } from './monitoring-view.ts';
import { monthEnd, parseReportPeriod, type ReportPeriod } from '../report-period.ts';
import { cached, currentAggregates, type Aggregates } from '../result-cache.ts';
import { planTargets } from '../targets.ts';

/** The filters of the dashboard (SPEC §2.4): period × region × tier × industry. */
export interface IndicatorQuery {
  /** YYYYMM, YYYYQn, YYYY or plan (default). */
  period?: string;
  region?: string;
  tier?: Tier;
  /** manufacturing, a two-digit division or a section letter. */
  industry?: string;
}

/** `yangfan kpi --json` and `GET /api/v1/kpi` (SPEC §4, §5): the same object. */
export interface IndicatorReport {
  period: string;
  region: string;
  region_name: string;
  scope: MonitoringView['scope'];
  filters: { tier: Tier | null; industry: string | null };
  /** The months the figures cover (null when the period has no data), the report date and the data horizon. */
  months: { from: number; to: number } | null;
  report_date: string | null;
  data_through: number | null;
  refreshed_at: string | null;
  indicators: Record<string, IndicatorValue>;
}

/** The period's months that have aggregates, or null when none do. */
export function monthsWithData(period: ReportPeriod, aggregates: Aggregates): Months | null {
  if (aggregates.rangeFrom === null || aggregates.rangeTo === null) return null;
  const from = Math.max(period.from, aggregates.rangeFrom);
  const to = Math.min(period.to, aggregates.rangeTo);
  return from <= to ? { from, to, window: planTargets().window } : null;
}

/** The indicators of a period for the caller's view, with targets, progress and definitions. */
export async function computeIndicators(
  ctx: AppContext,
  query: IndicatorQuery,
  user: CurrentUser | null,
): Promise<IndicatorReport> {
  const view = await resolveView(ctx, user, query.region);
  const segment = segmentFilter(query);
  const period = parseReportPeriod(query.period, planTargets().window);
  const aggregates = await currentAggregates(ctx.db);
  const key = `kpi|${await skillsDataVersion(ctx)}|${view.cacheKey}|${period.label}|${query.tier ?? ''}|${query.industry ?? ''}`;
  const report = await cached(ctx.db, aggregates.version, key, () =>
    buildReport(ctx, view, segment, period, aggregates, query),
  );
  return withRecruitmentCounts(ctx, report, view, period, query);
}

/**
 * 发布岗位信息 and 专场招聘会 from the recruitment zone, counted live (they are not in the monthly
 * aggregates): each posting once, in the month it was first published; each fair in the month it
 * was held. Not segmented by tier or industry, and not for a commissioner's assigned enterprises:
 * there they stay 暂无数据.
 */
async function withRecruitmentCounts(
  ctx: AppContext,
  report: IndicatorReport,
  view: MonitoringView,
  period: ReportPeriod,
  query: IndicatorQuery,
): Promise<IndicatorReport> {
  if (view.scope === 'assigned' || query.tier || query.industry) return report;
  const counts: [string, (from: number, to: number, region?: string) => Promise<number>][] = [
    ['job_postings', (from, to, region) => countPublishedInMonths(ctx, from, to, region)],
    ['job_fairs', (from, to, region) => countFairsInMonths(ctx, from, to, region)],
  ];
  const indicators = { ...report.indicators };
  for (const [key, count] of counts) {
    const current = indicators[key];
    if (!current) continue;
    const actual = await count(period.from, period.to, view.regionCode);
    const { source: _waitingFor, ...rest } = current;
    indicators[key] = {
      ...rest,
      available: true,
      actual,
      ...(current.target !== undefined ? { progress: Math.round((actual / current.target) * 10_000) / 10_000 } : {}),
    };
  }
  return { ...report, indicators };
}

/**
 * Where and when the skills module's indicators count for a view: training and internship bases
 * are counted per enterprise and region, not per tier or industry segment nor per commissioner
 * (those views keep 暂无数据 for them), in the plan window up to the report month.
 */
export function skillsScopeOf(filter: StatsFilter, query: IndicatorQuery, reportMonth: number) {
  if (query.tier || query.industry || filter.commissionerId !== undefined) return undefined;
  const window = planTargets().window;
  return {
    filter: { regionCodes: filter.regionCodes, usccs: filter.usccs },
    window: { from: window.from, to: Math.min(reportMonth, window.to) },
  };
}

async function buildReport(
  ctx: AppContext,
  view: MonitoringView,
  segment: StatsFilter,
  period: ReportPeriod,
  aggregates: Aggregates,
  query: IndicatorQuery,
): Promise<IndicatorReport> {
  const months = monthsWithData(period, aggregates);
  const filter = { ...view.filter, ...segment };
  const components = months
    ? ((await loadComponents(ctx.db, filter, months, 'none')).get('all') ?? emptyComponents())
    : null;
  const separationsByReason = months ? await sumSeparationsByReason(ctx.db, filter, months) : [];
  const skills = skillsScopeOf(filter, query, months?.to ?? period.to);
  const external = skills ? await skillsIndicatorActuals(ctx, skills.filter, skills.window) : undefined;
  const indicators = indicatorValues({
    external,
    components,
    separationsByReason,
    targets: planTargets(),
    reportMonth: months?.to ?? period.to,
    showsAbsoluteTargets: view.isWholeProvince && !query.tier && !query.industry,
  });
  return {
    period: period.label,
    region: view.regionCode,
    region_name: view.regionName,
    scope: view.scope,
    filters: { tier: query.tier ?? null, industry: query.industry ?? null },
    months: months ? { from: months.from, to: months.to } : null,
    report_date: months ? monthEnd(months.to) : null,
    data_through: aggregates.dataThrough,
    refreshed_at: aggregates.refreshedAt,
    indicators,
  };
}
