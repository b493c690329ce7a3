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

/** Accounts of demo job seekers, written in one statement (the demo's own path; people register themselves). */
export async function insertSeekerAccounts(
  db: Db,
  rows: {
    username: string;
    display_name: string;
    password_hash: string;
    phone_enc: string;
    phone_index: string;
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
