import type { Db } from '../../db/database.ts';

/** Marks a run failed with the reason, if it is still running; false when the run had already ended (it recorded its own outcome). */
export async function failRunningImport(db: Db, runId: number, message: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('import_runs')
    .set({ status: 'failed', finished_at: at, message })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
