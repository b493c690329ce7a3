import type { AppContext } from '../../../app-context.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { addMonths } from '../../workforce/periods.ts';
import * as alerts from '../alerts/alerts.repository.ts';
import { ALERT_KIND_LABELS, toAlertView, type AlertView } from '../alerts/alerts.service.ts';
import { writeBulletinText } from './bulletin-text.ts';
import { computeIndicators, type IndicatorReport } from '../indicators/indicators.service.ts';
import { PROVINCE_CODE, type MonitoringView } from '../indicators/monitoring-view.ts';
import { rankRegions, type RankingReport } from '../indicators/ranking.service.ts';
import { regionScopeCodes } from '../../reference/reference.service.ts';

/**
 * What a monthly 通报 says, frozen as JSON when it is generated: the month's indicators and the
 * previous month's, the ranking, the month's new alerts and the generated text. The workbook
 * and the printable page are both rendered from it, so they always agree.
 */
export interface BulletinContent {
  period: number;
  periodLabel: string;
  region: { code: string; name: string };
  generatedAt: string;
  current: IndicatorReport;
  previous: IndicatorReport;
  ranking: BulletinRankingRow[];
  alertCounts: { kind: string; label: string; count: number }[];
  alerts: AlertView[];
  paragraphs: string[];
}

export interface BulletinRankingRow {
  rank: number | null;
  code: string;
  name: string;
  absorbed: number | null;
  graduateShare: number | null;
  insured: number | null;
  hires: number | null;
  separations: number | null;
}

const RANKED_BY = 'absorbed_insured';
const ALERTS_LISTED = 200;

/** Assembles the content of a region's bulletin for a month (the whole province when the view is). */
export async function buildBulletinContent(
  ctx: AppContext,
  view: MonitoringView,
  period: number,
): Promise<BulletinContent> {
  const region = view.regionCode === PROVINCE_CODE ? undefined : view.regionCode;
  const [current, previous] = [
    await computeIndicators(ctx, { period: String(period), region }, null),
    await computeIndicators(ctx, { period: String(addMonths(period, -1)), region }, null),
  ];
  const ranking = await rankingTable(ctx, String(period), region);
  const filter: alerts.AlertFilter = {
    scope: { kind: 'all' },
    period,
    regionCodes: region ? await regionScopeCodes(ctx.db, region) : undefined,
  };
  const counts = await alerts.countAlertsByKind(ctx.db, filter);
  const alertCounts = Object.entries(ALERT_KIND_LABELS).map(([kind, label]) => ({
    kind,
    label,
    count: counts.get(kind) ?? 0,
  }));
  const { rows } = await alerts.listAlertRows(ctx.db, filter, 0, ALERTS_LISTED);
  const today = todayInShanghai(ctx.clock);
  const periodLabel = `${Math.floor(period / 100)}年${period % 100}月`;
  const content = {
    period,
    periodLabel,
    region: { code: view.regionCode, name: view.regionName },
    generatedAt: ctx.clock().toISOString(),
    current,
    previous,
    ranking,
    alertCounts,
    alerts: rows.map((r) => toAlertView(r, today)),
  };
  return { ...content, paragraphs: writeBulletinText(content, view.regionCode === PROVINCE_CODE) };
}

async function rankingTable(
  ctx: AppContext,
  period: string,
  region: string | undefined,
): Promise<BulletinRankingRow[]> {
  const ask = (indicator: string) => rankRegions(ctx, { indicator, period, region }, null);
  const [absorbed, share, insured, hires, separations] = await Promise.all([
    ask(RANKED_BY),
    ask('absorbed_graduate_share'),
    ask('insured_employees'),
    ask('new_hires'),
    ask('separations'),
  ]);
  const valueIn = (report: RankingReport, code: string) => report.rows.find((r) => r.code === code)?.value ?? null;
  return absorbed.rows.map((row) => ({
    rank: row.rank,
    code: row.code,
    name: row.name,
    absorbed: row.value,
    graduateShare: valueIn(share, row.code),
    insured: valueIn(insured, row.code),
    hires: valueIn(hires, row.code),
    separations: valueIn(separations, row.code),
  }));
}
