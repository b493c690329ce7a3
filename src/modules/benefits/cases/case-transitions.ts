import type { Updateable } from 'kysely';
import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import type { BenefitCaseTable } from '../benefits.table.ts';
import { releaseIdentities } from '../../policy/records/benefit-records.ts';
import { CASE_STATE_LABELS, LOST_STATES, TRANSITIONS, type CaseAction, type CaseState } from './case-states.ts';
import { insertCaseEvent, updateCaseState } from './cases.repository.ts';
import { insertNotices, insertOutbox } from '../delivery/notices.repository.ts';
import { caseSubjectOf } from '../policy-names.ts';

/**
 * The one way a case changes state: a conditional update, the history entry, the enterprise's
 * notice with its SMS and e-mail in the outbox, and the audit row — all in the caller's
 * transaction, so either everything happened or nothing did.
 */

export interface CaseRef {
  id: number | string;
  state: string;
  uscc: string;
  policy_code: string;
  period: string;
}

export interface MoveOptions {
  patch?: Updateable<BenefitCaseTable>;
  /** Extra conditions for the same UPDATE statement (publicity over, separate duties…). */
  guard?: (query: any) => any;
  note?: string | null;
  /** The enterprise's notice; its body receives how the case is named (“稳岗返还（2025）”). */
  notice?: { title: string; body: (subject: string) => string };
  details?: Record<string, unknown>;
}

/** Applies an action to a case or throws INVALID_STATE_TRANSITION (409) when another request got there first. */
export async function moveCase(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  current: CaseRef,
  action: CaseAction,
  options: MoveOptions = {},
): Promise<CaseState> {
  const { from, to } = TRANSITIONS[action];
  const at = ctx.clock().toISOString();
  const id = toNumber(current.id);
  const moved = await updateCaseState(trx, id, from, to, { ...options.patch, updated_at: at }, options.guard);
  if (!moved) {
    throw new AppError(
      'INVALID_STATE_TRANSITION',
      `案件当前状态（${CASE_STATE_LABELS[current.state as CaseState] ?? current.state}）不能执行该操作，或已被他人处理`,
      { id, state: current.state, action },
    );
  }
  if (LOST_STATES.includes(to)) await releaseIdentities(trx, [id]);
  await insertCaseEvent(trx, {
    case_id: id,
    from_state: current.state,
    to_state: to,
    actor_id: actor.user?.id ?? null,
    actor_name: actor.user?.username ?? actor.requestId,
    note: options.note ?? null,
    at,
  });
  if (options.notice) {
    const body = options.notice.body(await caseSubjectOf(trx, current));
    await notifyEnterprise(trx, { caseId: id, uscc: current.uscc, kind: to, title: options.notice.title, body, at });
  }
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: `benefits.case.${action}`,
      outcome: 'success',
      objectType: 'benefit_case',
      objectId: id,
      details: { policy: current.policy_code, period: current.period, from: current.state, to, ...options.details },
    },
    ctx.clock(),
  );
  return to;
}

/** Writes an in-app notice and queues its SMS and e-mail (the sender resolves the contact at send time). */
export async function notifyEnterprise(
  trx: Db,
  notice: { caseId: number; uscc: string; kind: CaseState; title: string; body: string; at: string },
): Promise<void> {
  await insertNotices(trx, [
    {
      case_id: notice.caseId,
      uscc: notice.uscc,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      created_at: notice.at,
    },
  ]);
  const payload = JSON.stringify({ case_id: notice.caseId, title: notice.title, body: notice.body });
  await insertOutbox(
    trx,
    ['sms', 'email'].map((channel) => ({
      channel,
      dedupe_key: `case:${notice.caseId}:${notice.kind}:${notice.at}:${channel}`,
      recipient: `enterprise:${notice.uscc}`,
      payload,
      created_at: notice.at,
    })),
  );
}
