import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { scoped, type CaseScope } from './cases.repository.ts';

/** SQL of 公示: the cases in their notice window and the objections against them. */

/** Approved cases whose 公示 window includes the date (enterprise name and amount only). */
export async function findPublicNotices(db: Db, today: string, offset: number, limit: number) {
  const base = db
    .selectFrom('benefit_cases')
    .where('state', '=', 'approved')
    .where('publicity_from', '<=', today)
    .where('publicity_until', '>=', today);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'id',
      'policy_code',
      'period',
      'enterprise_name',
      'city_code',
      'amount_fen',
      'publicity_from',
      'publicity_until',
    ])
    .orderBy('publicity_from', 'desc')
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
  return { rows, total: toNumber(total.n as number) };
}

/** Files an objection. */
export async function insertObjection(
  db: Db,
  row: { case_id: number; text: ''; text_enc: string; created_at: string },
): Promise<number> {
  const inserted = await db
    .insertInto('benefit_objections')
    .values({ ...row, status: 'open', resolution: null, resolved_by: null, resolved_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

/** One objection with its case's region. */
export function findObjection(db: Db, id: number) {
  return db
    .selectFrom('benefit_objections as o')
    .innerJoin('benefit_cases as c', 'c.id', 'o.case_id')
    .select(['o.id', 'o.case_id', 'o.status', 'o.text', 'o.text_enc', 'c.region_code'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** Resolves an open objection; false when it was already resolved. */
export async function resolveObjectionRow(
  db: Db,
  id: number,
  patch: { status: 'upheld' | 'dismissed'; resolution: string; resolved_by: number; resolved_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('benefit_objections')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A page of objections with their cases in a scope, newest first; `resolved` means upheld or dismissed. */
export async function findObjections(
  db: Db,
  scope: CaseScope,
  status: 'open' | 'resolved' | undefined,
  offset: number,
  limit: number,
) {
  let base = scoped(
    db.selectFrom('benefit_objections').innerJoin('benefit_cases', 'benefit_cases.id', 'benefit_objections.case_id'),
    scope,
  );
  if (status === 'open') base = base.where('benefit_objections.status', '=', 'open');
  if (status === 'resolved') base = base.where('benefit_objections.status', 'in', ['upheld', 'dismissed']);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'benefit_objections.id',
      'benefit_objections.case_id',
      'benefit_objections.text',
      'benefit_objections.text_enc',
      'benefit_objections.status',
      'benefit_objections.resolution',
      'benefit_objections.created_at',
      'benefit_objections.resolved_at',
      'benefit_cases.policy_code',
      'benefit_cases.period',
      'benefit_cases.enterprise_name',
      'benefit_cases.region_code',
      'benefit_cases.city_code',
      'benefit_cases.amount_fen',
      'benefit_cases.state',
    ])
    .orderBy('benefit_objections.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return { rows, total: toNumber(total.n as number) };
}
