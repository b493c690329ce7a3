import { highSkillLevels, seniorTitleLevels } from '../../skills/talent/correspondence.ts';
import type { AppContext } from '../../../app-context.ts';
import { toBoolean, toNumber } from '../../../db/convert.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { pageWindow, type Page } from '../../../platform/http/schemas.ts';
import { TIER_LABELS } from '../../enterprises/enterprise-vocabulary.ts';
import type { Tier } from '../../enterprises/enterprises.table.ts';
import { getEnterprise } from '../../enterprises/enterprises.service.ts';
import { emptyComponents, loadComponents, type Components } from './components.ts';
import * as repo from './drilldown.repository.ts';
import { COMPUTED_INDICATOR_KEYS } from './indicator-catalog.ts';
import { actualOf } from './indicator-values.ts';
import { monthsWithData, type IndicatorQuery } from './indicators.service.ts';
import { PROVINCE_CODE, resolveView, segmentFilter } from './monitoring-view.ts';
import { findDivisionsOf, findRankingUnits } from '../regions.repository.ts';
import { parseReportPeriod } from '../report-period.ts';
import { cached, currentAggregates } from '../result-cache.ts';
import { planTargets } from '../targets.ts';

/** One region under the one clicked: its computed indicators. */
export interface ChildRegion {
  code: string;
  name: string;
  isDirectlyAdministered: boolean;
  values: Record<string, number | null>;
}

/** One monitored enterprise of the region in the period's last month. */
export interface RegionEnterprise {
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  tier: string | null;
  tierLabel: string | null;
  insured: number;
  hires: number;
  separations: number;
  absorbed: number;
  /** Benefit cases paid to the enterprise in the period's months, and their amount in fen. */
  policiesEnjoyed: number;
  policiesEnjoyedFen: number;
  openAlerts: number;
}

export interface RegionDrilldown {
  region: { code: string; name: string; level: string };
  period: string;
  months: { from: number; to: number } | null;
  children: ChildRegion[];
  enterprises: Page<RegionEnterprise>;
}

const valuesOf = (c: Components | undefined) =>
  Object.fromEntries(COMPUTED_INDICATOR_KEYS.map((k) => [k, actualOf(k, c ?? emptyComponents())]));

/** A click on a region: its cities or districts with their figures, and its enterprises page by page. */
export async function drillIntoRegion(
  ctx: AppContext,
  code: string,
  query: IndicatorQuery & { page?: number; pageSize?: number },
  user: CurrentUser | null,
): Promise<RegionDrilldown> {
  const view = await resolveView(ctx, user, code);
  const segment = segmentFilter(query);
  const period = parseReportPeriod(query.period, planTargets().window);
  const window = pageWindow(query);
  const aggregates = await currentAggregates(ctx.db);
  const key = `region|${view.cacheKey}|${period.label}|${query.tier ?? ''}|${query.industry ?? ''}|${window.page}|${window.pageSize}`;
  return cached(ctx.db, aggregates.version, key, async () => {
    const months = monthsWithData(period, aggregates);
    const filter = { ...view.filter, ...segment };
    const isProvince = view.regionCode === PROVINCE_CODE;
    const regions = isProvince
      ? await findRankingUnits(ctx.db)
      : view.level === 'city'
        ? await findDivisionsOf(ctx.db, view.regionCode)
        : [];
    const components =
      months && regions.length
        ? await loadComponents(ctx.db, filter, months, isProvince ? 'unit' : 'region')
        : new Map<string, Components>();
    const children = regions.map((r) => ({
      code: r.code,
      name: r.name,
      isDirectlyAdministered: r.isDirectlyAdministered,
      values: months ? valuesOf(components.get(r.code)) : {},
    }));
    const enterprises = months
      ? await enterprisePage(ctx, filter, months, window)
      : { items: [], total: 0, page: window.page, pageSize: window.pageSize };
    return {
      region: { code: view.regionCode, name: view.regionName, level: view.level },
      period: period.label,
      months: months ? { from: months.from, to: months.to } : null,
      children,
      enterprises,
    };
  });
}

async function enterprisePage(
  ctx: AppContext,
  filter: ReturnType<typeof segmentFilter>,
  months: NonNullable<ReturnType<typeof monthsWithData>>,
  window: ReturnType<typeof pageWindow>,
): Promise<Page<RegionEnterprise>> {
  const { rows, total } = await repo.listMonitoredEnterprises(ctx.db, filter, months.to, {
    offset: window.offset,
    limit: window.pageSize,
  });
  const usccs = rows.map((r) => r.uscc);
  const [components, alerts] = await Promise.all([
    loadComponents(ctx.db, { ...filter, usccs }, months, 'uscc'),
    repo.countOpenAlerts(ctx.db, usccs),
  ]);
  const items = rows.map((r) => {
    const c = components.get(r.uscc) ?? emptyComponents();
    const tierLabel = r.tier ? (TIER_LABELS[r.tier as Tier] ?? r.tier) : null;
    return {
      ...r,
      tierLabel,
      insured: r.insured,
      hires: c.hires,
      separations: c.separations,
      absorbed: c.absorbed,
      policiesEnjoyed: c.paidCases,
      policiesEnjoyedFen: c.paidFen,
      openAlerts: alerts.get(r.uscc) ?? 0,
    };
  });
  return { items, total, page: window.page, pageSize: window.pageSize };
}

/** One month of an enterprise's series. */
export interface EnterpriseMonth {
  period: number;
  isMonitored: boolean;
  tier: string | null;
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
    tier: string;
    tierLabel: string;
    regionCode: string;
    regionName: string | null;
    validUntil: string;
    validityStatus: string;
  };
  months: EnterpriseMonth[];
}

/** A click on an enterprise: its monthly headcount, hires, leaves by reason, composition and contributions. */
export async function enterpriseSeries(
  ctx: AppContext,
  usccParam: string,
  user: CurrentUser,
): Promise<EnterpriseSeries> {
  // The register's own scope rule answers 404 for anyone else's enterprise.
  const detail = await getEnterprise(ctx, user, usccParam);
  const aggregates = await currentAggregates(ctx.db);
  const months = await cached(ctx.db, aggregates.generation, `series|${detail.uscc}`, () =>
    loadSeries(ctx, detail.uscc),
  );
  return {
    enterprise: {
      uscc: detail.uscc,
      name: detail.name,
      tier: detail.tier,
      tierLabel: detail.tierLabel,
      regionCode: detail.regionCode,
      regionName: detail.regionName,
      validUntil: detail.validUntil,
      validityStatus: detail.validity.status,
    },
    months,
  };
}

async function loadSeries(ctx: AppContext, uscc: string): Promise<EnterpriseMonth[]> {
  const [rows, separations, composition] = await Promise.all([
    repo.findEnterpriseMonths(ctx.db, uscc),
    repo.findEnterpriseSeparations(ctx.db, uscc),
    repo.findEnterpriseComposition(ctx.db, uscc, {
      highSkillLevels: highSkillLevels(),
      seniorTitleLevels: seniorTitleLevels(),
    }),
  ]);
  return rows.map((r) => {
    const period = toNumber(r.period);
    const reasons = Object.fromEntries(
      separations.filter((s) => toNumber(s.period) === period).map((s) => [s.reason, toNumber(s.separations)]),
    );
    return {
      period,
      isMonitored: toBoolean(r.is_monitored),
      tier: r.tier,
      hasRoster: toBoolean(r.has_roster),
      insured: toNumber(r.insured),
      hires: toNumber(r.hires),
      separations: toNumber(r.separations),
      separationsByReason: reasons,
      layoffSeparations: toNumber(r.layoff_separations),
      absorbed: toNumber(r.absorbed),
      hasContributions: toBoolean(r.has_contributions),
      contributionsFen: toNumber(r.contributions_fen),
      reportedInsured: r.reported_insured === null ? null : toNumber(r.reported_insured),
      composition: composition.get(period) ?? { graduates: 0, highSkill: 0, seniorTitle: 0 },
    };
  });
}
