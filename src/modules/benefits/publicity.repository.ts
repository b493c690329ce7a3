import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';

/** SQL of 公示: the cases in their notice window and the objections against them. */

/** Approved cases whose 公示 window includes the date (enterprise name and amount only). */
export async function findPublicNotices(db: Db, today: string, offset: number, limit: number) {
  const base = db.selectFrom('benefit_cases').where('state', '=', 'approved').where('publicity_from', '<=', today).where('publicity_until', '>=', today);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base.select(['id', 'policy_code', 'period', 'enterprise_name', 'city_code', 'amount_fen', 'publicity_from', 'publicity_until'])
    .orderBy('publicity_from', 'desc').orderBy('id').offset(offset).limit(limit).execute();
  return { rows, total: toNumber(total.n as number) };
}

/** Files an objection. */
export async function insertObjection(db: Db, row: { case_id: number; text: string; created_at: string }): Promise<number> {
  const inserted = await db.insertInto('benefit_objections').values({ ...row, status: 'open', resolution: null, resolved_by: null, resolved_at: null }).returning('id').executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

/** One objection with its case's region. */
export function findObjection(db: Db, id: number) {
  return db.selectFrom('benefit_objections as o').innerJoin('benefit_cases as c', 'c.id', 'o.case_id')
    .select(['o.id', 'o.case_id', 'o.status', 'c.region_code']).where('o.id', '=', id).executeTakeFirst();
}

/** Resolves an open objection; false when it was already resolved. */
export async function resolveObjectionRow(db: Db, id: number, patch: { status: 'upheld' | 'dismissed'; resolution: string; resolved_by: number; resolved_at: string }): Promise<boolean> {
  const result = await db.updateTable('benefit_objections').set(patch).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
