import type { AppContext } from '../../app-context.ts';
import { toBoolean } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { sm3Hex } from '../../platform/crypto/sm.ts';
import { AppError } from '../../platform/errors.ts';
import { loadSecuritySettings } from '../../platform/security-settings.ts';
import { toCurrentUser } from './login.service.ts';
import * as sessions from './sessions.repository.ts';
import * as tokens from './tokens.repository.ts';
import * as users from './users.repository.ts';

// last_seen_at (and an API token's last_used_at) is written at most this often, so a busy page
// or a system pushing data does not write on every request.
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves a session cookie: refused after 30 idle minutes or 12 hours in all (data in
 * reference/security/settings.json), or when the account has been disabled.
 */
export async function resolveSession(ctx: AppContext, token: string): Promise<CurrentUser> {
  const settings = loadSecuritySettings();
  const id = sm3Hex(token);
  const session = await sessions.findActiveSession(ctx.db, id);
  if (!session) throw new AppError('SESSION_EXPIRED');
  const now = ctx.clock();
  const idleLimit = new Date(session.last_seen_at).getTime() + settings.sessionIdleMinutes * 60_000;
  if (now.getTime() > idleLimit || now.toISOString() > session.expires_at) {
    await sessions.revokeSession(ctx.db, id, now.toISOString());
    throw new AppError('SESSION_EXPIRED');
  }
  const row = await users.findUserById(ctx.db, session.user_id);
  if (!row || !toBoolean(row.is_active)) throw new AppError('SESSION_EXPIRED');
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await sessions.touchSession(ctx.db, id, now.toISOString());
  }
  return toCurrentUser(row, 'session');
}

/** Ends the session behind a cookie token. */
export async function logout(ctx: AppContext, actor: Actor, token: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await sessions.revokeSession(trx, sm3Hex(token), ctx.clock().toISOString());
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'auth.logout', outcome: 'success', objectType: 'user', objectId: actor.user?.username },
      ctx.clock(),
    );
  });
}

/** Resolves a system-exchange bearer token to the account it was issued for. */
export async function resolveApiToken(ctx: AppContext, token: string): Promise<CurrentUser> {
  const row = await tokens.findApiTokenByHash(ctx.db, sm3Hex(token));
  if (!row) throw new AppError('UNAUTHENTICATED', '令牌无效或已吊销');
  const owner = await users.findUserById(ctx.db, row.user_id);
  if (!owner || !toBoolean(owner.is_active)) throw new AppError('UNAUTHENTICATED', '令牌所属账号已停用');
  const now = ctx.clock();
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
    await tokens.markApiTokenUsed(ctx.db, row.id, now.toISOString());
  }
  return toCurrentUser(owner, 'token');
}
