import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { KeyEnterpriseTable } from './enterprises.table.ts';

/** SQL of the key-enterprise lists (重点支持企业清单). */

/** Which lists a caller reads: all, those of some regions, or the entries assigned to one commissioner. */
export type KeyListScope =
  | { kind: 'all' }
  | { kind: 'regions'; codes: string[] }
  | { kind: 'assigned'; commissionerId: number }
  | { kind: 'none' };

function scoped(db: Db, scope: KeyListScope, region?: string, withoutCommissioner?: boolean) {
  let query = db
    .selectFrom('key_enterprises as k')
    .innerJoin('enterprises as e', 'e.uscc', 'k.uscc')
    .leftJoin('regions as r', 'r.code', 'k.region_code')
    .leftJoin('users as u', 'u.id', 'k.commissioner_id');
  if (scope.kind === 'regions') query = query.where('k.region_code', 'in', scope.codes.length > 0 ? scope.codes : ['']);
  if (scope.kind === 'assigned') query = query.where('k.commissioner_id', '=', scope.commissionerId);
  if (scope.kind === 'none') query = query.where('k.uscc', '=', '');
  if (region) query = query.where('k.region_code', '=', region);
  if (withoutCommissioner) query = query.where('k.commissioner_id', 'is', null);
  return query;
}

const COLUMNS = [
  'k.uscc',
  'k.region_code',
  'k.commissioner_id',
  'k.note',
  'k.added_at',
  'e.name',
  'e.tier',
  'e.region_code as enterprise_region_code',
  'r.name as region_name',
  'u.display_name as commissioner_name',
] as const;

/** A page of list entries in the scope (optionally one list), with names, ordered by list and credit code. */
export async function listKeyEnterpriseRows(
  db: Db,
  scope: KeyListScope,
  region: string | undefined,
  offset: number,
  limit: number,
  withoutCommissioner = false,
) {
  const count = await scoped(db, scope, region, withoutCommissioner)
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await scoped(db, scope, region, withoutCommissioner)
    .select(COLUMNS)
    .orderBy('k.region_code')
    .orderBy('k.uscc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: toNumber(count.total) };
}

export type KeyEnterpriseRow = Awaited<ReturnType<typeof listKeyEnterpriseRows>>['rows'][number];

/** One list entry with names, whatever list it is on. */
export function findKeyEnterpriseRow(db: Db, uscc: string): Promise<KeyEnterpriseRow | undefined> {
  return scoped(db, { kind: 'all' }).select(COLUMNS).where('k.uscc', '=', uscc).executeTakeFirst();
}

export async function insertKeyEnterprise(db: Db, row: Insertable<KeyEnterpriseTable>): Promise<void> {
  await db.insertInto('key_enterprises').values(row).execute();
}

export async function updateKeyEnterprise(
  db: Db,
  uscc: string,
  values: { commissioner_id: number | null; note?: string | null },
): Promise<void> {
  await db.updateTable('key_enterprises').set(values).where('uscc', '=', uscc).execute();
}

export async function deleteKeyEnterprise(db: Db, uscc: string): Promise<void> {
  await db.deleteFrom('key_enterprises').where('uscc', '=', uscc).execute();
}

/** An active commissioner account with its region, or undefined. */
export function findActiveCommissioner(db: Db, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'region_code'])
    .where('id', '=', id)
    .where('role', '=', 'commissioner')
    .where('is_active', '=', 1)
    .executeTakeFirst();
}

/** How many entries in the scope have no commissioner (every key enterprise must have one). */
export async function countKeyEnterprisesWithoutCommissioner(db: Db, scope: KeyListScope): Promise<number> {
  const row = await scoped(db, scope, undefined, true)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/**
 * Records who serves the enterprise from now: the open span is closed and, unless the entry
 * leaves the list (commissioner undefined), a new one opens with the commissioner (or none).
 */
export async function recordAssignment(
  db: Db,
  change: { uscc: string; listRegionCode: string; commissionerId?: number | null; at: string; by: number },
): Promise<void> {
  await db
    .updateTable('key_enterprise_assignments')
    .set({ until_at: change.at })
    .where('uscc', '=', change.uscc)
    .where('until_at', 'is', null)
    .execute();
  if (change.commissionerId === undefined) return;
  await db
    .insertInto('key_enterprise_assignments')
    .values({
      uscc: change.uscc,
      list_region_code: change.listRegionCode,
      commissioner_id: change.commissionerId,
      from_at: change.at,
      until_at: null,
      assigned_by: change.by,
    })
    .execute();
}

/** The commissioners an enterprise had, newest first, with names. */
export function findAssignmentHistory(db: Db, uscc: string) {
  return db
    .selectFrom('key_enterprise_assignments as a')
    .leftJoin('users as u', 'u.id', 'a.commissioner_id')
    .leftJoin('users as b', 'b.id', 'a.assigned_by')
    .select([
      'a.id',
      'a.uscc',
      'a.list_region_code',
      'a.commissioner_id',
      'u.display_name as commissioner_name',
      'a.from_at',
      'a.until_at',
      'b.display_name as assigned_by_name',
    ])
    .where('a.uscc', '=', uscc)
    .orderBy('a.from_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}
