import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { skillsIndicatorBreakdown } from '../../skills/skills-indicators.service.ts';
import { findRegionNames } from '../regions.repository.ts';
import { monthsBetween, parseReportPeriod } from '../report-period.ts';
import { currentAggregates } from '../result-cache.ts';
import { planTargets } from '../targets.ts';
import { monthsWithData, skillsScopeOf, type IndicatorQuery } from './indicators.service.ts';
import { resolveView, segmentFilter } from './monitoring-view.ts';

/**
 * The dashboard's 技能人才 tab beyond its cards (which are GET /kpi's own figures): training
 * person-times month by month in the plan window, and the training and demonstration-base
 * indicators city by city — under the same view, window and rules as GET /kpi, so the months sum
 * to the training cards and the cities to every card.
 */
export async function computeSkillsTab(ctx: AppContext, query: IndicatorQuery, user: CurrentUser | null) {
  const view = await resolveView(ctx, user, query.region);
  const period = parseReportPeriod(query.period, planTargets().window);
  const months = monthsWithData(period, await currentAggregates(ctx.db));
  const scope = skillsScopeOf({ ...view.filter, ...segmentFilter(query) }, query, months?.to ?? period.to);
  const head = { region: view.regionCode, region_name: view.regionName };
  if (!scope) return { ...head, available: false, window: null, months: [], cities: [] };
  const breakdown = await skillsIndicatorBreakdown(ctx, scope.filter, scope.window);
  const names = await findRegionNames(
    ctx.db,
    breakdown.cities.map((c) => c.key),
  );
  const periods = scope.window.from <= scope.window.to ? monthsBetween(scope.window.from, scope.window.to) : [];
  return {
    ...head,
    available: true,
    window: scope.window,
    months: periods.map((p) => {
      const month = breakdown.months.find((m) => m.key === String(p));
      return {
        period: p,
        training_person_times: month?.training_person_times ?? 0,
        training_manufacturing_person_times: month?.training_manufacturing_person_times ?? 0,
        training_digital_person_times: month?.training_digital_person_times ?? 0,
      };
    }),
    cities: breakdown.cities.map(({ key, ...figures }) => ({ code: key, name: names.get(key) ?? key, ...figures })),
  };
}
