import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { UserTable } from './accounts.table.ts';

export type UserRow = Selectable<UserTable>;

export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, values: Insertable<UserTable>): Promise<UserRow> {
  return db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

export interface UserFilter {
  q?: string;
  /** An account name matched exactly too (a job seeker's, derived from the phone or e-mail typed). */
  username?: string;
  role?: string;
}

function filteredUsers(db: Db, filter: UserFilter) {
  let query = db.selectFrom('users');
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.q) {
    const pattern = `%${filter.q}%`;
    const exact = filter.username;
    query = query.where((eb) =>
      eb.or([
        eb('username', 'like', pattern),
        eb('display_name', 'like', pattern),
        ...(exact ? [eb('username', '=', exact)] : []),
      ]),
    );
  }
  return query;
}

export async function listUsers(db: Db, filter: UserFilter, offset: number, limit: number) {
  const [items, count] = await Promise.all([
    // A job seeker's account carries no e-mail; its seeker record does (for the masked login name).
    filteredUsers(db, filter)
      .leftJoin('job_seekers as seeker', 'seeker.user_id', 'users.id')
      .selectAll('users')
      .select('seeker.email_enc as seeker_email_enc')
      .orderBy('users.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    filteredUsers(db, filter)
      .select((eb) => eb.fn.countAll().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

export function countUsers(db: Db) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Db,
  id: number,
  values: Partial<Insertable<UserTable>>,
): Promise<UserRow | undefined> {
  return db.updateTable('users').set(values).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Active commissioners whose region is one of these codes. */
export function listActiveCommissioners(db: Db, regionCodes: readonly string[] | 'all') {
  let query = db
    .selectFrom('users')
    .select(['id', 'display_name', 'region_code'])
    .where('role', '=', 'commissioner')
    .where('is_active', '=', 1);
  if (regionCodes !== 'all') query = query.where('region_code', 'in', regionCodes.length > 0 ? [...regionCodes] : ['']);
  return query.orderBy('display_name').execute();
}

/**
 * Accepts a TOTP time step once per account: one conditional update, so two concurrent logins
 * with the same code cannot both pass, and a code older than the last accepted one is refused.
 */
export async function acceptTotpStep(db: Db, id: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The sealed contacts of job-seeker accounts by username (their masked login names in the audit log). */
export async function findSeekerContacts(db: Db, usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  return db
    .selectFrom('users')
    .leftJoin('job_seekers as seeker', 'seeker.user_id', 'users.id')
    .select(['users.username', 'users.phone_enc', 'seeker.phone_enc as seeker_phone_enc', 'seeker.email_enc'])
    .where('users.role', '=', 'job_seeker')
    .where('users.username', 'in', [...new Set(usernames)])
    .execute();
}
