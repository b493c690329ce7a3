import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/**
 * A queued match run's holder: the job worker that claimed it. A run waiting for its first
 * worker has none; a worker whose heartbeat stopped loses it to the next claim.
 */

/** Claims a running run for this worker when nobody holds it or its holder stopped beating before `staleBefore`. */
export async function claimMatchRun(db: Db, id: number, worker: string, now: string, staleBefore: string) {
  const result = await db
    .updateTable('benefit_match_runs')
    .set({ worker, heartbeat_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('worker', 'is', null), eb('heartbeat_at', '<', staleBefore)]))
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}

/** The holder's heartbeat; false once it lost the run (taken over, or the run ended). */
export async function beatHeldMatchRun(db: Db, id: number, worker: string, at: string) {
  const result = await db
    .updateTable('benefit_match_runs')
    .set({ heartbeat_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('worker', '=', worker)
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}

/** Running runs held by a worker that stopped beating before `staleBefore`. */
export async function findStaleHeldMatchRuns(db: Db, staleBefore: string) {
  const rows = await db
    .selectFrom('benefit_match_runs')
    .select(['id', 'started_by'])
    .where('status', '=', 'running')
    .where('worker', 'is not', null)
    .where('heartbeat_at', '<', staleBefore)
    .execute();
  return rows.map((r) => ({ id: toNumber(r.id) }));
}
