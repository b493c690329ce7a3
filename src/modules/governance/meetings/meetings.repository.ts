import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { GovernanceMeetingActionTable, GovernanceMeetingTable } from './meetings.table.ts';

/** SQL of 部门会商 meetings and their action items. */

export function listMeetingRows(db: Db, regionCodes: readonly string[] | 'all') {
  let query = db
    .selectFrom('governance_meetings as m')
    .leftJoin('regions as r', 'r.code', 'm.region_code')
    .select([
      'm.id',
      'm.region_code',
      'r.name as region_name',
      'm.held_on',
      'm.title',
      'm.attendees',
      'm.topics',
      'm.decisions',
      'm.created_at',
    ]);
  if (regionCodes !== 'all') query = query.where('m.region_code', 'in', regionCodes.length ? [...regionCodes] : ['']);
  return query.orderBy('m.held_on', 'desc').orderBy('m.id', 'desc').execute();
}
export type MeetingRow = Awaited<ReturnType<typeof listMeetingRows>>[number];

export function listActionRows(db: Db, meetingIds: readonly number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('governance_meeting_actions as a')
    .leftJoin('users as u', 'u.id', 'a.done_by')
    .select([
      'a.id',
      'a.meeting_id',
      'a.task',
      'a.owner_unit',
      'a.owner_name',
      'a.due_on',
      'a.state',
      'a.done_at',
      'a.done_note',
      'u.display_name as done_by_name',
    ])
    .where('a.meeting_id', 'in', [...meetingIds])
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
}
export type ActionRow = Awaited<ReturnType<typeof listActionRows>>[number];

export async function insertMeeting(
  db: Db,
  meeting: Insertable<GovernanceMeetingTable>,
  actions: Omit<Insertable<GovernanceMeetingActionTable>, 'meeting_id'>[],
): Promise<number> {
  const inserted = await db.insertInto('governance_meetings').values(meeting).returning('id').executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  if (actions.length)
    await db
      .insertInto('governance_meeting_actions')
      .values(actions.map((a) => ({ ...a, meeting_id: id })))
      .execute();
  return id;
}

export function findActionMeeting(db: Db, actionId: number) {
  return db
    .selectFrom('governance_meeting_actions as a')
    .innerJoin('governance_meetings as m', 'm.id', 'a.meeting_id')
    .select(['a.id', 'a.meeting_id', 'a.state', 'm.region_code'])
    .where('a.id', '=', actionId)
    .executeTakeFirst();
}

/** Marks an open action done; answers whether it was still open. */
export async function markActionDone(db: Db, id: number, done: { at: string; by: number; note: string }) {
  const result = await db
    .updateTable('governance_meeting_actions')
    .set({ state: 'done', done_at: done.at, done_by: done.by, done_note: done.note })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
