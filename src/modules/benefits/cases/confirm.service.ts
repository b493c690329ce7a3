import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { refreshCalendar } from '../../reference/calendar-store.ts';
import { AppError } from '../../../platform/errors.ts';
import { caseScopeOf, todayOf } from './case-scope.ts';
import { requireDelivery } from '../applications/applications-policy.ts';
import { sealedAccountColumns } from '../applications/bank-account.ts';
import { moveCase, type CaseRef } from './case-transitions.ts';
import { findCase } from './cases.repository.ts';
import { reviewDeadlineOf } from './review-clock.ts';

/**
 * 即申即享: the enterprise confirms a matched case in one click, confirming or correcting the
 * receiving bank account (the review's working-day limit starts then), or declines with a reason.
 */

export interface BankAccount {
  bank_name: string;
  bank_account: string;
  account_holder: string;
}

/** Loads a case the caller may see, or 404. */
export async function visibleCase(trx: Db, user: CurrentUser, id: number) {
  const found = await findCase(trx, id, await caseScopeOf(trx, user));
  if (!found) throw new AppError('NOT_FOUND', '案件不存在或不在您的管辖范围内');
  return found;
}

/** Confirms a case with the account the money goes to; a policy that needs an application is refused. */
export async function confirmCase(
  trx: Db,
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  id: number,
  input: BankAccount,
) {
  const current = await visibleCase(trx, actor.user, id);
  await requireDelivery(trx, current.policy_code, 'exempt');
  const state = await startReview(trx, ctx, actor, current, input);
  return { id, state };
}

/** Confirms with the account (one click, or an application's submission); the review clock starts today. */
export async function startReview(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  current: CaseRef,
  input: BankAccount,
  options: { note?: string; details?: Record<string, unknown> } = {},
) {
  const account = input.bank_account.replace(/[\s-]/g, '');
  if (!/^\d{8,32}$/.test(account)) throw new AppError('VALIDATION_FAILED', '银行账号应为 8–32 位数字');
  const { today } = todayOf(ctx.clock);
  await refreshCalendar(trx);
  const deadline = reviewDeadlineOf(today);
  return moveCase(trx, ctx, actor, current, 'confirm', {
    patch: {
      bank_name: input.bank_name.trim(),
      ...sealedAccountColumns(ctx.cipher, account),
      account_holder: input.account_holder.trim(),
      review_started_on: today,
      review_deadline: deadline.date,
      review_deadline_provisional: deadline.isProvisional ? 1 : 0,
      reason: null,
    },
    note: options.note,
    details: { bank_account_tail: account.slice(-4), ...options.details },
  });
}

/** Declines a case with the enterprise's reason. */
export async function declineCase(
  trx: Db,
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  id: number,
  reason: string,
) {
  const current = await visibleCase(trx, actor.user, id);
  const state = await moveCase(trx, ctx, actor, current, 'decline', { patch: { reason }, note: reason });
  return { id, state };
}
