import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { SessionTable } from './accounts.table.ts';

export type SessionRow = Selectable<SessionTable>;

export async function insertSession(db: Db, values: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('sessions').values(values).execute();
}

export function findActiveSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function revokeUserSessions(db: Db, userId: number, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function insertLoginAttempt(db: Db, username: string, succeeded: boolean, at: string, ip: string | null): Promise<void> {
  await db.insertInto('login_attempts').values({ username, at, succeeded: succeeded ? 1 : 0, ip }).execute();
}

/** Failures since `since` that came after the user's last success (or clearing by secadmin). */
export async function recentFailures(db: Db, username: string, since: string): Promise<{ count: number; last: string | null }> {
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('username', '=', username)
    .where('succeeded', '=', 1)
    .executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('at').as('last')])
    .where('username', '=', username)
    .where('succeeded', '=', 0)
    .where('at', '>', from)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), last: row.last ?? null };
}

/** Usernames with at least `limit` failures since `since` (candidates for a lockout list). */
export async function usernamesWithFailures(db: Db, since: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('login_attempts')
    .select('username')
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .groupBy('username')
    .having((eb) => eb.fn.countAll(), '>=', limit)
    .execute();
  return rows.map((r) => r.username);
}
