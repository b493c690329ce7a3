import type { Db } from '../../db/database.ts';

/** SQL of the commissioner roster. */

/** Active commissioner accounts of some regions (or all) with their profile and workload. */
export function listRosterRows(db: Db, regionCodes: readonly string[] | 'all') {
  let query = db
    .selectFrom('users as u')
    .leftJoin('commissioner_profiles as p', 'p.user_id', 'u.id')
    .leftJoin('regions as r', 'r.code', 'u.region_code')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name',
      'u.region_code',
      'r.name as region_name',
      'p.unit',
      'p.phone_enc',
      eb
        .selectFrom('key_enterprises as k')
        .select((k) => k.fn.countAll<string | number>().as('n'))
        .whereRef('k.commissioner_id', '=', 'u.id')
        .as('assigned_count'),
      eb
        .selectFrom('governance_requests as q')
        .innerJoin('key_enterprises as k', 'k.uscc', 'q.uscc')
        .select((q) => q.fn.countAll<string | number>().as('n'))
        .whereRef('k.commissioner_id', '=', 'u.id')
        .where('q.state', 'in', ['submitted', 'reopened'])
        .as('open_requests'),
    ])
    .where('u.role', '=', 'commissioner')
    .where('u.is_active', '=', 1);
  if (regionCodes !== 'all')
    query = query.where('u.region_code', 'in', regionCodes.length > 0 ? [...regionCodes] : ['']);
  return query.orderBy('u.region_code').orderBy('u.display_name').execute();
}

export type RosterRow = Awaited<ReturnType<typeof listRosterRows>>[number];

/** An active commissioner account, or undefined. */
export function findCommissionerAccount(db: Db, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'region_code'])
    .where('id', '=', id)
    .where('role', '=', 'commissioner')
    .where('is_active', '=', 1)
    .executeTakeFirst();
}

/** Writes a commissioner's unit and phone (insert or replace). */
export async function upsertCommissionerProfile(
  db: Db,
  row: {
    user_id: number;
    unit: string | null;
    phone_enc: string | null;
    phone_index: string | null;
    updated_at: string;
    updated_by: number;
  },
): Promise<void> {
  await db
    .insertInto('commissioner_profiles')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        unit: row.unit,
        phone_enc: row.phone_enc,
        phone_index: row.phone_index,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}
