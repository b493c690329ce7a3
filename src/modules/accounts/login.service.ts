import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { toBoolean, toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { verifyTotp } from '../../platform/auth/totp.ts';
import { sm3Hex } from '../../platform/crypto/sm.ts';
import { AppError } from '../../platform/errors.ts';
import { ROLE_DEFINITIONS, type Role } from '../../platform/roles.ts';
import { loadSecuritySettings } from '../../platform/security-settings.ts';
import { beijingMinute } from '../../platform/time.ts';
import * as sessions from './sessions.repository.ts';
import * as users from './users.repository.ts';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

// Compared against when the username is unknown, so both paths take the same time.
const DUMMY_HASH = await hashPassword('dummy-password-for-timing');

/**
 * Password login with lockout (5 failures in 15 minutes by default) and the TOTP second factor
 * for province and administrator roles. Every outcome is audited; a success opens a session
 * and returns its token (only its SM3 digest is stored).
 */
export async function login(ctx: AppContext, actor: Actor, input: LoginInput): Promise<{ user: CurrentUser; token: string }> {
  const settings = loadSecuritySettings();
  const now = ctx.clock();
  const windowStart = new Date(now.getTime() - settings.loginFailureWindowMinutes * 60_000).toISOString();
  const failures = await sessions.recentFailures(ctx.db, input.username, windowStart);
  if (failures.count >= settings.loginFailureLimit) {
    await deny(ctx, actor, input.username, 'ACCOUNT_LOCKED');
    const until = new Date(new Date(failures.last!).getTime() + settings.loginFailureWindowMinutes * 60_000);
    throw new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定至 ${formatShanghaiTime(until)}，或请安全管理员解除锁定`);
  }
  const row = await users.findUserByUsername(ctx.db, input.username);
  const passwordOk = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !passwordOk) {
    await recordFailure(ctx, actor, input.username, 'INVALID_CREDENTIALS');
    const left = settings.loginFailureLimit - failures.count - 1;
    throw new AppError('INVALID_CREDENTIALS', left > 0 ? `用户名或密码错误，还可尝试 ${left} 次` : '用户名或密码错误，账号已临时锁定');
  }
  if (!toBoolean(row.is_active)) {
    await deny(ctx, actor, input.username, 'ACCOUNT_DISABLED');
    throw new AppError('ACCOUNT_DISABLED');
  }
  const role = row.role as Role;
  if (ROLE_DEFINITIONS[role].requiresTotp) await checkSecondFactor(ctx, actor, row, input.totp);
  return openSession(ctx, actor, row);
}

async function checkSecondFactor(ctx: AppContext, actor: Actor, row: users.UserRow, code: string | undefined): Promise<void> {
  if (!row.totp_secret_enc) throw new AppError('TOTP_INVALID', '该账号尚未绑定动态验证码，请联系系统管理员');
  if (!code) throw new AppError('TOTP_REQUIRED');
  if (!verifyTotp(ctx.cipher.decrypt(row.totp_secret_enc), code, ctx.clock())) {
    await recordFailure(ctx, actor, row.username, 'TOTP_INVALID');
    throw new AppError('TOTP_INVALID');
  }
}

async function openSession(ctx: AppContext, actor: Actor, row: users.UserRow): Promise<{ user: CurrentUser; token: string }> {
  const settings = loadSecuritySettings();
  const now = ctx.clock();
  const token = randomBytes(32).toString('base64url');
  const user = toCurrentUser(row, 'session');
  await ctx.db.transaction().execute(async (trx) => {
    await sessions.insertSession(trx, {
      id: sm3Hex(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + settings.sessionAbsoluteHours * 3_600_000).toISOString(),
      ip: actor.ip,
      revoked_at: null,
    });
    await sessions.insertLoginAttempt(trx, row.username, true, now.toISOString(), actor.ip);
    await appendAudit(trx, ctx.dialect, { ...actor, user }, { action: 'auth.login', outcome: 'success', objectType: 'user', objectId: row.username }, now);
  });
  return { user, token };
}

async function recordFailure(ctx: AppContext, actor: Actor, username: string, reason: string): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await sessions.insertLoginAttempt(trx, username, false, now.toISOString(), actor.ip);
    await appendAudit(trx, ctx.dialect, actor, { action: 'auth.login', outcome: 'failure', objectType: 'user', objectId: username, actorName: username, details: { reason } }, now);
  });
}

async function deny(ctx: AppContext, actor: Actor, username: string, reason: string): Promise<void> {
  await appendAudit(ctx.db, ctx.dialect, actor, { action: 'auth.login', outcome: 'denied', objectType: 'user', objectId: username, actorName: username, details: { reason } }, ctx.clock());
}

/** The caller as the rest of the system sees it. */
export function toCurrentUser(row: users.UserRow, via: CurrentUser['via']): CurrentUser {
  return {
    id: toNumber(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    regionCode: row.region_code,
    uscc: row.uscc,
    canViewPersonal: toBoolean(row.can_view_personal),
    via,
  };
}

// The one form of a moment (2026-12-15 09:22), as on every page.
function formatShanghaiTime(at: Date): string {
  return beijingMinute(at)!;
}
