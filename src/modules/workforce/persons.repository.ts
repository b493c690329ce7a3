import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { chunk, chunkRows } from './batching.ts';
import type { PersonTable } from './workforce.table.ts';

/** Person ids by blind index, for the indexes already stored. */
export async function findPersonIdsByIndex(db: Db, indexes: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunk(indexes, 10_000)) {
    const rows = await db.selectFrom('persons').select(['id', 'id_index']).where('id_index', 'in', part).execute();
    for (const row of rows) found.set(row.id_index, Number(row.id));
  }
  return found;
}

/**
 * Inserts persons in multi-row statements and returns their ids by blind index. A person
 * another import inserted meanwhile is skipped (not an error) and is absent from the result.
 */
export async function insertPersons(db: Db, persons: readonly Insertable<PersonTable>[]): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  for (const part of chunkRows(persons, 7)) {
    const rows = await db.insertInto('persons').values(part)
      .onConflict((oc) => oc.column('id_index').doNothing())
      .returning(['id', 'id_index'])
      .execute();
    for (const row of rows) inserted.set(row.id_index, Number(row.id));
  }
  return inserted;
}
