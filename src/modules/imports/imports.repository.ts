import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ImportRejectTable, ImportRunTable } from './imports.table.ts';

export async function insertImportRun(db: Db, values: Insertable<ImportRunTable>): Promise<number> {
  const row = await db.insertInto('import_runs').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateImportRun(db: Db, id: number, values: Updateable<ImportRunTable>): Promise<void> {
  await db.updateTable('import_runs').set(values).where('id', '=', id).execute();
}

export function findImportRun(db: Db, id: number) {
  return db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

// SQLite allows 32,766 bind parameters per statement; 5 per reject row.
const REJECT_CHUNK = 1000;

export async function insertRejects(db: Db, rows: Insertable<ImportRejectTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += REJECT_CHUNK) {
    await db.insertInto('import_rejects').values(rows.slice(i, i + REJECT_CHUNK)).onConflict((oc) => oc.doNothing()).execute();
  }
}

export interface RejectCursor {
  line: number;
  column: string;
  code: string;
}

/** A page of rejects in (line, column, code) order, after a keyset cursor. */
export function listRejects(db: Db, runId: number, after: RejectCursor, limit: number) {
  return db.selectFrom('import_rejects').selectAll().where('run_id', '=', runId)
    .where((eb) => eb.or([
      eb('line', '>', after.line),
      eb.and([eb('line', '=', after.line), eb('column_name', '>', after.column)]),
      eb.and([eb('line', '=', after.line), eb('column_name', '=', after.column), eb('code', '>', after.code)]),
    ]))
    .orderBy('line').orderBy('column_name').orderBy('code').limit(limit).execute();
}

export async function listImportRuns(db: Db, filter: { kind?: string; userId?: number }, offset: number, limit: number) {
  let query = db.selectFrom('import_runs');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}
