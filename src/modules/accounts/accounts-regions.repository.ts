import type { Db } from '../../db/database.ts';

/** The region row an account is bound to (only code, name, level and the direct-administration flag). */
export function findRegionForAccount(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'is_directly_administered'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Names of several regions in one query. */
export function findRegionNames(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
}
