import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { formatYuan } from '../../policies/values.ts';
import { todayOf } from './case-scope.ts';
import { moveCase } from './case-transitions.ts';
import { visibleCase } from './confirm.service.ts';
import { PUBLICITY_WORKDAYS, workdaysAfterOrNull } from './review-clock.ts';

/**
 * City review of confirmed cases in the official's region: approve (the 5-working-day 公示
 * starts the same day), reject with a reason, or return for correction. Bulk approval takes a
 * list of cases and reports each one's outcome.
 */

type Official = Actor & { user: CurrentUser };

/** Approves a case and opens its public notice. */
export async function approveCase(trx: Db, ctx: AppContext, actor: Official, id: number) {
  const current = await visibleCase(trx, actor.user, id);
  const { today } = todayOf(ctx.clock);
  const until = workdaysAfterOrNull(today, PUBLICITY_WORKDAYS);
  const amount = toNumber(current.amount_fen);
  const state = await moveCase(trx, ctx, actor, current, 'approve', {
    patch: { approved_by: actor.user.id, publicity_from: today, publicity_until: until, reason: null },
    notice: { title: '政策兑现审核通过', body: (subject) => `您单位的${subject}审核通过，金额 ${formatYuan(amount)}，公示至 ${until ?? '（日历未覆盖，待定）'}，公示无异议后拨付。` },
  });
  return { id, state };
}

/** Rejects a case with a reason the enterprise sees. */
export async function rejectCase(trx: Db, ctx: AppContext, actor: Official, id: number, reason: string) {
  const current = await visibleCase(trx, actor.user, id);
  const state = await moveCase(trx, ctx, actor, current, 'reject', {
    patch: { reason }, note: reason, notice: { title: '政策兑现审核不通过', body: (subject) => `您单位的${subject}审核不通过：${reason}` },
  });
  return { id, state };
}

/** Returns a case to the enterprise for correction; its confirmation restarts the clock. */
export async function returnCase(trx: Db, ctx: AppContext, actor: Official, id: number, reason: string) {
  const current = await visibleCase(trx, actor.user, id);
  const state = await moveCase(trx, ctx, actor, current, 'return', {
    patch: { reason, review_started_on: null, review_deadline: null }, note: reason,
    notice: { title: '政策兑现退回补正', body: (subject) => `您单位的${subject}被退回补正：${reason}。请核对后重新确认。` },
  });
  return { id, state };
}

/**
 * Approves a 免申 batch in one transaction: cases not visible or not awaiting review are reported
 * and skipped; a case another official moves meanwhile fails the whole batch (retry it safely).
 */
export async function approveCases(trx: Db, ctx: AppContext, actor: Official, ids: readonly number[]) {
  const results: { id: number; state: string | null; skipped: string | null }[] = [];
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const current = await visibleCase(trx, actor.user, id).catch(() => undefined);
    if (!current || current.state !== 'confirmed') {
      results.push({ id, state: current?.state ?? null, skipped: current ? 'INVALID_STATE_TRANSITION' : 'NOT_FOUND' });
      continue;
    }
    results.push({ id, state: (await approveCase(trx, ctx, actor, id)).state, skipped: null });
  }
  return { approved: results.filter((r) => r.skipped === null).length, results };
}
