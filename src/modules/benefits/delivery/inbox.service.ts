import type { AppContext } from '../../../app-context.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { countUnreadNotices, findNotices, findOwnNotice, markNoticesRead } from './notices.repository.ts';

/** The enterprise's 政策消息: its notices, newest first, how many are unread, and marking them read. */

/** A page of the caller's own notices with the unread count. */
export async function listInbox(ctx: AppContext, user: CurrentUser, query: { page?: number; pageSize?: number }) {
  const { page, pageSize, offset } = pageWindow(query);
  const uscc = ownUsccOf(user);
  const { rows, total } = await findNotices(ctx.db, uscc, offset, pageSize);
  const items = rows.map((n) => ({
    id: toNumber(n.id),
    case_id: toNumber(n.case_id),
    kind: n.kind,
    title: n.title,
    body: n.body,
    created_at: n.created_at,
    read_at: n.read_at,
    case_state: n.case_state ?? null,
  }));
  return { items, total, page, pageSize, unread: await countUnreadNotices(ctx.db, uscc) };
}

/** Marks one of the caller's notices read (again: nothing changes); another enterprise's is not found. */
export async function markNoticeRead(ctx: AppContext, actor: Actor & { user: CurrentUser }, id: number) {
  const uscc = ownUsccOf(actor.user);
  if (!(await findOwnNotice(ctx.db, uscc, id))) throw new AppError('NOT_FOUND', '没有该消息');
  return markRead(ctx, actor, uscc, id);
}

/** 全部标为已读: every unread notice of the caller's enterprise. */
export async function markAllNoticesRead(ctx: AppContext, actor: Actor & { user: CurrentUser }) {
  return markRead(ctx, actor, ownUsccOf(actor.user));
}

// Read-marking is idempotent by nature (only unread notices change), so it needs no Idempotency-Key;
// an audit row is written only when something changed.
async function markRead(ctx: AppContext, actor: Actor, uscc: string, id?: number) {
  const at = ctx.clock();
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const changed = await markNoticesRead(trx, uscc, at.toISOString(), id);
    if (changed > 0) {
      await appendAudit(
        trx,
        ctx.dialect,
        actor,
        {
          action: id === undefined ? 'benefits.notice.read_all' : 'benefits.notice.read',
          outcome: 'success',
          objectType: id === undefined ? 'enterprise' : 'benefit_notice',
          objectId: id ?? uscc,
          details: { notices: changed },
        },
        at,
      );
    }
    return changed;
  });
  return { updated, unread: await countUnreadNotices(ctx.db, uscc) };
}

function ownUsccOf(user: CurrentUser): string {
  if (!user.uscc) throw new AppError('NOT_FOUND', '账号未关联企业');
  return user.uscc;
}
