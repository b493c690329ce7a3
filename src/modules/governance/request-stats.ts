import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { beijingMinute, exportWorkbook, type SheetColumn } from '../../platform/http/excel-export.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { regionNamesOf } from '../reference/reference.service.ts';
import { REQUEST_CATEGORY_LABELS, type RequestCategory } from './governance-parameters.ts';
import { governanceScopeOf, type SignedIn } from './governance-scope.ts';
import { listAllRequestRows, type RequestRow } from './requests.repository.ts';

/**
 * How requests are handled (有求必应), by city, commissioner and category: on-time rate of the
 * first answer against the deadline, average handling time (submission to first answer, days)
 * and satisfaction (average rating 1–5).
 */
export interface RequestStatsRow {
  key: string;
  label: string;
  total: number;
  open: number;
  overdue: number;
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  averageHandlingDays: number | null;
  rated: number;
  averageRating: number | null;
}

export interface RequestStats {
  overall: RequestStatsRow;
  byCity: RequestStatsRow[];
  byCommissioner: RequestStatsRow[];
  byCategory: RequestStatsRow[];
}

const DAY_MS = 86_400_000;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function summarise(key: string, label: string, rows: RequestRow[], today: string): RequestStatsRow {
  const answered = rows.filter((r) => r.first_answered_at !== null);
  const onTime = answered.filter((r) => Number(r.is_first_answer_on_time) === 1).length;
  const rated = rows.filter((r) => r.rating !== null);
  const isOpen = (r: RequestRow) => r.state === 'submitted' || r.state === 'reopened';
  const handlingDays = answered.map((r) => (Date.parse(r.first_answered_at!) - Date.parse(r.submitted_at)) / DAY_MS);
  return {
    key,
    label,
    total: rows.length,
    open: rows.filter(isOpen).length,
    overdue: rows.filter((r) => isOpen(r) && today > r.deadline_date).length,
    answered: answered.length,
    onTime,
    onTimeRate: answered.length === 0 ? null : round(onTime / answered.length, 4),
    averageHandlingDays:
      handlingDays.length === 0 ? null : round(handlingDays.reduce((a, b) => a + b, 0) / handlingDays.length, 1),
    rated: rated.length,
    averageRating: rated.length === 0 ? null : round(rated.reduce((a, r) => a + Number(r.rating), 0) / rated.length, 2),
  };
}

function groupBy(rows: RequestRow[], keyOf: (row: RequestRow) => string): Map<string, RequestRow[]> {
  const groups = new Map<string, RequestRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** The city a region belongs to (a county counts with its city, as the province's rankings do). */
const cityOf = (regionCode: string) => `${regionCode.slice(0, 4)}00`;

/** The statistics over the requests in the caller's scope. */
export async function requestStats(ctx: AppContext, user: CurrentUser): Promise<RequestStats> {
  const rows = await listAllRequestRows(ctx.db, await governanceScopeOf(ctx.db, user));
  const today = todayInShanghai(ctx.clock);
  const cities = groupBy(rows, (r) => cityOf(r.region_code));
  const names = await regionNamesOf(ctx.db, [...cities.keys()]);
  const commissioners = groupBy(rows, (r) =>
    r.current_commissioner_id === null ? '' : String(r.current_commissioner_id),
  );
  const categories = groupBy(rows, (r) => r.category);
  return {
    overall: summarise('all', '合计', rows, today),
    byCity: [...cities].map(([code, group]) => summarise(code, names.get(code) ?? code, group, today)),
    byCommissioner: [...commissioners].map(([id, group]) =>
      summarise(id || 'none', id ? (group[0]!.commissioner_name ?? id) : '未指定服务专员', group, today),
    ),
    byCategory: [...categories].map(([code, group]) =>
      summarise(code, REQUEST_CATEGORY_LABELS[code as RequestCategory] ?? code, group, today),
    ),
  };
}

const COLUMNS: SheetColumn[] = [
  { header: '维度', key: 'label', width: 24 },
  { header: '诉求数', key: 'total', width: 10 },
  { header: '办理中', key: 'open', width: 10 },
  { header: '逾期未答复', key: 'overdue', width: 12 },
  { header: '已答复', key: 'answered', width: 10 },
  { header: '按时答复', key: 'onTime', width: 10 },
  { header: '按时答复率', key: 'onTimeRate', width: 12, numFmt: '0.0%' },
  { header: '平均办理时长（天）', key: 'averageHandlingDays', width: 18 },
  { header: '已评价', key: 'rated', width: 10 },
  { header: '平均满意度（1–5）', key: 'averageRating', width: 18 },
];

/** The statistics as an Excel workbook (one sheet per dimension), audited as an export. */
export async function exportRequestStats(
  ctx: AppContext,
  actor: SignedIn,
): Promise<{ fileName: string; content: Buffer }> {
  const stats = await requestStats(ctx, actor.user);
  const sheetRows = (rows: RequestStatsRow[]) => rows.map((r) => ({ ...r }));
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'governance.request.stats_export',
      outcome: 'success',
      objectType: 'governance_request',
      details: { total: stats.overall.total },
    },
    ctx.clock(),
  );
  const content = await exportWorkbook(
    [
      { name: '按设区市', columns: COLUMNS, rows: sheetRows([...stats.byCity, stats.overall]) },
      { name: '按服务专员', columns: COLUMNS, rows: sheetRows(stats.byCommissioner) },
      { name: '按诉求类别', columns: COLUMNS, rows: sheetRows(stats.byCategory) },
    ],
    [
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user.displayName],
      ['范围', actor.user.regionCode ? `本地区（${actor.user.regionCode}）` : '全省'],
      ['按时答复率', '首次答复日期不晚于办理时限（工作日，国务院节假日安排）的诉求占已答复诉求的比例'],
      ['平均办理时长', '自提交至首次答复的自然日数平均值'],
      ['参数来源', 'reference/governance/parameters.json（苏人社发〔2023〕63号 二（二）“无事不扰、有求必应”）'],
    ],
  );
  return { fileName: `企业诉求办理情况-${todayInShanghai(ctx.clock)}.xlsx`, content };
}
