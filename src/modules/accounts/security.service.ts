import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { loadSecuritySettings, type SecuritySetting } from '../../platform/security-settings.ts';
import * as sessions from './sessions.repository.ts';

export interface Lockout {
  username: string;
  failures: number;
  lockedUntil: string;
}

/** Accounts locked now by repeated login failures (security administrator duty). */
export async function listLockouts(ctx: AppContext): Promise<{ items: Lockout[] }> {
  const settings = loadSecuritySettings();
  const windowMs = settings.loginFailureWindowMinutes * 60_000;
  const since = new Date(ctx.clock().getTime() - windowMs).toISOString();
  const items: Lockout[] = [];
  for (const username of await sessions.usernamesWithFailures(ctx.db, since, settings.loginFailureLimit)) {
    const failures = await sessions.recentFailures(ctx.db, username, since);
    if (failures.count < settings.loginFailureLimit || !failures.last) continue;
    items.push({ username, failures: failures.count, lockedUntil: new Date(new Date(failures.last).getTime() + windowMs).toISOString() });
  }
  return { items };
}

/** Clears a lockout: a cleared marker counts like a successful login for the failure window. */
export async function clearLockout(ctx: AppContext, actor: Actor, username: string): Promise<void> {
  const locked = (await listLockouts(ctx)).items.some((l) => l.username === username);
  if (!locked) throw new AppError('NOT_FOUND', `账号 ${username} 当前未被锁定`);
  await ctx.db.transaction().execute(async (trx) => {
    await sessions.insertLoginAttempt(trx, username, true, ctx.clock().toISOString(), actor.ip);
    await appendAudit(trx, ctx.dialect, actor, { action: 'security.lockout.clear', outcome: 'success', objectType: 'user', objectId: username }, ctx.clock());
  });
}

export function listSecuritySettings(): { settings: SecuritySetting[] } {
  return { settings: loadSecuritySettings().all };
}
