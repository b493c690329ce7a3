import { sql, type Insertable } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import type { PersonTable } from '../workforce.table.ts';

// The indexes and new persons of a batch travel as one parameter each (a JSON array for
// SQLite's json_each, arrays for PostgreSQL's unnest): one statement for a whole batch.

/** Person ids by blind index, for the indexes already stored. */
export async function findPersonIdsByIndex(
  db: Db,
  dialect: Dialect,
  indexes: readonly string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (indexes.length === 0) return found;
  const { rows } =
    dialect === 'postgres'
      ? await sql<{
          id: number | string;
          id_index: string;
        }>`select id, id_index from persons where id_index = any(${indexes}::text[])`.execute(db)
      : await sql<{
          id: number;
          id_index: string;
        }>`select id, id_index from persons where id_index in (select value from json_each(${JSON.stringify(indexes)}))`.execute(
          db,
        );
  for (const row of rows) found.set(row.id_index, Number(row.id));
  return found;
}

/**
 * Inserts persons in one statement and returns their ids by blind index. A person another
 * import inserted meanwhile is skipped (not an error) and is absent from the result.
 */
export async function insertPersons(
  db: Db,
  dialect: Dialect,
  persons: readonly Insertable<PersonTable>[],
): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  if (persons.length === 0) return inserted;
  const { rows } =
    dialect === 'postgres'
      ? await sql<{
          id: number | string;
          id_index: string;
        }>`insert into persons (id_index, id_enc, name, birth_date, sex, origin_province, created_at)
        select * from unnest(${persons.map((p) => p.id_index)}::text[], ${persons.map((p) => p.id_enc)}::text[], ${persons.map((p) => p.name)}::text[],
          ${persons.map((p) => p.birth_date)}::text[], ${persons.map((p) => p.sex)}::text[], ${persons.map((p) => p.origin_province)}::text[], ${persons.map((p) => p.created_at)}::text[])
        on conflict (id_index) do nothing
        returning id, id_index`.execute(db)
      : await sql<{
          id: number;
          id_index: string;
        }>`insert into persons (id_index, id_enc, name, birth_date, sex, origin_province, created_at)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
        from json_each(${JSON.stringify(persons.map((p) => [p.id_index, p.id_enc, p.name, p.birth_date, p.sex, p.origin_province, p.created_at]))})
        where true -- SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT
        on conflict (id_index) do nothing
        returning id, id_index`.execute(db);
  for (const row of rows) inserted.set(row.id_index, Number(row.id));
  return inserted;
}

/** Whether any person is stored (an import into an empty table cannot find anyone it looks up). */
export async function hasStoredPersons(db: Db): Promise<boolean> {
  const row = await db.selectFrom('persons').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
