import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';
import * as repo from './opinion.repository.ts';

/**
 * 研处: a message moves 待处理 → 处理中 → 已答复 → 已办结, only by its handling office, each step
 * audited; the reply is sealed like the message. Ambiguous links are confirmed or rejected by a
 * person; confirming routes a message that had no handling region yet.
 */

type SignedIn = Actor & { user: CurrentUser };

export const MESSAGE_STATES = ['pending', 'processing', 'replied', 'closed'] as const;
const TRANSITIONS = {
  start: { from: 'pending', to: 'processing' },
  reply: { from: 'processing', to: 'replied' },
  close: { from: 'replied', to: 'closed' },
} as const;
export type MessageAction = keyof typeof TRANSITIONS;

async function handledMessage(ctx: AppContext, user: CurrentUser, id: number): Promise<repo.MessageRow> {
  const row = await repo.findMessage(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '没有该留言');
  const isCommissioner =
    user.role === 'commissioner' && row.commissioner_id !== null && toNumber(row.commissioner_id) === user.id;
  const isBureau =
    user.role === 'city_hrss' &&
    user.regionCode !== null &&
    row.handling_region_code !== null &&
    (await regionScopeCodes(ctx.db, user.regionCode)).includes(row.handling_region_code);
  if (isCommissioner || isBureau || user.role === 'province_hrss') return row;
  throw new AppError('NOT_FOUND', '没有该留言');
}

/** Moves a message one step on; a reply needs its text. Returns the new state. */
export async function advanceMessage(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  action: MessageAction,
  reply?: string,
): Promise<{ id: number; state: string }> {
  const row = await handledMessage(ctx, actor.user, id);
  if (actor.user.role === 'province_hrss' && row.handling_region_code !== null)
    throw new AppError('OPINION_NOT_HANDLING_OFFICE');
  const step = TRANSITIONS[action];
  if (row.state !== step.from) throw new AppError('OPINION_TRANSITION_INVALID');
  const text = reply?.trim() ?? '';
  if (action === 'reply' && !text) throw new AppError('OPINION_REPLY_REQUIRED');
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await repo.updateMessage(trx, id, step.from, {
      state: step.to,
      ...(action === 'reply' ? { reply_enc: ctx.cipher.encrypt(text), replied_at: now } : {}),
      ...(action === 'close' ? { closed_at: now } : {}),
    });
    if (!changed) throw new AppError('OPINION_TRANSITION_INVALID');
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: `opinion.message.${action}`,
        outcome: 'success',
        objectType: 'opinion_message',
        objectId: String(id),
        details: { from: step.from, to: step.to },
      },
      ctx.clock(),
    );
  });
  return { id, state: step.to };
}

/** Confirms or rejects an ambiguous link; confirming one candidate rejects the others of the same name. */
export async function decideLink(
  ctx: AppContext,
  actor: SignedIn,
  messageId: number,
  linkId: number,
  decision: 'confirm' | 'reject',
): Promise<{ id: number; status: string }> {
  const row = await handledMessage(ctx, actor.user, messageId);
  const link = await repo.findLink(ctx.db, messageId, linkId);
  if (!link) throw new AppError('NOT_FOUND', '没有该关联');
  if (link.status !== 'ambiguous') throw new AppError('OPINION_LINK_DECIDED');
  const now = ctx.clock().toISOString();
  const status = decision === 'confirm' ? 'confirmed' : 'rejected';
  await ctx.db.transaction().execute(async (trx) => {
    const by = { decided_by: actor.user.id, decided_at: now };
    if (!(await repo.updateLink(trx, linkId, 'ambiguous', { status, ...by })))
      throw new AppError('OPINION_LINK_DECIDED');
    if (decision === 'confirm') {
      const others = await trx
        .selectFrom('opinion_links')
        .select('id')
        .where('message_id', '=', messageId)
        .where('alias', '=', link.alias)
        .where('status', '=', 'ambiguous')
        .execute();
      for (const o of others) await repo.updateLink(trx, toNumber(o.id), 'ambiguous', { status: 'rejected', ...by });
      if (row.handling_region_code === null || row.commissioner_id === null) {
        const enterprise = await trx
          .selectFrom('enterprises as e')
          .leftJoin('key_enterprises as k', 'k.uscc', 'e.uscc')
          .select(['e.region_code', 'k.commissioner_id'])
          .where('e.uscc', '=', link.uscc)
          .executeTakeFirst();
        await trx
          .updateTable('opinion_messages')
          .set({
            handling_region_code: row.handling_region_code ?? enterprise?.region_code ?? null,
            commissioner_id: row.commissioner_id ?? enterprise?.commissioner_id ?? null,
          })
          .where('id', '=', messageId)
          .execute();
      }
    }
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: decision === 'confirm' ? 'opinion.link.confirm' : 'opinion.link.reject',
        outcome: 'success',
        objectType: 'opinion_message',
        objectId: String(messageId),
        details: { uscc: link.uscc },
      },
      ctx.clock(),
    );
  });
  return { id: linkId, status };
}
