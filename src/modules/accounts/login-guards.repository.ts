import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface GuardKey {
  key: string;
  userId: number | null;
  ip: string | null;
}

export interface GuardRule {
  /** Failures allowed in the window; the claim that reaches it locks the counter. */
  limit: number;
  /** Failures before this instant no longer count. */
  windowStart: string;
  now: string;
  /** When a lock ends, by the number of locks before it (the last one repeats). */
  lockUntil: readonly string[];
}

export interface GuardState {
  failures: number;
  lockedUntil: string | null;
}

/**
 * Claims one attempt on a counter in one conditional upsert: the attempt counts as a failure
 * until it succeeds, so concurrent attempts can never claim more than `limit`. Answers
 * undefined, writing nothing, when the counter is locked or full.
 */
export async function claimAttempt(db: Db, guard: GuardKey, rule: GuardRule): Promise<GuardState | undefined> {
  const fresh = sql<boolean>`(login_guards.window_started_at <= ${rule.windowStart} or login_guards.locked_until is not null)`;
  const next = sql<number>`(case when ${fresh} then 1 else login_guards.failures + 1 end)`;
  const steps = rule.lockUntil.slice(0, -1).map((until, count) => sql`when ${count} then cast(${until} as text)`);
  const lastStep = sql`cast(${rule.lockUntil[rule.lockUntil.length - 1]} as text)`;
  const lockUntil =
    steps.length > 0 ? sql`(case login_guards.lock_count ${sql.join(steps, sql` `)} else ${lastStep} end)` : lastStep;
  const result = await sql<{ failures: number; locked_until: string | null }>`
    insert into login_guards (key, user_id, ip, failures, window_started_at, locked_until, lock_count, updated_at)
    values (${guard.key}, ${guard.userId}, ${guard.ip}, 1, ${rule.now}, null, 0, ${rule.now})
    on conflict (key) do update set
      failures = ${next},
      window_started_at = case when ${fresh} then ${rule.now} else login_guards.window_started_at end,
      locked_until = case when ${next} >= ${rule.limit} then ${lockUntil} else null end,
      lock_count = case when ${next} >= ${rule.limit} then login_guards.lock_count + 1 else login_guards.lock_count end,
      updated_at = ${rule.now}
    where (login_guards.locked_until is null or login_guards.locked_until <= ${rule.now})
      and (${fresh} or login_guards.failures < ${rule.limit})
    returning failures, locked_until`.execute(db);
  const row = result.rows[0];
  return row ? { failures: Number(row.failures), lockedUntil: row.locked_until } : undefined;
}

/** A counter as it stands (for the message of a refused attempt). */
export async function findGuard(db: Db, key: string): Promise<GuardState | undefined> {
  const row = await db
    .selectFrom('login_guards')
    .select(['failures', 'locked_until'])
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { failures: Number(row.failures), lockedUntil: row.locked_until } : undefined;
}

/** Gives a claimed attempt back (a success on a counter that only counts failures). */
export async function releaseAttempt(db: Db, key: string, limit: number): Promise<void> {
  await db
    .updateTable('login_guards')
    .set((eb) => ({
      failures: eb('failures', '-', 1),
      locked_until: sql<string | null>`case when failures - 1 < ${limit} then null else locked_until end`,
    }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Forgets counters: a success, a password reset or the security administrator's unlock. */
export async function deleteGuards(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .deleteFrom('login_guards')
    .where('key', 'in', [...keys])
    .execute();
}

/** Forgets every counter of an account (all sources). */
export async function deleteAccountGuards(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('login_guards').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Account counters locked now, with their usernames, for the security administrator. */
export function listLockedAccountGuards(db: Db, now: string) {
  return db
    .selectFrom('login_guards')
    .innerJoin('users', 'users.id', 'login_guards.user_id')
    .select([
      'users.username',
      'login_guards.ip',
      'login_guards.failures',
      'login_guards.locked_until',
      'login_guards.lock_count',
    ])
    .where('login_guards.locked_until', '>', now)
    .orderBy('login_guards.locked_until', 'desc')
    .execute();
}
