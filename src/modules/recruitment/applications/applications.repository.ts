import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { ApplicationStatus, JobApplicationTable, JobInterviewTable } from './applications.table.ts';

/** All SQL of applications: a seeker's own, an enterprise's applicants, the counts per posting. */

export async function findPublishedPosting(db: Db, id: number) {
  return db
    .selectFrom('job_postings as p')
    .leftJoin('enterprises as e', 'e.uscc', 'p.uscc')
    .select(['p.id', 'p.uscc', 'p.title', 'p.status', 'p.valid_until', 'e.name as enterprise_name'])
    .where('p.id', '=', id)
    .where('p.status', '=', 'published')
    .executeTakeFirst();
}

export async function findApplicationOf(db: Db, postingId: number, seekerId: number) {
  return db
    .selectFrom('job_applications')
    .select('id')
    .where('posting_id', '=', postingId)
    .where('seeker_id', '=', seekerId)
    .executeTakeFirst();
}

/** Inserts once per posting and seeker; answers undefined when the pair already exists. */
export async function insertApplication(db: Db, row: Insertable<JobApplicationTable>): Promise<number | undefined> {
  const inserted = await db
    .insertInto('job_applications')
    .values(row)
    .onConflict((oc) => oc.columns(['posting_id', 'seeker_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? Number(inserted.id) : undefined;
}

function withPosting(db: Db) {
  return db
    .selectFrom('job_applications as a')
    .innerJoin('job_postings as p', 'p.id', 'a.posting_id')
    .leftJoin('enterprises as e', 'e.uscc', 'a.uscc')
    .select([
      'a.id',
      'a.posting_id',
      'a.seeker_id',
      'a.uscc',
      'a.status',
      'a.created_at',
      'a.updated_at',
      'a.viewed_at',
      'a.interview_at',
      'a.decided_at',
      'p.title as posting_title',
      'p.region_code',
      'e.name as enterprise_name',
    ]);
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function findApplication(db: Db, id: number) {
  return withPosting(db).where('a.id', '=', id).executeTakeFirst();
}

export async function listSeekerApplications(
  db: Db,
  seekerId: number,
  filter: { postingId?: number; limit: number; offset: number },
) {
  let counted = db.selectFrom('job_applications').where('seeker_id', '=', seekerId);
  if (filter.postingId) counted = counted.where('posting_id', '=', filter.postingId);
  const total = await counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = withPosting(db).where('a.seeker_id', '=', seekerId);
  if (filter.postingId) rows = rows.where('a.posting_id', '=', filter.postingId);
  return {
    rows: await rows
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    total: Number(total.n),
  };
}

export async function listEnterpriseApplications(
  db: Db,
  uscc: string,
  filter: { postingId?: number; status?: ApplicationStatus; limit: number; offset: number },
) {
  let q = db.selectFrom('job_applications').where('uscc', '=', uscc);
  if (filter.postingId) q = q.where('posting_id', '=', filter.postingId);
  if (filter.status) q = q.where('status', '=', filter.status);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = withPosting(db).where('a.uscc', '=', uscc);
  if (filter.postingId) rows = rows.where('a.posting_id', '=', filter.postingId);
  if (filter.status) rows = rows.where('a.status', '=', filter.status);
  return {
    rows: await rows
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    total: Number(total.n),
  };
}

/** Applications per posting and state, for the enterprise's own postings. */
export async function countByPosting(db: Db, uscc: string) {
  return db
    .selectFrom('job_applications as a')
    .innerJoin('job_postings as p', 'p.id', 'a.posting_id')
    .select(['a.posting_id', 'p.title', 'a.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.uscc', '=', uscc)
    .groupBy(['a.posting_id', 'p.title', 'a.status'])
    .orderBy('a.posting_id', 'desc')
    .execute();
}

/** Moves an application from one state to the next; false when another request moved it first. */
export async function moveApplication(
  db: Db,
  id: number,
  from: ApplicationStatus,
  row: Updateable<JobApplicationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('job_applications')
    .set(row)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertInterview(db: Db, row: Insertable<JobInterviewTable>): Promise<number> {
  const inserted = await db.insertInto('job_interviews').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export type InterviewRow = Selectable<JobInterviewTable>;

/** Every interview arranged for these applications, newest first (the first per application is in force). */
export async function listInterviews(db: Db, applicationIds: readonly number[]): Promise<InterviewRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('job_interviews')
    .selectAll()
    .where('application_id', 'in', [...applicationIds])
    .orderBy('application_id')
    .orderBy('id', 'desc')
    .execute();
}
