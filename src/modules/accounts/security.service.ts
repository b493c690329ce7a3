import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { loadSecuritySettings, type SecuritySetting } from '../../platform/security-settings.ts';
import * as guards from './login-guards.repository.ts';
import { findUserByUsername } from './users.repository.ts';

export interface Lockout {
  username: string;
  /** The source address locked for this account, or null when the account is locked from everywhere. */
  ip: string | null;
  failures: number;
  lockedUntil: string;
}

/** Accounts locked now by repeated login failures, per source (security administrator duty). */
export async function listLockouts(ctx: AppContext): Promise<{ items: Lockout[] }> {
  const rows = await guards.listLockedAccountGuards(ctx.db, ctx.clock().toISOString());
  return {
    items: rows.map((r) => ({
      username: r.username,
      ip: r.ip,
      failures: toNumber(r.failures),
      lockedUntil: r.locked_until!,
    })),
  };
}

/** Clears every lock and failure count of an account, from every source; audited. */
export async function clearLockout(ctx: AppContext, actor: Actor, username: string): Promise<void> {
  const user = await findUserByUsername(ctx.db, username);
  const locked = (await listLockouts(ctx)).items.some((l) => l.username === username);
  if (!user || !locked) throw new AppError('NOT_FOUND', `账号 ${username} 当前未被锁定`);
  await ctx.db.transaction().execute(async (trx) => {
    await guards.deleteAccountGuards(trx, toNumber(user.id));
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'security.lockout.clear', outcome: 'success', objectType: 'user', objectId: username },
      ctx.clock(),
    );
  });
}

export function listSecuritySettings(): { settings: SecuritySetting[] } {
  return { settings: loadSecuritySettings().all };
}
