import type { AppContext } from '../../../app-context.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow, type Page } from '../../../platform/http/schemas.ts';
import { normalizeIdentifier } from '../../../platform/identifiers/normalize.ts';
import { toDayNumber, todayInShanghai } from '../../../platform/iso-date.ts';
import { enterpriseScopeOf } from '../../enterprises/enterprise-scope.ts';
import { regionScopeCodes } from '../../reference/reference.service.ts';
import * as repo from './alerts.repository.ts';
import type { AlertKind, AlertStatus } from '../monitoring.table.ts';

/** Employment alerts (SPEC §2.4): listed with status, assigned to the enterprise's commissioner, closed with a note. */

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  mass_layoff: '规模性减员',
  recognition_expiring: '认定即将到期',
  contributions_stopped: '停止缴费',
};
export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  open: '待处理',
  assigned: '已分派',
  closed: '已办结',
};

export interface AlertView {
  id: number;
  uscc: string;
  enterpriseName: string | null;
  regionCode: string;
  regionName: string | null;
  kind: AlertKind;
  kindLabel: string;
  period: number;
  status: AlertStatus;
  statusLabel: string;
  metric: number;
  base: number | null;
  dueOn: string | null;
  message: string;
  assignee: { id: number; name: string | null } | null;
  closeNote: string | null;
  detectedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface AlertQuery {
  status?: AlertStatus;
  kind?: AlertKind;
  period?: number;
  region?: string;
  uscc?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

/** The list's filter for the caller: its scope and the page's choices (the export uses the same). */
export async function alertFilterFor(ctx: AppContext, user: CurrentUser, query: AlertQuery): Promise<repo.AlertFilter> {
  return {
    scope: await enterpriseScopeOf(ctx.db, user),
    status: query.status,
    kind: query.kind,
    period: query.period,
    regionCodes: query.region ? await regionScopeCodes(ctx.db, query.region) : undefined,
    uscc: query.uscc ? normalizeIdentifier(query.uscc) : undefined,
    assigneeId: query.mine ? user.id : undefined,
  };
}

/** A page of the alerts in the caller's scope. */
export async function listAlerts(ctx: AppContext, user: CurrentUser, query: AlertQuery): Promise<Page<AlertView>> {
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await repo.listAlertRows(ctx.db, await alertFilterFor(ctx, user, query), offset, pageSize);
  const today = todayInShanghai(ctx.clock);
  return { items: rows.map((r) => toAlertView(r, today)), total, page, pageSize };
}

/** One alert with its history; outside the caller's scope it does not exist. */
export async function getAlert(
  ctx: AppContext,
  user: CurrentUser,
  id: number,
): Promise<AlertView & { events: { at: string; actor: string | null; action: string; note: string | null }[] }> {
  const row = await repo.findAlertRow(ctx.db, id, await enterpriseScopeOf(ctx.db, user));
  if (!row) throw new AppError('NOT_FOUND', '预警不存在或不在您的管辖范围内');
  const events = await repo.findAlertEvents(ctx.db, id);
  return {
    ...toAlertView(row, todayInShanghai(ctx.clock)),
    events: events.map((e) => ({ at: e.at, actor: e.actor_name, action: e.action, note: e.note })),
  };
}

export interface AlertChange {
  action: 'assign' | 'close' | 'reopen';
  note?: string;
}

/**
 * Assigns an alert to the enterprise's commissioner (key-enterprise list), closes it with a
 * note, or reopens it; commissioners may only close their own enterprises' alerts. Audited
 * in the same transaction.
 */
export async function changeAlert(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  id: number,
  change: AlertChange,
): Promise<AlertView> {
  const note = change.note?.trim() || null;
  if (change.action === 'close' && !note) throw new AppError('VALIDATION_FAILED', '办结预警须填写处理说明');
  if (change.action !== 'close' && actor.user.role === 'commissioner')
    throw new AppError('FORBIDDEN', '服务专员只能办结预警');
  const scope = await enterpriseScopeOf(ctx.db, actor.user);
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findAlertRow(trx, id, scope);
    if (!row) throw new AppError('NOT_FOUND', '预警不存在或不在您的管辖范围内');
    const values = await nextState(trx, row, change.action, note, now);
    await repo.updateAlertRow(trx, id, { ...values, updated_at: now });
    await repo.insertAlertEvent(trx, {
      alert_id: id,
      at: now,
      actor_id: actor.user.id,
      actor_name: actor.user.username,
      action: change.action,
      note,
    });
    const details = {
      uscc: row.uscc,
      kind: row.kind,
      period: toNumber(row.period),
      assignee: values.assignee_id ?? row.assignee_id,
    };
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: `monitoring.alert.${change.action}`,
        outcome: 'success',
        objectType: 'monitoring_alert',
        objectId: id,
        details,
      },
      ctx.clock(),
    );
  });
  const updated = await repo.findAlertRow(ctx.db, id, scope);
  return toAlertView(updated!, todayInShanghai(ctx.clock));
}

async function nextState(
  db: Parameters<typeof repo.findCommissioner>[0],
  row: repo.AlertRow,
  action: AlertChange['action'],
  note: string | null,
  now: string,
) {
  if (action === 'assign') {
    if (row.status === 'closed') throw new AppError('CONFLICT', '预警已办结，请先重新打开');
    const commissioner = await repo.findCommissioner(db, row.uscc);
    if (!commissioner) throw new AppError('CONFLICT', '该企业不在重点企业清单上或尚未确定服务专员，无法分派');
    return { status: 'assigned' as const, assignee_id: toNumber(commissioner.id) };
  }
  if (action === 'close') {
    if (row.status === 'closed') throw new AppError('CONFLICT', '预警已办结');
    return { status: 'closed' as const, close_note: note, closed_at: now };
  }
  if (row.status !== 'closed') throw new AppError('CONFLICT', '只有已办结的预警可以重新打开');
  return {
    status: row.assignee_id === null ? ('open' as const) : ('assigned' as const),
    close_note: null,
    closed_at: null,
  };
}

/** Maps a stored alert to its API shape with a one-line Chinese description. */
export function toAlertView(row: repo.AlertRow, today: string): AlertView {
  const metric = toNumber(row.metric);
  const base = row.base === null ? null : toNumber(row.base);
  return {
    id: toNumber(row.id),
    uscc: row.uscc,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    regionName: row.region_name,
    kind: row.kind,
    kindLabel: ALERT_KIND_LABELS[row.kind],
    period: toNumber(row.period),
    status: row.status,
    statusLabel: ALERT_STATUS_LABELS[row.status],
    metric,
    base,
    dueOn: row.due_on,
    message: describeAlert(row.kind, toNumber(row.period), metric, base, row.due_on, today),
    assignee: row.assignee_id === null ? null : { id: toNumber(row.assignee_id), name: row.assignee_name },
    closeNote: row.close_note,
    detectedAt: row.detected_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

/** The alert in one sentence, with its figures. */
export function describeAlert(
  kind: AlertKind,
  period: number,
  metric: number,
  base: number | null,
  dueOn: string | null,
  today: string,
): string {
  const month = `${Math.floor(period / 100)}年${period % 100}月`;
  if (kind === 'mass_layoff') {
    const share = base ? `，占上月参保人数 ${base} 人的 ${((metric / base) * 100).toFixed(1)}%` : '';
    return `${month}减员 ${metric} 人（不含退休、死亡等自然减员）${share}`;
  }
  if (kind === 'recognition_expiring') {
    const days = dueOn ? toDayNumber(dueOn) - toDayNumber(today) : null;
    return days === null
      ? '认定即将到期'
      : days >= 0
        ? `认定有效期至 ${dueOn}，还有 ${days} 天`
        : `认定已于 ${dueOn} 到期`;
  }
  return `${month}无缴费记录（上月已缴费${base === null ? '' : `，上月申报参保 ${base} 人`}）`;
}
