import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { refreshCalendar } from '../../reference/calendar-store.ts';
import { formatYuan } from '../../../policies/values.ts';
import { todayOf } from './case-scope.ts';
import { moveCase } from './case-transitions.ts';
import { visibleCase } from './confirm.service.ts';
import {
  moneyPreviewOf,
  requireConfirmedPreview,
  type MoneyConfirmation,
  type PreviewRow,
} from '../payments/money-preview.ts';
import { provisionalNote, publicityUntilOf } from './review-clock.ts';
import type { CaseState } from './case-states.ts';

/**
 * City review of confirmed cases in the official's region: approve (the 公示 period of
 * reference/benefits/time-limits.json starts the same day), reject with a reason, or return for
 * correction. Bulk approval takes a list of cases and reports each one's outcome.
 */

type Official = Actor & { user: CurrentUser };

export interface Approval {
  /** 审核意见: required, kept in the case history and the audit row. */
  opinion?: string;
  /** The amount the official saw when confirming; a different amount now refuses the approval. */
  expected_amount_fen?: number;
}

/** The official's opinion, trimmed, or OPINION_REQUIRED. */
export function opinionOf(approval: Approval): string {
  const opinion = approval.opinion?.trim() ?? '';
  if (opinion.length < 2 || opinion.length > 500) throw new AppError('OPINION_REQUIRED');
  return opinion;
}

/** Approves a case with the official's opinion and opens its public notice. */
export async function approveCase(trx: Db, ctx: AppContext, actor: Official, id: number, approval: Approval) {
  const opinion = opinionOf(approval);
  const current = await visibleCase(trx, actor.user, id);
  const amount = toNumber(current.amount_fen);
  if (approval.expected_amount_fen !== undefined && approval.expected_amount_fen !== amount) {
    throw new AppError(
      'PREVIEW_CHANGED',
      `案件金额已由 ${formatYuan(approval.expected_amount_fen)} 变为 ${formatYuan(amount)}，未审核通过。请核对后重新确认。`,
    );
  }
  const { today } = todayOf(ctx.clock);
  await refreshCalendar(trx);
  const until = publicityUntilOf(today);
  const untilText = until.isProvisional ? `${until.date}（${provisionalNote(until.date, today)}）` : until.date;
  const state = await moveCase(trx, ctx, actor, current, 'approve', {
    patch: {
      approved_by: actor.user.id,
      publicity_from: today,
      publicity_until: until.date,
      publicity_until_provisional: until.isProvisional ? 1 : 0,
      reason: null,
    },
    note: opinion,
    details: { opinion, amount_fen: amount },
    notice: {
      title: '政策兑现审核通过',
      body: (subject) =>
        `您单位的${subject}审核通过，金额 ${formatYuan(amount)}，公示至 ${untilText}，公示无异议后拨付。`,
    },
  });
  return { id, state };
}

/** Rejects a case with a reason the enterprise sees. */
export async function rejectCase(trx: Db, ctx: AppContext, actor: Official, id: number, reason: string) {
  const current = await visibleCase(trx, actor.user, id);
  const state = await moveCase(trx, ctx, actor, current, 'reject', {
    patch: { reason },
    note: reason,
    notice: { title: '政策兑现审核不通过', body: (subject) => `您单位的${subject}审核不通过：${reason}` },
  });
  return { id, state };
}

/** Returns a case to the enterprise for correction; its confirmation restarts the clock. */
export async function returnCase(trx: Db, ctx: AppContext, actor: Official, id: number, reason: string) {
  const current = await visibleCase(trx, actor.user, id);
  const state = await moveCase(trx, ctx, actor, current, 'return', {
    patch: { reason, review_started_on: null, review_deadline: null, review_deadline_provisional: 0 },
    note: reason,
    notice: {
      title: '政策兑现退回补正',
      body: (subject) => `您单位的${subject}被退回补正：${reason}。请核对后重新确认。`,
    },
  });
  return { id, state };
}

/** The cases a bulk approval would approve (visible and awaiting review), and the others with why not. */
async function approvableCases(trx: Db, actor: Official, ids: readonly number[]) {
  const rows: PreviewRow[] = [];
  const skipped: { id: number; reason: string; state: CaseState | null }[] = [];
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const current = await visibleCase(trx, actor.user, id).catch(() => undefined);
    if (!current) skipped.push({ id, reason: 'NOT_FOUND', state: null });
    else if (current.state !== 'confirmed')
      skipped.push({ id, reason: 'INVALID_STATE_TRANSITION', state: current.state });
    else rows.push(current);
  }
  return { rows, skipped };
}

/** What a bulk approval of these cases would do: the cases, their total and masked accounts, and the token to confirm it. */
export async function previewApproveCases(trx: Db, actor: Official, ids: readonly number[]) {
  const { rows, skipped } = await approvableCases(trx, actor, ids);
  return moneyPreviewOf('approve', rows, skipped);
}

/**
 * Approves a 免申 batch in one transaction, exactly as previewed (the token, or the list and its
 * total), with one opinion for every case: a change since the preview refuses the whole batch;
 * a case another official moves meanwhile fails it too (retry it safely).
 */
export async function approveCases(
  trx: Db,
  ctx: AppContext,
  actor: Official,
  request: { case_ids: readonly number[]; opinion?: string } & MoneyConfirmation,
) {
  const opinion = opinionOf(request);
  const { rows, skipped } = await approvableCases(trx, actor, request.case_ids);
  requireConfirmedPreview('approve', moneyPreviewOf('approve', rows, skipped), request, request.case_ids);
  const results: { id: number; state: CaseState | null; skipped: string | null }[] = skipped.map((s) => ({
    id: s.id,
    state: s.state,
    skipped: s.reason,
  }));
  for (const row of rows) {
    const id = toNumber(row.id);
    results.push({ id, state: (await approveCase(trx, ctx, actor, id, { opinion })).state, skipped: null });
  }
  results.sort((a, b) => a.id - b.id);
  return { approved: rows.length, results };
}
