import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { sm3Hex } from '../../platform/crypto/sm.ts';
import { AppError } from '../../platform/errors.ts';
import * as tokens from './tokens.repository.ts';

export interface ApiTokenView {
  id: number;
  name: string;
  ownerId: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type SignedInActor = Actor & { user: CurrentUser };

function toView(row: tokens.ApiTokenRow): ApiTokenView {
  return {
    id: toNumber(row.id),
    name: row.name,
    ownerId: toNumber(row.user_id),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** A system administrator sees every token; a province official sees the tokens issued to them. */
function visibleOwner(user: CurrentUser): number | 'all' {
  return user.role === 'sysadmin' ? 'all' : user.id;
}

/**
 * Issues a bearer token for system-to-system exchange, acting with the issuing account's role
 * and scope. The token is shown once; only its SM3 digest is kept.
 */
export async function createApiToken(
  ctx: AppContext,
  actor: SignedInActor,
  name: string,
): Promise<ApiTokenView & { token: string }> {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('VALIDATION_FAILED', '请填写令牌名称（对接系统名称）');
  const token = `yf_${randomBytes(32).toString('base64url')}`;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await tokens.insertApiToken(trx, {
      name: trimmed,
      token_hash: sm3Hex(token),
      user_id: actor.user.id,
      created_by: actor.user.id,
      created_at: ctx.clock().toISOString(),
      last_used_at: null,
      revoked_at: null,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'api_token.create',
        outcome: 'success',
        objectType: 'api_token',
        objectId: toNumber(inserted.id),
        details: { name: trimmed },
      },
      ctx.clock(),
    );
    return inserted;
  });
  return { ...toView(row), token };
}

export async function listApiTokens(ctx: AppContext, user: CurrentUser): Promise<{ items: ApiTokenView[] }> {
  return { items: (await tokens.listApiTokens(ctx.db, visibleOwner(user))).map(toView) };
}

/** Revokes a token; another user's token answers 404 (outside the caller's scope). */
export async function revokeApiToken(ctx: AppContext, actor: SignedInActor, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await tokens.findApiToken(trx, id);
    const owner = visibleOwner(actor.user);
    if (!row || (owner !== 'all' && toNumber(row.user_id) !== owner)) throw new AppError('NOT_FOUND', '令牌不存在');
    await tokens.revokeApiToken(trx, id, ctx.clock().toISOString());
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'api_token.revoke', outcome: 'success', objectType: 'api_token', objectId: id },
      ctx.clock(),
    );
  });
}
