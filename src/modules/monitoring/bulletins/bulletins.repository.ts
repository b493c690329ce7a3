import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { MonitoringBulletinTable } from '../monitoring.table.ts';

/** SQL of the stored 通报 records. */

const LISTED = [
  'id',
  'period',
  'region_code',
  'region_name',
  'trigger',
  'status',
  'summary',
  'error',
  'has_data',
  'created_by',
  'created_at',
  'finished_at',
] as const;

/** Records a bulletin being generated; returns its id. */
export async function insertBulletin(db: Db, row: Insertable<MonitoringBulletinTable>): Promise<number> {
  const inserted = await db.insertInto('monitoring_bulletins').values(row).returning('id').executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

/**
 * Claims a scheduled bulletin: the unique schedule key lets exactly one process insert it;
 * the others get undefined. A claim left 'generating' past `staleBefore` (its process died)
 * is taken over by an update that only one process can win.
 */
export async function claimScheduledBulletin(
  db: Db,
  row: Insertable<MonitoringBulletinTable> & { schedule_key: string },
  staleBefore: string,
): Promise<number | undefined> {
  const inserted = await db
    .insertInto('monitoring_bulletins')
    .values(row)
    .onConflict((oc) => oc.column('schedule_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return toNumber(inserted.id);
  const taken = await db
    .updateTable('monitoring_bulletins')
    .set({ claimed_at: row.claimed_at })
    .where('schedule_key', '=', row.schedule_key)
    .where('status', '=', 'generating')
    .where('claimed_at', '<', staleBefore)
    .returning('id')
    .executeTakeFirst();
  return taken ? toNumber(taken.id) : undefined;
}

/** Stores the outcome of a generation. */
export async function updateBulletin(db: Db, id: number, values: Updateable<MonitoringBulletinTable>): Promise<void> {
  await db.updateTable('monitoring_bulletins').set(values).where('id', '=', id).execute();
}

/** What the bulletin list is narrowed to: regions, a year or a month of a year, and whether months without data show. */
export interface BulletinFilter {
  regionCodes?: readonly string[];
  period?: number;
  year?: number;
  month?: number;
  includeEmpty?: boolean;
}

/** A page of bulletins, the latest generated first (a new one heads the list), narrowed by the filter. */
export async function listBulletinRows(db: Db, filter: BulletinFilter, offset: number, limit: number) {
  let query = db.selectFrom('monitoring_bulletins');
  if (filter.regionCodes)
    query = query.where('region_code', 'in', filter.regionCodes.length ? [...filter.regionCodes] : ['-']);
  if (filter.period) query = query.where('period', '=', filter.period);
  if (filter.year && filter.month) query = query.where('period', '=', filter.year * 100 + filter.month);
  else if (filter.year)
    query = query.where('period', '>=', filter.year * 100 + 1).where('period', '<=', filter.year * 100 + 12);
  // A month alone: that month of every year (period mod 100, written as arithmetic both databases share).
  else if (filter.month) query = query.where(sql<number>`period - (period / 100) * 100`, '=', filter.month);
  if (!filter.includeEmpty) query = query.where('has_data', '=', 1);
  const total = await query.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([...LISTED])
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: toNumber(total.n) };
}

export type BulletinListRow = Awaited<ReturnType<typeof listBulletinRows>>['rows'][number];

/** One bulletin with its content and page. */
export function findBulletin(db: Db, id: number) {
  return db.selectFrom('monitoring_bulletins').selectAll().where('id', '=', id).executeTakeFirst();
}
