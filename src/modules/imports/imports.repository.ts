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
    await db
      .insertInto('import_rejects')
      .values(rows.slice(i, i + REJECT_CHUNK))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export interface RejectCursor {
  line: number;
  column: string;
  code: string;
}

/** A page of rejects in (line, column, code) order, after a keyset cursor. */
export function listRejects(db: Db, runId: number, after: RejectCursor, limit: number) {
  return db
    .selectFrom('import_rejects')
    .selectAll()
    .where('run_id', '=', runId)
    .where((eb) =>
      eb.or([
        eb('line', '>', after.line),
        eb.and([eb('line', '=', after.line), eb('column_name', '>', after.column)]),
        eb.and([eb('line', '=', after.line), eb('column_name', '=', after.column), eb('code', '>', after.code)]),
      ]),
    )
    .orderBy('line')
    .orderBy('column_name')
    .orderBy('code')
    .limit(limit)
    .execute();
}

/** A page of a run's rejects in (line, column, code) order, with how many there are in all. */
export async function pageRejects(db: Db, runId: number, offset: number, limit: number) {
  const [items, count] = await Promise.all([
    db
      .selectFrom('import_rejects')
      .select(['line', 'column_name', 'code', 'message'])
      .where('run_id', '=', runId)
      .orderBy('line')
      .orderBy('column_name')
      .orderBy('code')
      .offset(offset)
      .limit(limit)
      .execute(),
    db
      .selectFrom('import_rejects')
      .select((eb) => eb.fn.countAll().as('total'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export async function listImportRuns(
  db: Db,
  filter: { kind?: string; userId?: number },
  offset: number,
  limit: number,
) {
  let query = db.selectFrom('import_runs');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

/** A queued run starts working; false when it is no longer queued. */
export async function markImportStarted(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('import_runs')
    .set({ status: 'running', heartbeat_at: at })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Keeps the queued runs of this process alive (a queued run whose heartbeat is old was abandoned). */
export async function touchQueuedImports(db: Db, ids: number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('import_runs')
    .set({ heartbeat_at: at })
    .where('id', 'in', ids)
    .where('status', '=', 'queued')
    .execute();
}

/** The ids of the queued runs still alive, in queue order. */
export async function listLiveQueuedImportIds(db: Db, aliveSince: string): Promise<number[]> {
  const rows = await db
    .selectFrom('import_runs')
    .select('id')
    .where('status', '=', 'queued')
    .where('heartbeat_at', '>=', aliveSince)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Whether a run is queued or working and has shown life since `aliveSince`. */
export async function isImportRunLive(db: Db, id: number, aliveSince: string): Promise<boolean> {
  const row = await db
    .selectFrom('import_runs')
    .select('id')
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .where('heartbeat_at', '>=', aliveSince)
    .executeTakeFirst();
  return row !== undefined;
}
