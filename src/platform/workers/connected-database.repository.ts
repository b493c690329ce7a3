import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';

/** Which database a connection has open, so a second connection can be checked to reach the same one. */
export interface ConnectedDatabase {
  dialect: Dialect;
  /** SQLite: the main file's full path ('' for an in-memory or temporary database); PostgreSQL: `database/schema`. */
  name: string;
}

/** The database this connection works in. */
export async function findConnectedDatabase(db: Db, dialect: Dialect): Promise<ConnectedDatabase> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
    return { dialect, name: rows[0]?.file ?? '' };
  }
  const { rows } = await sql<{
    name: string;
    schema: string;
  }>`select current_database() as name, current_schema() as schema`.execute(db);
  return { dialect, name: `${rows[0]!.name}/${rows[0]!.schema}` };
}
