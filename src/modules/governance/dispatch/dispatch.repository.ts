import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { DispatchRoundTable } from './dispatch.table.ts';

/** SQL of 调度 rounds and the cities' returns. */

export function listRoundRows(db: Db) {
  return db
    .selectFrom('dispatch_rounds as d')
    .leftJoin('users as u', 'u.id', 'd.opened_by')
    .select([
      'd.id',
      'd.title',
      'd.period',
      'd.items',
      'd.prefill',
      'd.deadline',
      'd.deadline_provisional',
      'd.state',
      'd.opened_at',
      'u.display_name as opened_by_name',
    ])
    .orderBy('d.id', 'desc')
    .execute();
}
export type RoundRow = Awaited<ReturnType<typeof listRoundRows>>[number];

export async function findRoundRow(db: Db, id: number): Promise<RoundRow | undefined> {
  return (await listRoundRows(db)).find((r) => Number(r.id) === id);
}

export async function insertRound(db: Db, row: Insertable<DispatchRoundTable>): Promise<number> {
  const inserted = await db.insertInto('dispatch_rounds').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function closeRound(db: Db, id: number): Promise<boolean> {
  const result = await db
    .updateTable('dispatch_rounds')
    .set({ state: 'closed' })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listReturnRows(db: Db, roundIds: readonly number[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dispatch_returns as r')
    .leftJoin('users as u', 'u.id', 'r.submitted_by')
    .select([
      'r.round_id',
      'r.region_code',
      'r.answers',
      'r.submitted_at',
      'r.is_late',
      'u.display_name as submitted_by_name',
    ])
    .where('r.round_id', 'in', [...roundIds])
    .execute();
}

/** Writes a city's return (a second return replaces the first, keeping whether the first was late). */
export async function upsertReturn(
  db: Db,
  row: {
    round_id: number;
    region_code: string;
    answers: string;
    submitted_at: string;
    submitted_by: number;
    is_late: number;
  },
): Promise<void> {
  await db
    .insertInto('dispatch_returns')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['round_id', 'region_code']).doUpdateSet({
        answers: row.answers,
        submitted_at: row.submitted_at,
        submitted_by: row.submitted_by,
      }),
    )
    .execute();
}

/** Open rounds, oldest first (for the deadline notices). */
export async function listOpenRoundRows(db: Db): Promise<RoundRow[]> {
  return (await listRoundRows(db)).filter((r) => r.state === 'open').reverse();
}
