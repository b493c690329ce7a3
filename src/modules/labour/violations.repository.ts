import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { LabourViolationTable } from './labour.table.ts';

/** SQL of inspection records (柔性执法). */

export interface ViolationFilter {
  regionCodes: string[] | null;
  uscc?: string;
  outcome?: 'reminder' | 'normal';
}

function filtered(db: Db, filter: ViolationFilter) {
  let query = db.selectFrom('labour_violations');
  if (filter.regionCodes)
    query = query.where('region_code', 'in', filter.regionCodes.length ? filter.regionCodes : ['-']);
  if (filter.uscc) query = query.where('uscc', '=', filter.uscc);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  return query;
}

export async function findViolationPage(db: Db, filter: ViolationFilter, offset: number, limit: number) {
  const total = await filtered(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy('found_on', 'desc')
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return { rows, total: toNumber(total.n as number) };
}

/** How many violations an enterprise has on record found on or after a date. */
export async function countViolationsSince(db: Db, uscc: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('labour_violations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('uscc', '=', uscc)
    .where('found_on', '>=', since)
    .executeTakeFirstOrThrow();
  return toNumber(row.n as number);
}

export async function insertViolation(db: Db, row: Insertable<LabourViolationTable>): Promise<number> {
  const inserted = await db.insertInto('labour_violations').values(row).returning('id').executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

export function findViolation(db: Db, id: number) {
  return db.selectFrom('labour_violations').selectAll().where('id', '=', id).executeTakeFirst();
}
