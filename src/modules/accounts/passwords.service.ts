import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { generateTemporaryPassword, passwordWeakness } from '../../platform/auth/password-rules.ts';
import { generateTotpSecret } from '../../platform/auth/totp.ts';
import { sm3Hex } from '../../platform/crypto/sm.ts';
import { AppError } from '../../platform/errors.ts';
import { ROLE_DEFINITIONS, type Role } from '../../platform/roles.ts';
import { loadSecuritySettings } from '../../platform/security-settings.ts';
import { deleteAccountGuards } from './login-guards.repository.ts';
import { claimAccountAttempt, forgetFailures } from './login-guards.service.ts';
import { acceptTotp } from './login.service.ts';
import { revokeOtherSessions, revokeUserSessions } from './sessions.repository.ts';
import * as users from './users.repository.ts';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  totp?: string;
}

/** The password rules of reference/security/settings.json, refused with a Chinese reason. */
export function assertStrongPassword(password: string, username: string): void {
  const weakness = passwordWeakness(password, loadSecuritySettings().passwordMinLength, username);
  if (weakness) throw new AppError('WEAK_PASSWORD', weakness);
}

/**
 * Changes one's own password: the current password (and the TOTP code on an account that has
 * one) is checked under the login failure counters, so this is no side door for guessing. Other
 * sessions of the account end; the one that made the change stays.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  sessionToken: string | undefined,
  input: PasswordChange,
): Promise<void> {
  const row = await users.findUserById(ctx.db, actor.user.id);
  if (!row) throw new AppError('UNAUTHENTICATED');
  const hasTotp = row.totp_secret_enc !== null;
  const claim = await claimAccountAttempt(ctx, actor.user.id, actor.ip, hasTotp);
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
    await auditChange(ctx, actor, 'failure', 'INVALID_CREDENTIALS');
    throw new AppError(
      'INVALID_CREDENTIALS',
      claim.triesLeft > 0 ? `当前密码不正确，还可尝试 ${claim.triesLeft} 次` : '当前密码不正确，请稍后再试',
    );
  }
  if (hasTotp) {
    if (!input.totp) throw new AppError('TOTP_REQUIRED', '修改密码须输入验证器上的动态验证码');
    if (!(await acceptTotp(ctx, row, input.totp))) {
      await auditChange(ctx, actor, 'failure', 'TOTP_INVALID');
      throw new AppError('TOTP_INVALID', '动态验证码错误、已过期或已使用过，请输入验证器上的新验证码');
    }
  }
  if (input.newPassword === input.currentPassword) throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同');
  assertStrongPassword(input.newPassword, row.username);
  const hash = await hashPassword(input.newPassword);
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, actor.user.id, {
      password_hash: hash,
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    });
    await revokeOtherSessions(trx, actor.user.id, sessionToken ? sm3Hex(sessionToken) : '', now);
    await forgetFailures(ctx, trx, actor.user.id, actor.ip);
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'auth.password.change', outcome: 'success', objectType: 'user', objectId: row.username },
      ctx.clock(),
    );
  });
}

async function auditChange(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  outcome: 'failure',
  reason: string,
): Promise<void> {
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    { action: 'auth.password.change', outcome, objectType: 'user', objectId: actor.user.username, details: { reason } },
    ctx.clock(),
  );
}

export interface CredentialsReset {
  /** Shown once: the account must change it at its next login. */
  temporaryPassword?: string;
  /** Shown once, for the owner's authenticator app. */
  totpSecret?: string;
}

/**
 * Resets an account's password (security administrator; system administrator in the users
 * page) and, on request, its TOTP secret (system administrator): a temporary password to be
 * changed at the next login, every session ended, every lock cleared; audited.
 */
export async function resetCredentials(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  target: { id?: number; username?: string },
  what: { password: boolean; totp: boolean },
): Promise<CredentialsReset> {
  const row =
    target.id !== undefined
      ? await users.findUserById(ctx.db, target.id)
      : await users.findUserByUsername(ctx.db, target.username ?? '');
  if (!row) throw new AppError('NOT_FOUND', '账号不存在');
  if (toNumber(row.id) === actor.user.id)
    throw new AppError('CONFLICT', '不能重置自己的账号，请在“修改密码”中修改自己的密码');
  if (!what.password && !what.totp) throw new AppError('VALIDATION_FAILED', '请选择要重置的密码或动态验证码');
  const hasTotpRole = ROLE_DEFINITIONS[row.role as Role].requiresTotp;
  if (what.totp && !hasTotpRole)
    throw new AppError('VALIDATION_FAILED', `${ROLE_DEFINITIONS[row.role as Role].label}账号不使用动态验证码`);
  const temporaryPassword = what.password ? generateTemporaryPassword() : undefined;
  const totpSecret = what.totp ? generateTotpSecret() : undefined;
  const hash = temporaryPassword ? await hashPassword(temporaryPassword) : undefined;
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, toNumber(row.id), {
      ...(hash ? { password_hash: hash, must_change_password: 1, password_changed_at: now } : {}),
      ...(totpSecret ? { totp_secret_enc: ctx.cipher.encrypt(totpSecret), totp_last_step: null } : {}),
      updated_at: now,
    });
    await revokeUserSessions(trx, toNumber(row.id), now);
    await deleteAccountGuards(trx, toNumber(row.id));
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'user.credentials.reset',
        outcome: 'success',
        objectType: 'user',
        objectId: row.username,
        details: { password: what.password, totp: what.totp },
      },
      ctx.clock(),
    );
  });
  return { ...(temporaryPassword ? { temporaryPassword } : {}), ...(totpSecret ? { totpSecret } : {}) };
}
