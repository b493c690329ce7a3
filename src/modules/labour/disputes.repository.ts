import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { LabourDisputeTable } from './labour.table.ts';

/** SQL of dispute cases and their parties. */

export interface DisputeFilter {
  /** Region codes in scope; null: the whole province. */
  regionCodes: string[] | null;
  stage?: string;
  uscc?: string;
  isAlertOpen?: boolean;
}

function filtered(db: Db, filter: DisputeFilter) {
  let query = db.selectFrom('labour_disputes');
  if (filter.regionCodes)
    query = query.where('region_code', 'in', filter.regionCodes.length ? filter.regionCodes : ['-']);
  if (filter.stage) query = query.where('stage', '=', filter.stage as LabourDisputeTable['stage']);
  if (filter.uscc) query = query.where('uscc', '=', filter.uscc);
  if (filter.isAlertOpen) query = query.where('alert_reason', 'is not', null).where('stage', '!=', 'closed');
  return query;
}

/** A page of cases, the latest received first. */
export async function findDisputePage(db: Db, filter: DisputeFilter, offset: number, limit: number) {
  const total = await filtered(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy('received_on', 'desc')
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return { rows, total: toNumber(total.n as number) };
}

export function findDispute(db: Db, id: number) {
  return db.selectFrom('labour_disputes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDispute(db: Db, row: Insertable<LabourDisputeTable>): Promise<number> {
  const inserted = await db.insertInto('labour_disputes').values(row).returning('id').executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

export async function updateDispute(db: Db, id: number, change: Updateable<LabourDisputeTable>): Promise<void> {
  await db.updateTable('labour_disputes').set(change).where('id', '=', id).execute();
}

/** How many cases were received in a year (for the next case number). */
export async function countDisputesOfYear(db: Db, year: number): Promise<number> {
  const row = await db
    .selectFrom('labour_disputes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('received_on', '>=', `${year}-01-01`)
    .where('received_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return toNumber(row.n as number);
}

export async function insertParties(
  db: Db,
  rows: { dispute_id: number; name_enc: string; id_number_enc: string | null; id_index: string | null }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('labour_dispute_parties').values(rows).execute();
}

export function findParties(db: Db, disputeId: number) {
  return db
    .selectFrom('labour_dispute_parties')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .orderBy('id')
    .execute();
}

/** The words of the most recent cases (for the similar-case ranking). */
export function findCaseTerms(db: Db, limit: number) {
  return db.selectFrom('labour_disputes').select(['id', 'terms']).orderBy('id', 'desc').limit(limit).execute();
}

/** Cases by id, for the similar-case list. */
export function findDisputesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('labour_disputes').selectAll().where('id', 'in', ids).execute();
}
