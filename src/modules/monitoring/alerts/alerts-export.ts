import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { maskPersonalDataInText } from '../../../platform/crypto/masking.ts';
import { AppError } from '../../../platform/errors.ts';
import { beijingMinute, exportWorkbook, type SheetColumn } from '../../../platform/http/excel-export.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import {
  alertFilterFor,
  ALERT_KIND_LABELS,
  ALERT_STATUS_LABELS,
  toAlertView,
  type AlertQuery,
} from './alerts.service.ts';
import { listAlertRows } from './alerts.repository.ts';

// One file holds what an office works through; beyond this, narrow the filters (the list says how many match).
const MAX_ROWS = 100_000;
const PAGE_ROWS = 2_000;

const COLUMNS: SheetColumn[] = [
  { header: '预警编号', key: 'id', width: 10 },
  { header: '企业名称', key: 'enterprise', width: 32 },
  { header: '统一社会信用代码', key: 'uscc', width: 22 },
  { header: '所在地区', key: 'region', width: 14 },
  { header: '预警类型', key: 'kind', width: 14 },
  { header: '所属期', key: 'period', width: 10 },
  { header: '状态', key: 'status', width: 10 },
  { header: '预警内容', key: 'message', width: 48 },
  { header: '当月减员人数', key: 'metric', width: 12 },
  { header: '上月参保人数', key: 'base', width: 12 },
  { header: '认定有效期至', key: 'dueOn', width: 12 },
  { header: '分派给', key: 'assignee', width: 14 },
  { header: '办结说明（个人信息已遮盖）', key: 'closeNote', width: 40 },
  { header: '发现时间', key: 'detectedAt', width: 17 },
  { header: '办结时间', key: 'closedAt', width: 17 },
];

/** The page's filters in words, for the file's 说明 and the audit row. */
function filtersInWords(query: AlertQuery): string {
  const parts = [
    query.status && `状态：${ALERT_STATUS_LABELS[query.status]}`,
    query.kind && `类型：${ALERT_KIND_LABELS[query.kind]}`,
    query.period && `所属期：${query.period}`,
    query.region && `地区代码：${query.region}`,
    query.uscc && `统一社会信用代码：${query.uscc}`,
    query.mine && '只看分派给我的',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('；') : '全部（本人管辖范围内）';
}

/**
 * The alerts the list shows with the same filters, as an Excel file; free-text notes are masked,
 * and the export is audited with its filters and row count.
 */
export async function exportAlerts(ctx: AppContext, actor: Actor & { user: CurrentUser }, query: AlertQuery) {
  const filter = await alertFilterFor(ctx, actor.user, query);
  const today = todayInShanghai(ctx.clock);
  const first = await listAlertRows(ctx.db, filter, 0, PAGE_ROWS);
  if (first.total > MAX_ROWS)
    throw new AppError(
      'VALIDATION_FAILED',
      `符合条件的预警有 ${first.total} 条，超过单次导出上限 ${MAX_ROWS} 条，请缩小筛选范围后再导出`,
    );
  const rows = [...first.rows];
  while (rows.length < first.total) {
    const next = await listAlertRows(ctx.db, filter, rows.length, PAGE_ROWS);
    if (next.rows.length === 0) break;
    rows.push(...next.rows);
  }
  const sheetRows = rows.map((row) => {
    const view = toAlertView(row, today);
    return {
      id: view.id,
      enterprise: view.enterpriseName,
      uscc: view.uscc,
      region: view.regionName ?? view.regionCode,
      kind: view.kindLabel,
      period: view.period,
      status: view.statusLabel,
      message: view.message,
      metric: view.kind === 'mass_layoff' ? view.metric : null,
      base: view.base,
      dueOn: view.dueOn,
      assignee: view.assignee?.name ?? null,
      closeNote: view.closeNote === null ? null : maskPersonalDataInText(view.closeNote),
      detectedAt: beijingMinute(view.detectedAt),
      closedAt: beijingMinute(view.closedAt),
    };
  });
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'monitoring.alerts.export',
      outcome: 'success',
      objectType: 'monitoring_alert',
      details: { filters, rows: sheetRows.length },
    },
    ctx.clock(),
  );
  const content = await exportWorkbook(
    [{ name: '就业预警', columns: COLUMNS, rows: sheetRows }],
    [
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user.displayName],
      ['筛选条件', filtersInWords(query)],
      ['行数', sheetRows.length],
      ['个人信息', '办结说明中的身份证号、手机号、银行账号已遮盖'],
    ],
  );
  return { fileName: `就业预警-${today}.xlsx`, content };
}
