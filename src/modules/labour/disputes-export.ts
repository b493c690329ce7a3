import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import {
  beijingMinute,
  exportWorkbook,
  YUAN_FORMAT,
  yuanOf,
  type SheetColumn,
} from '../../platform/http/excel-export.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { listAllDisputes, type DisputeQuery } from './disputes.service.ts';

const MAX_ROWS = 50_000;

const COLUMNS: SheetColumn[] = [
  { header: '案号', key: 'caseNo', width: 22 },
  { header: '企业名称', key: 'enterprise', width: 32 },
  { header: '统一社会信用代码', key: 'uscc', width: 22 },
  { header: '所在地区', key: 'region', width: 14 },
  { header: '方式', key: 'kind', width: 8 },
  { header: '阶段', key: 'stage', width: 12 },
  { header: '快处', key: 'fastTrack', width: 6 },
  { header: '受理日期', key: 'receivedOn', width: 12 },
  { header: '法定期限', key: 'deadline', width: 12 },
  { header: '快处目标', key: 'fastTrackDue', width: 12 },
  { header: '劳动者人数', key: 'workers', width: 10 },
  { header: '请求金额（元）', key: 'claimed', width: 14, numFmt: YUAN_FORMAT },
  { header: '拖欠工资（元）', key: 'arrears', width: 14, numFmt: YUAN_FORMAT },
  { header: '集体争议预警', key: 'alert', width: 40 },
  { header: '结案日期', key: 'closedOn', width: 12 },
];

/** The cases of the list's filters as an Excel file (no party data in it); audited with the count. */
export async function exportDisputes(ctx: AppContext, actor: Actor & { user: CurrentUser }, query: DisputeQuery) {
  const items = await listAllDisputes(ctx, actor.user, query, MAX_ROWS);
  const rows = items.map((d) => ({
    caseNo: d.caseNo,
    enterprise: d.enterpriseName,
    uscc: d.uscc,
    region: d.regionName ?? d.regionCode,
    kind: d.kindLabel,
    stage: d.stageLabel,
    fastTrack: d.isFastTrack ? '是' : '否',
    receivedOn: d.receivedOn,
    deadline: d.deadline,
    fastTrackDue: d.fastTrackDue,
    workers: d.workersCount,
    claimed: yuanOf(d.claimedFen),
    arrears: yuanOf(d.arrearsFen),
    alert: d.alertReason,
    closedOn: d.closedOn,
  }));
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'labour.disputes.export',
      outcome: 'success',
      objectType: 'labour_dispute',
      details: { query, rows: rows.length },
    },
    ctx.clock(),
  );
  const content = await exportWorkbook(
    [{ name: '劳动争议案件', columns: COLUMNS, rows }],
    [
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user.displayName],
      ['行数', rows.length],
      ['说明', '当事人姓名、身份证号不导出'],
    ],
  );
  return { fileName: `劳动争议案件_${todayInShanghai(ctx.clock)}.xlsx`, content };
}
