import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { JobSeekerCodeTable, JobSeekerTable } from './seekers.table.ts';

/** All SQL of job seekers: verification codes and profiles. */

export async function insertCode(db: Db, row: Insertable<JobSeekerCodeTable>): Promise<number> {
  const inserted = await db.insertInto('job_seeker_codes').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** The newest code sent to a contact. */
export async function findLatestCode(db: Db, contactIndex: string) {
  return db
    .selectFrom('job_seeker_codes')
    .selectAll()
    .where('contact_index', '=', contactIndex)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Counts one wrong try, only while the code is still open; answers the tries now used. */
export async function countCodeAttempt(db: Db, id: number): Promise<void> {
  await db
    .updateTable('job_seeker_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .execute();
}

/** Uses a code once: false when another request used it first. */
export async function consumeCode(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('job_seeker_codes')
    .set({ consumed_at: at })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findSeekerByContactIndex(db: Db, index: string) {
  return db
    .selectFrom('job_seekers')
    .selectAll()
    .where((eb) => eb.or([eb('phone_index', '=', index), eb('email_index', '=', index)]))
    .executeTakeFirst();
}

export async function insertSeeker(db: Db, row: Insertable<JobSeekerTable>): Promise<number> {
  const inserted = await db.insertInto('job_seekers').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function findSeekerByUser(db: Db, userId: number) {
  return db.selectFrom('job_seekers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function findSeeker(db: Db, id: number) {
  return db.selectFrom('job_seekers').selectAll().where('id', '=', id).executeTakeFirst();
}

export type SeekerRow = NonNullable<Awaited<ReturnType<typeof findSeeker>>>;

export async function findSeekers(db: Db, ids: number[]): Promise<SeekerRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('job_seekers').selectAll().where('id', 'in', ids).execute();
}

export async function updateSeeker(db: Db, id: number, row: Updateable<JobSeekerTable>): Promise<void> {
  await db.updateTable('job_seekers').set(row).where('id', '=', id).execute();
}

/** Job-seeker accounts written in one statement (the demo's, and the import's without a password). */
export async function insertSeekerAccounts(
  db: Db,
  rows: {
    username: string;
    display_name: string;
    password_hash: string;
    phone_enc: string | null;
    phone_index: string | null;
    at: string;
  }[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const inserted = await db
    .insertInto('users')
    .values(
      rows.map((r) => ({
        username: r.username,
        display_name: r.display_name,
        role: 'job_seeker',
        region_code: null,
        uscc: null,
        password_hash: r.password_hash,
        totp_secret_enc: null,
        phone_enc: r.phone_enc,
        phone_index: r.phone_index,
        can_view_personal: 0,
        is_active: 1,
        created_at: r.at,
        updated_at: r.at,
      })),
    )
    .returning(['id', 'username'])
    .execute();
  return new Map(inserted.map((r) => [r.username, Number(r.id)]));
}

/**
 * The password hash of a job-seeker account nobody has claimed yet: a seeker imported from 就在江苏 /
 * 苏心聘 has an account but no password (no password verifies against it) until its owner proves the
 * phone or e-mail on file with a verification code and chooses one.
 */
export const UNCLAIMED_PASSWORD_HASH = '';

/** Whether the seeker's account has a password (registered here, or claimed after an import). */
export async function isAccountClaimed(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row !== undefined && row.password_hash !== UNCLAIMED_PASSWORD_HASH;
}

export async function findSeekerBySourceKey(db: Db, sourceKey: string) {
  return db.selectFrom('job_seekers').selectAll().where('source_key', '=', sourceKey).executeTakeFirst();
}

export async function findUserIdByUsername(db: Db, username: string): Promise<number | undefined> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** The account's sign-in name, name and phone follow an unclaimed imported seeker's changed record. */
export async function updateSeekerAccount(
  db: Db,
  userId: number,
  row: { username: string; display_name: string; phone_enc: string | null; phone_index: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      username: row.username,
      display_name: row.display_name,
      phone_enc: row.phone_enc,
      phone_index: row.phone_index,
      updated_at: row.at,
    })
    .where('id', '=', userId)
    .execute();
}

/** The owner of an imported seeker's account sets its first password (and the name they go by). */
export async function claimSeekerAccount(
  db: Db,
  userId: number,
  row: { password_hash: string; display_name: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({
      password_hash: row.password_hash,
      display_name: row.display_name,
      password_changed_at: row.at,
      updated_at: row.at,
    })
    .where('id', '=', userId)
    .where('password_hash', '=', UNCLAIMED_PASSWORD_HASH)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
