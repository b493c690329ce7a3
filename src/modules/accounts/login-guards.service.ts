import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { loadSecuritySettings } from '../../platform/security-settings.ts';
import { beijingMinute } from '../../platform/time.ts';
import * as guards from './login-guards.repository.ts';

/**
 * Login failure handling (ADR 0005, GB/T 22239-2019 8.1.4.1 b)). Three counters in the database,
 * shared by every server process: an account from one source address (locks that source, each
 * lock twice as long as the one before), an account from every address (locks the account; its
 * owner passes with password and TOTP together) and a source address across usernames (pauses
 * the address). Each attempt claims its counters first with one conditional upsert and counts
 * as a failure until it succeeds, so concurrent attempts never get more than the limit.
 */

const sourceKey = (userId: number, ip: string) => `account:${userId}@${ip}`;
const accountKey = (userId: number) => `account:${userId}`;
const ipKey = (ip: string) => `ip:${ip}`;
const sourceOf = (ip: string | null) => ip ?? 'unknown';

export interface ClaimedAccountAttempt {
  /** Tries left from this source after this one fails. */
  triesLeft: number;
  /** The account is locked from every source: only password and TOTP together let its owner in. */
  isAccountLocked: boolean;
}

function rules(ctx: AppContext) {
  const settings = loadSecuritySettings();
  const now = ctx.clock();
  const windowStart = new Date(now.getTime() - settings.loginFailureWindowMinutes * 60_000).toISOString();
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const lockSteps: string[] = [];
  for (let minutes = settings.loginLockMinutes; ; minutes *= 2) {
    lockSteps.push(at(Math.min(minutes, settings.loginLockMaxMinutes)));
    if (minutes >= settings.loginLockMaxMinutes) break;
  }
  return {
    settings,
    account: { limit: settings.loginFailureLimit, windowStart, now: now.toISOString(), lockUntil: lockSteps },
    everySource: {
      limit: settings.loginAccountFailureLimit,
      windowStart,
      now: now.toISOString(),
      lockUntil: lockSteps,
    },
    ip: {
      limit: settings.loginIpFailureLimit,
      windowStart,
      now: now.toISOString(),
      lockUntil: [at(settings.loginFailureWindowMinutes)],
    },
  };
}

/** Claims an attempt for a source address across usernames; refuses a paused address with 429. */
export async function claimAddressAttempt(ctx: AppContext, ip: string | null): Promise<void> {
  const source = sourceOf(ip);
  const claimed = await guards.claimAttempt(ctx.db, { key: ipKey(source), userId: null, ip: source }, rules(ctx).ip);
  if (claimed) return;
  const until = (await guards.findGuard(ctx.db, ipKey(source)))?.lockedUntil;
  throw new AppError(
    'RATE_LIMITED',
    `来自您所在网络地址的登录失败次数过多，请于 ${until ? formatShanghaiTime(new Date(until)) : '稍后'} 后再试`,
  );
}

/**
 * Claims an attempt on an account from a source. A locked source is refused at once (423). A
 * locked account lets the attempt through only for an account with TOTP (the owner's unlock);
 * otherwise nothing is counted and the attempt is refused.
 */
export async function claimAccountAttempt(
  ctx: AppContext,
  userId: number,
  ip: string | null,
  hasTotp: boolean,
): Promise<ClaimedAccountAttempt> {
  const r = rules(ctx);
  const source = sourceOf(ip);
  const outcome = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const fromSource = await guards.claimAttempt(
        trx,
        { key: sourceKey(userId, source), userId, ip: source },
        r.account,
      );
      if (!fromSource) return { refused: 'source' as const };
      const fromEverywhere = await guards.claimAttempt(
        trx,
        { key: accountKey(userId), userId, ip: null },
        r.everySource,
      );
      if (!fromEverywhere && !hasTotp) throw new LockedAccount();
      return { triesLeft: r.account.limit - fromSource.failures, isAccountLocked: !fromEverywhere };
    })
    .catch((error: unknown) => {
      if (error instanceof LockedAccount) return { refused: 'account' as const };
      throw error;
    });
  if (outcome.refused === undefined) return outcome;
  const key = outcome.refused === 'source' ? sourceKey(userId, source) : accountKey(userId);
  const until = (await guards.findGuard(ctx.db, key))?.lockedUntil;
  const when = until ? `至 ${formatShanghaiTime(new Date(until))}` : '';
  throw new AppError(
    'ACCOUNT_LOCKED',
    outcome.refused === 'source'
      ? `登录失败次数过多，该账号在您当前网络地址的登录已锁定${when}；可稍后再试，或请本单位安全管理员解除锁定`
      : `该账号多次登录失败，已锁定${when}；请联系本单位安全管理员解除锁定`,
  );
}

class LockedAccount extends Error {}

/** A success: the account's counters start again and the address gets its attempt back. */
export async function forgetFailures(ctx: AppContext, db: Db, userId: number, ip: string | null): Promise<void> {
  const source = sourceOf(ip);
  await guards.deleteGuards(db, [sourceKey(userId, source), accountKey(userId)]);
  await guards.releaseAttempt(db, ipKey(source), rules(ctx).ip.limit);
}

/**
 * Gives an attempt's claims back without a verdict (the right password, the code still to come
 * in the second step), so a two-step login costs an office behind one address nothing.
 */
export async function releaseClaims(ctx: AppContext, userId: number, ip: string | null): Promise<void> {
  const r = rules(ctx);
  const source = sourceOf(ip);
  await ctx.db.transaction().execute(async (trx) => {
    await guards.releaseAttempt(trx, sourceKey(userId, source), r.account.limit);
    await guards.releaseAttempt(trx, accountKey(userId), r.everySource.limit);
    await guards.releaseAttempt(trx, ipKey(source), r.ip.limit);
  });
}

/** The one form of a moment (2026-12-15 09:22), as on every page. */
export function formatShanghaiTime(at: Date): string {
  return beijingMinute(at)!;
}
