import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { actualOf } from './indicator-values.ts';
import { COMPUTED_INDICATOR_KEYS } from './indicator-catalog.ts';
import { sumAbsorbed, sumFlows, sumPaidBenefits, sumStocks, type StatsFilter } from './indicators.repository.ts';
import type { IndicatorQuery } from './indicators.service.ts';
import { planTargets } from '../targets.ts';
import { addMonths } from '../../workforce/periods.ts';
import { resolveView, segmentFilter } from './monitoring-view.ts';
import { monthEnd, monthsBetween, parseReportPeriod } from '../report-period.ts';
import { cached, currentAggregates } from '../result-cache.ts';
import { emptyComponents, type Components } from './components.ts';

/** Monthly series of the computed indicators, for the dashboard's trend lines. */
export interface TrendReport {
  region: string;
  /** The months of the series: from the plan window's start (or the first data) to the period's last month. */
  periods: number[];
  /** Per indicator key, one value per month; cumulative indicators accumulate from the window's start. */
  series: Record<string, (number | null)[]>;
}

/** The trend up to the report period's last month with data. */
export async function computeTrend(
  ctx: AppContext,
  query: IndicatorQuery,
  user: CurrentUser | null,
): Promise<TrendReport> {
  const view = await resolveView(ctx, user, query.region);
  const segment = segmentFilter(query);
  const aggregates = await currentAggregates(ctx.db);
  const window = planTargets().window;
  const period = parseReportPeriod(query.period, window);
  const key = `trend|${view.cacheKey}|${period.label}|${query.tier ?? ''}|${query.industry ?? ''}`;
  return cached(ctx.db, aggregates.version, key, async () => {
    const empty = { region: view.regionCode, periods: [], series: {} };
    if (aggregates.rangeFrom === null || aggregates.rangeTo === null) return empty;
    const to = Math.min(period.to, aggregates.rangeTo);
    // From the window's start; a period before the window shows its last twelve months.
    const from = Math.max(aggregates.rangeFrom, to >= window.from ? window.from : addMonths(to, -11));
    if (from > to) return empty;
    const perMonth = await monthlyComponents(ctx, { ...view.filter, ...segment }, from, to, window);
    return {
      region: view.regionCode,
      periods: perMonth.map((m) => m.period),
      series: seriesOf(perMonth.map((m) => m.components)),
    };
  });
}

interface MonthComponents {
  period: number;
  components: Components;
}

// Absorbed persons accumulate month by month: each month's figure is the window to date.
async function monthlyComponents(
  ctx: AppContext,
  filter: StatsFilter,
  from: number,
  to: number,
  window: { from: number; to: number },
): Promise<MonthComponents[]> {
  const range = { from, to };
  const [stocks, flows, absorbed, paid] = await Promise.all([
    sumStocks(ctx.db, filter, range, 'none'),
    sumFlows(ctx.db, filter, range, 'period'),
    sumAbsorbed(
      ctx.db,
      filter,
      { windowFrom: window.from, periodFrom: window.from, to: Math.min(to, window.to) },
      monthEnd(to),
      'period',
    ),
    sumPaidBenefits(ctx.db, filter, range, 'period'),
  ]);
  const running = emptyComponents();
  return monthsBetween(from, to).map((period) => {
    const s = stocks.find((r) => r.period === period);
    const f = flows.find((r) => Number(r.key) === period);
    const a = absorbed.find((r) => Number(r.key) === period);
    const p = paid.find((r) => Number(r.key) === period);
    if (a) {
      running.absorbed += a.absorbed;
      running.graduates += a.graduates;
      running.highSkill += a.highSkill;
      running.seniorTitle += a.seniorTitle;
    }
    const components: Components = {
      ...emptyComponents(),
      monitored: s?.monitored ?? 0,
      insured: s?.insured ?? 0,
      hires: f?.hires ?? 0,
      separations: f?.separations ?? 0,
      layoffSeparations: f?.layoffSeparations ?? 0,
      contributionsFen: f?.contributionsFen ?? 0,
      absorbed: running.absorbed,
      absorbedInPeriod: a?.absorbed ?? 0,
      graduates: running.graduates,
      highSkill: running.highSkill,
      seniorTitle: running.seniorTitle,
      paidCases: p?.cases ?? 0,
      paidFen: p?.fen ?? 0,
    };
    return { period, components };
  });
}

function seriesOf(components: Components[]): Record<string, (number | null)[]> {
  const series: Record<string, (number | null)[]> = {};
  for (const key of COMPUTED_INDICATOR_KEYS) series[key] = components.map((c) => actualOf(key, c));
  return series;
}
