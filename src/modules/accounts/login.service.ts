import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { toBoolean, toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { matchTotpStep } from '../../platform/auth/totp.ts';
import { sm3Hex } from '../../platform/crypto/sm.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { ROLE_DEFINITIONS, type Role } from '../../platform/roles.ts';
import { loadSecuritySettings } from '../../platform/security-settings.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { claimAccountAttempt, claimAddressAttempt, forgetFailures, releaseClaims } from './login-guards.service.ts';
import { accountNameForLogin } from './seeker-logins.ts';
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
 * Password login with failure handling (ADR 0005) and the TOTP second factor for province and
 * administrator roles. The source address and the account are claimed before the password is
 * checked, so no number of concurrent attempts gets more than the configured tries. Every
 * outcome that reaches the password check is audited; a success opens a session and returns
 * its token (only its SM3 digest is stored).
 */
export async function login(
  ctx: AppContext,
  actor: Actor,
  input: LoginInput,
): Promise<{ user: CurrentUser; token: string }> {
  await claimAddressAttempt(ctx, actor.ip);
  // A job seeker's mobile number or e-mail address names their account (never stored or audited in clear).
  const username = accountNameForLogin(ctx.cipher, input.username);
  const row = await users.findUserByUsername(ctx.db, username);
  if (!row) {
    await verifyPassword(input.password, DUMMY_HASH);
    await recordFailure(ctx, actor, username, 'INVALID_CREDENTIALS');
    throw new AppError('INVALID_CREDENTIALS');
  }
  const needsTotp = ROLE_DEFINITIONS[row.role as Role].requiresTotp && row.totp_secret_enc !== null;
  const claim = await claimAccountAttempt(ctx, toNumber(row.id), actor.ip, needsTotp).catch(async (error: unknown) => {
    if (isAppError(error) && error.code === 'ACCOUNT_LOCKED') await deny(ctx, actor, row.username, 'ACCOUNT_LOCKED');
    throw error;
  });
  const passwordOk = await verifyPassword(input.password, row.password_hash);
  if (claim.isAccountLocked) {
    // The owner's unlock: password and code together, and no word on which one was wrong.
    if (!passwordOk || !(await acceptTotp(ctx, row, input.totp))) {
      await recordFailure(ctx, actor, row.username, 'ACCOUNT_LOCKED');
      throw new AppError(
        'ACCOUNT_LOCKED',
        '该账号多次登录失败，已锁定：请同时输入正确的密码和动态验证码解除锁定，或联系本单位安全管理员',
      );
    }
  } else {
    if (!passwordOk) {
      await recordFailure(ctx, actor, row.username, 'INVALID_CREDENTIALS');
      throw new AppError(
        'INVALID_CREDENTIALS',
        claim.triesLeft > 0
          ? `用户名或密码错误，还可尝试 ${claim.triesLeft} 次`
          : '用户名或密码错误，该账号在当前网络地址已临时锁定',
      );
    }
    await checkSecondFactor(ctx, actor, row, input.totp);
  }
  if (!toBoolean(row.is_active)) {
    await deny(ctx, actor, username, 'ACCOUNT_DISABLED');
    throw new AppError('ACCOUNT_DISABLED');
  }
  // A demo password is public: outside demo mode its account must choose its own first.
  const mustChange = toBoolean(row.must_change_password) || (!ctx.config.demo && input.password === DEMO_PASSWORD);
  return openSession(ctx, actor, { ...row, must_change_password: mustChange ? 1 : 0 }, claim.isAccountLocked);
}

async function checkSecondFactor(
  ctx: AppContext,
  actor: Actor,
  row: users.UserRow,
  code: string | undefined,
): Promise<void> {
  if (!ROLE_DEFINITIONS[row.role as Role].requiresTotp) return;
  if (!row.totp_secret_enc) throw new AppError('TOTP_INVALID', '该账号尚未绑定动态验证码，请联系系统管理员');
  if (!code) {
    await releaseClaims(ctx, toNumber(row.id), actor.ip);
    throw new AppError('TOTP_REQUIRED');
  }
  if (!(await acceptTotp(ctx, row, code))) {
    await recordFailure(ctx, actor, row.username, 'TOTP_INVALID');
    throw new AppError('TOTP_INVALID', '动态验证码错误、已过期或已使用过，请输入验证器上的新验证码');
  }
}

/**
 * Checks a TOTP code against real time — never the demo clock, which moves business dates only
 * — and accepts its time step once: a code already used, or older than one used, is refused.
 */
export async function acceptTotp(ctx: AppContext, row: users.UserRow, code: string | undefined): Promise<boolean> {
  if (!row.totp_secret_enc || !code) return false;
  const step = matchTotpStep(ctx.cipher.decrypt(row.totp_secret_enc), code, new Date());
  return step !== null && (await users.acceptTotpStep(ctx.db, toNumber(row.id), step));
}

async function openSession(
  ctx: AppContext,
  actor: Actor,
  row: users.UserRow,
  isUnlock: boolean,
): Promise<{ user: CurrentUser; token: string }> {
  const settings = loadSecuritySettings();
  const now = ctx.clock();
  const token = randomBytes(32).toString('base64url');
  const user = toCurrentUser(row, 'session');
  await ctx.db.transaction().execute(async (trx) => {
    await forgetFailures(ctx, trx, user.id, actor.ip);
    if (user.mustChangePassword) await users.updateUser(trx, user.id, { must_change_password: 1 });
    await sessions.insertSession(trx, {
      id: sm3Hex(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + settings.sessionAbsoluteHours * 3_600_000).toISOString(),
      ip: actor.ip,
      revoked_at: null,
    });
    const details = {
      ...(isUnlock ? { unlocked: true } : {}),
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    };
    await appendAudit(
      trx,
      ctx.dialect,
      { ...actor, user },
      {
        action: 'auth.login',
        outcome: 'success',
        objectType: 'user',
        objectId: row.username,
        ...(Object.keys(details).length > 0 ? { details } : {}),
      },
      now,
    );
  });
  return { user, token };
}

async function recordFailure(ctx: AppContext, actor: Actor, username: string, reason: string): Promise<void> {
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'auth.login',
      outcome: 'failure',
      objectType: 'user',
      objectId: username,
      actorName: username,
      details: { reason },
    },
    ctx.clock(),
  );
}

async function deny(ctx: AppContext, actor: Actor, username: string, reason: string): Promise<void> {
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'auth.login',
      outcome: 'denied',
      objectType: 'user',
      objectId: username,
      actorName: username,
      details: { reason },
    },
    ctx.clock(),
  );
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
    ...(toBoolean(row.must_change_password) ? { mustChangePassword: true } : {}),
  };
}
