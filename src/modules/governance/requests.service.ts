import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { REQUEST_CATEGORY_LABELS, type RequestCategory } from './governance-parameters.ts';
import { governanceScopeOf, type SignedIn } from './governance-scope.ts';
import type { RequestState } from './governance.table.ts';
import { queueEnterpriseNotice } from './notify.repository.ts';
import { ESCALATION_LABELS, requestDeadline } from './request-clock.ts';
import * as requests from './requests.repository.ts';

/**
 * Enterprise requests (诉求, 有求必应): an enterprise raises one; its commissioner (or the city or
 * province it was escalated to) answers with a resolution; the enterprise rates the answer and may
 * reopen the request once. Every step is audited; the enterprise is told through the outbox.
 */

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  submitted: '待办理',
  answered: '已答复待评价',
  reopened: '重新办理中',
  closed: '已办结',
};

export interface RequestView {
  id: number;
  uscc: string;
  enterpriseName: string | null;
  regionCode: string;
  regionName: string | null;
  category: RequestCategory;
  categoryLabel: string;
  text: string;
  state: RequestState;
  stateLabel: string;
  submittedAt: string;
  deadlineDate: string;
  isDeadlineProvisional: boolean;
  isOverdue: boolean;
  escalationLevel: number;
  escalationLabel: string;
  escalatedAt: string | null;
  commissionerId: number | null;
  commissionerName: string | null;
  resolution: string | null;
  answeredAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  reopenCount: number;
  reopenReason: string | null;
  canReopen: boolean;
}

export function toRequestView(row: requests.RequestRow, today: string): RequestView {
  const state = row.state;
  const reopenCount = Number(row.reopen_count);
  const level = Number(row.escalation_level);
  return {
    id: Number(row.id),
    uscc: row.uscc,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    regionName: row.region_name,
    category: row.category as RequestCategory,
    categoryLabel: REQUEST_CATEGORY_LABELS[row.category as RequestCategory] ?? row.category,
    text: row.text,
    state,
    stateLabel: REQUEST_STATE_LABELS[state] ?? state,
    submittedAt: row.submitted_at,
    deadlineDate: row.deadline_date,
    isDeadlineProvisional: Number(row.deadline_provisional) === 1,
    isOverdue: (state === 'submitted' || state === 'reopened') && today > row.deadline_date,
    escalationLevel: level,
    escalationLabel: ESCALATION_LABELS[level] ?? String(level),
    escalatedAt: row.escalated_at,
    commissionerId: row.current_commissioner_id === null ? null : Number(row.current_commissioner_id),
    commissionerName: row.commissioner_name,
    resolution: row.resolution,
    answeredAt: row.answered_at,
    rating: row.rating === null ? null : Number(row.rating),
    ratingComment: row.rating_comment,
    ratedAt: row.rated_at,
    reopenCount,
    reopenReason: row.reopen_reason,
    canReopen: (state === 'answered' || state === 'closed') && reopenCount === 0,
  };
}

/** The requests the caller may read, newest first. */
export async function listRequests(
  ctx: AppContext,
  user: CurrentUser,
  query: {
    state?: RequestState;
    category?: string;
    uscc?: string;
    overdue?: boolean;
    escalated?: boolean;
    page?: number;
    pageSize?: number;
  },
): Promise<Page<RequestView>> {
  const window = pageWindow(query);
  const today = todayInShanghai(ctx.clock);
  const { rows, total } = await requests.listRequestRows(
    ctx.db,
    await governanceScopeOf(ctx.db, user),
    {
      ...(query.state ? { state: query.state } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.uscc ? { uscc: query.uscc } : {}),
      ...(query.overdue ? { isOverdueOn: today } : {}),
      ...(query.escalated ? { isEscalated: true } : {}),
    },
    window.offset,
    window.pageSize,
  );
  return { items: rows.map((r) => toRequestView(r, today)), total, page: window.page, pageSize: window.pageSize };
}

/** A request in the caller's scope; others are not found. */
export async function requireVisibleRequest(db: Db, user: CurrentUser, id: number): Promise<requests.RequestRow> {
  const row = await requests.findRequestRow(db, await governanceScopeOf(db, user), id);
  if (!row) throw new AppError('NOT_FOUND', '诉求不存在或不在您的办理范围内');
  return row;
}

/** One request with its files. */
export async function getRequest(ctx: AppContext, user: CurrentUser, id: number) {
  const row = await requireVisibleRequest(ctx.db, user, id);
  const files = await requests.listRequestFiles(ctx.db, id);
  return {
    ...toRequestView(row, todayInShanghai(ctx.clock)),
    files: files.map((f) => ({
      id: Number(f.id),
      fileName: f.file_name,
      fileType: f.file_type,
      sizeBytes: Number(f.size_bytes),
      uploadedAt: f.uploaded_at,
    })),
  };
}

async function audit(
  trx: Db,
  ctx: AppContext,
  actor: SignedIn | { user: null; requestId: string; ip: null },
  action: string,
  id: number,
  details: Record<string, unknown>,
) {
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    { action, outcome: 'success', objectType: 'governance_request', objectId: id, details },
    ctx.clock(),
  );
}

/** An enterprise raises a request; its deadline runs from today in working days of its category. */
export async function submitRequest(
  ctx: AppContext,
  actor: SignedIn,
  input: { category: RequestCategory; text: string },
): Promise<RequestView> {
  const uscc = actor.user.uscc;
  const text = input.text.trim();
  if (text.length < 5) throw new AppError('VALIDATION_FAILED', '诉求内容至少 5 个字');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const enterprise = uscc ? await requests.findRegisteredEnterprise(trx, uscc) : undefined;
    if (!enterprise) throw new AppError('NOT_FOUND', '本企业不在专精特新企业培育库中，暂不能提交诉求');
    const now = ctx.clock();
    const today = todayInShanghai(() => now);
    const deadline = requestDeadline(input.category, today);
    const newId = await requests.insertRequest(trx, {
      uscc: enterprise.uscc,
      region_code: enterprise.region_code,
      commissioner_id: enterprise.commissioner_id === null ? null : Number(enterprise.commissioner_id),
      category: input.category,
      text,
      state: 'submitted',
      submitted_at: now.toISOString(),
      submitted_by: actor.user.id,
      deadline_date: deadline.date,
      deadline_provisional: deadline.isProvisional ? 1 : 0,
      escalated_at: null,
      resolution: null,
      answered_at: null,
      answered_by: null,
      first_answered_at: null,
      is_first_answer_on_time: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      reopen_reason: null,
      reopened_at: null,
    });
    await audit(trx, ctx, actor, 'governance.request.submit', newId, {
      category: input.category,
      deadline: deadline.date,
      commissioner_id: enterprise.commissioner_id === null ? null : Number(enterprise.commissioner_id),
    });
    return newId;
  });
  return toRequestView((await requireVisibleRequest(ctx.db, actor.user, id))!, todayInShanghai(ctx.clock));
}

function refuseState(row: requests.RequestRow, action: string): never {
  throw new AppError(
    'REQUEST_STATE_INVALID',
    `该诉求当前为「${REQUEST_STATE_LABELS[row.state] ?? row.state}」，不能${action}（可能已被他人处理，请刷新）`,
  );
}

/** The commissioner (or the city or province in scope) answers an open request with its resolution. */
export async function answerRequest(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: { resolution: string },
): Promise<RequestView> {
  const resolution = input.resolution.trim();
  if (resolution.length < 5) throw new AppError('VALIDATION_FAILED', '办理结果至少 5 个字');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireVisibleRequest(trx, actor.user, id);
    const now = ctx.clock();
    const today = todayInShanghai(() => now);
    const isOnTime = today <= row.deadline_date;
    const changed = await requests.updateRequestInState(trx, id, ['submitted', 'reopened'], {
      state: 'answered',
      resolution,
      answered_at: now.toISOString(),
      answered_by: actor.user.id,
      ...(row.first_answered_at === null
        ? { first_answered_at: now.toISOString(), is_first_answer_on_time: isOnTime ? 1 : 0 }
        : {}),
    });
    if (!changed) refuseState(row, '答复');
    await audit(trx, ctx, actor, 'governance.request.answer', id, { on_time: isOnTime, deadline: row.deadline_date });
    await queueEnterpriseNotice(trx, {
      uscc: row.uscc,
      key: `request:${id}:answer:${now.toISOString()}`,
      title: '您的诉求已答复',
      body: `您单位提交的「${REQUEST_CATEGORY_LABELS[row.category as RequestCategory] ?? row.category}」诉求已答复，请登录系统查看并评价。`,
      at: now.toISOString(),
    });
  });
  return toRequestView(await requireVisibleRequest(ctx.db, actor.user, id), todayInShanghai(ctx.clock));
}

/** The enterprise rates the answer (1–5 with a comment); the request is then closed. */
export async function rateRequest(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: { rating: number; comment?: string },
): Promise<RequestView> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireVisibleRequest(trx, actor.user, id);
    const changed = await requests.updateRequestInState(trx, id, ['answered'], {
      state: 'closed',
      rating: input.rating,
      rating_comment: input.comment?.trim() || null,
      rated_at: ctx.clock().toISOString(),
    });
    if (!changed) refuseState(row, '评价');
    await audit(trx, ctx, actor, 'governance.request.rate', id, { rating: input.rating });
  });
  return toRequestView(await requireVisibleRequest(ctx.db, actor.user, id), todayInShanghai(ctx.clock));
}

/** The enterprise reopens an answered request once; a new deadline runs from today. */
export async function reopenRequest(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: { reason: string },
): Promise<RequestView> {
  const reason = input.reason.trim();
  if (reason.length < 2) throw new AppError('VALIDATION_FAILED', '请说明重新办理的原因');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireVisibleRequest(trx, actor.user, id);
    if (Number(row.reopen_count) > 0)
      throw new AppError('REQUEST_REOPEN_USED', '每件诉求只能申请重新办理一次，该诉求已重新办理过');
    const now = ctx.clock();
    const deadline = requestDeadline(
      row.category as RequestCategory,
      todayInShanghai(() => now),
    );
    const changed = await requests.updateRequestInState(trx, id, ['answered', 'closed'], {
      state: 'reopened',
      reopen_count: 1,
      reopen_reason: reason,
      reopened_at: now.toISOString(),
      deadline_date: deadline.date,
      deadline_provisional: deadline.isProvisional ? 1 : 0,
      escalation_level: 0,
      escalated_at: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
    });
    if (!changed) refuseState(row, '申请重新办理');
    await audit(trx, ctx, actor, 'governance.request.reopen', id, { deadline: deadline.date });
  });
  return toRequestView(await requireVisibleRequest(ctx.db, actor.user, id), todayInShanghai(ctx.clock));
}
