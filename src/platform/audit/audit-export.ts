import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { seekerNamesOf } from '../../modules/accounts/seeker-names.ts';
import type { Actor } from '../auth/current-user.ts';
import { auditActionNameZh, auditObjectNameZh, roleNameZh } from '../code-names.ts';
import { maskPersonalDataInText } from '../crypto/masking.ts';
import { AppError } from '../errors.ts';
import { beijingMinute, exportWorkbook, type SheetColumn } from '../http/excel-export.ts';
import { todayInShanghai } from '../iso-date.ts';
import { appendAudit } from './audit.ts';
import { listAuditRows, type AuditFilter } from './audit.repository.ts';

// One file covers what an auditor reviews at once; beyond this, narrow the dates.
const MAX_ROWS = 100_000;
const PAGE_ROWS = 5_000;
const OUTCOMES: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };

const COLUMNS: SheetColumn[] = [
  { header: '编号', key: 'id', width: 9 },
  { header: '时间', key: 'at', width: 17 },
  { header: '操作人', key: 'actor', width: 16 },
  { header: '角色', key: 'role', width: 12 },
  { header: '操作', key: 'action', width: 20 },
  { header: '操作代码', key: 'code', width: 26 },
  { header: '对象', key: 'object', width: 20 },
  { header: '结果', key: 'outcome', width: 8 },
  { header: '请求号', key: 'requestId', width: 20 },
  { header: 'IP（末段遮盖）', key: 'ip', width: 16 },
  { header: '详情（个人信息已遮盖）', key: 'details', width: 60 },
];

/** 10.1.2.3 → 10.1.2.*; an IPv6 address keeps its first four groups. */
export function maskIp(ip: string | null): string | null {
  if (!ip) return null;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return ip.replace(/\.\d+$/, '.*');
  const v4 = /^::ffff:(\d+\.\d+\.\d+)\.\d+$/i.exec(ip);
  if (v4) return `${v4[1]}.*`;
  return `${ip.split(':').slice(0, 4).join(':')}:*`;
}

export interface AuditExportQuery {
  action?: string;
  username?: string;
  outcome?: 'success' | 'failure' | 'denied';
  from?: string;
  to?: string;
}

function filtersInWords(query: AuditExportQuery): string {
  const parts = [
    query.action &&
      `操作：${auditActionNameZh(query.action) === '其他操作' ? query.action : auditActionNameZh(query.action)}`,
    query.username && `操作人：${query.username}`,
    query.outcome && `结果：${OUTCOMES[query.outcome]}`,
    (query.from || query.to) && `日期：${query.from ?? '…'} 至 ${query.to ?? '…'}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('；') : '全部';
}

/**
 * The audit log the page lists with the same filters, as an Excel file in Chinese: names of
 * actions, objects and roles, times to the minute, details and IP addresses masked. The export
 * is itself audited (before the file is written) with its filters and row count.
 */
export async function exportAuditLog(ctx: AppContext, actor: Actor, query: AuditExportQuery, filter: AuditFilter) {
  const first = await listAuditRows(ctx.db, filter, 0, PAGE_ROWS);
  const total = toNumber(first.total as number);
  if (total > MAX_ROWS)
    throw new AppError(
      'VALIDATION_FAILED',
      `符合条件的审计记录有 ${total} 条，超过单次导出上限 ${MAX_ROWS} 条，请缩小日期范围后再导出`,
    );
  const rows = [...first.items];
  while (rows.length < total) {
    const next = await listAuditRows(ctx.db, filter, rows.length, PAGE_ROWS);
    if (next.items.length === 0) break;
    rows.push(...next.items);
  }
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'audit.export',
      outcome: 'success',
      objectType: 'audit_log',
      details: { filter: query, rows: rows.length },
    },
    ctx.clock(),
  );
  const seekerNames = await seekerNamesOf(
    ctx,
    rows.flatMap((r) => (r.actor_name ? [r.actor_name] : [])),
  );
  const sheetRows = rows.map((r) => ({
    id: toNumber(r.id),
    at: beijingMinute(r.at),
    actor: (r.actor_name && seekerNames.get(r.actor_name)) ?? r.actor_name,
    role: r.actor_role ? roleNameZh(r.actor_role) : null,
    action: auditActionNameZh(r.action),
    code: r.action,
    object: r.object_type ? `${auditObjectNameZh(r.object_type)}${r.object_id ? ` ${r.object_id}` : ''}` : null,
    outcome: OUTCOMES[r.outcome] ?? r.outcome,
    requestId: r.request_id,
    ip: maskIp(r.ip),
    details: r.details === null ? null : maskPersonalDataInText(r.details),
  }));
  const content = await exportWorkbook(
    [{ name: '审计日志', columns: COLUMNS, rows: sheetRows }],
    [
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user?.displayName ?? '—'],
      ['筛选条件', filtersInWords(query)],
      ['行数', sheetRows.length],
      ['个人信息', '详情中的身份证号、手机号、银行账号已遮盖；IP 地址末段已遮盖'],
    ],
  );
  return { fileName: `审计日志-${todayInShanghai(ctx.clock)}.xlsx`, content };
}
