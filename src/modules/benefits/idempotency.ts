import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { canonicalJson } from '../enterprises/exchange-push.service.ts';
import { claimIdempotencyKey, findIdempotentAnswer, storeIdempotentAnswer } from './idempotency.repository.ts';

/**
 * Exactly-once write requests: the key is claimed in the same transaction as the work, so the
 * answer is stored if and only if the work committed. A retry with the same body gets the stored
 * answer; with another body it is refused (IDEMPOTENCY_KEY_REUSED). A failed request stores
 * nothing, so its retry runs again.
 */

export interface IdempotentAnswer<T> {
  replayed: boolean;
  response: T;
}

/** Runs `work` once per (user, route, key) and body. */
export async function runIdempotent<T>(
  ctx: AppContext,
  actor: Actor,
  route: string,
  clientKey: string,
  body: unknown,
  work: (trx: Db) => Promise<T>,
): Promise<IdempotentAnswer<T>> {
  const key = `${actor.user?.id ?? actor.ip ?? 'anonymous'}:${route}:${clientKey}`;
  const requestHash = ctx.cipher.requestDigest(canonicalJson(body ?? null));
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const stored = await findIdempotentAnswer(trx, key);
      if (stored) return answerStored<T>(stored, requestHash);
      await claimIdempotencyKey(trx, key, requestHash, ctx.clock().toISOString());
      const response = await work(trx);
      await storeIdempotentAnswer(trx, key, 200, JSON.stringify(response ?? null));
      return { replayed: false, response };
    });
  } catch (error) {
    // The same key committed first in a concurrent request: answer as it did.
    if (!isUniqueViolationOf(error, 'benefit_idempotency')) throw error;
    const stored = await findIdempotentAnswer(ctx.db, key);
    if (!stored) throw error;
    return answerStored<T>(stored, requestHash);
  }
}

function answerStored<T>(stored: { request_hash: string; response: string }, requestHash: string): IdempotentAnswer<T> {
  if (stored.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return { replayed: true, response: JSON.parse(stored.response) as T };
}

/** Whether an error is a unique violation (optionally on a given table). */
export function isUniqueViolationOf(error: unknown, table?: string): boolean {
  const e = error as { code?: unknown; message?: unknown; table?: unknown; constraint?: unknown } | null;
  const code = e?.code;
  const isUnique = code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  if (!isUnique || !table) return isUnique;
  return `${String(e?.message)} ${String(e?.table ?? '')} ${String(e?.constraint ?? '')}`.includes(table);
}
