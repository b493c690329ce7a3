import type { AppContext } from '../../../app-context.ts';
import type { Actor } from '../../../platform/auth/current-user.ts';
import { waitWhileHeld } from '../../../platform/workers/run-hold.ts';
import {
  runInWorkerThread,
  workerContextData,
  workerDatabaseOf,
  workerFailureReason,
  type WorkerContextData,
} from '../../../platform/workers/worker-thread.ts';
import { queueMatchRun } from './match-queue.ts';
import { updateMatchRun } from './match.repository.ts';
import { executeMatchRun } from './match.service.ts';

/**
 * Where a match run started from the web does its work. The evaluation is seconds of CPU at the
 * province scale (and better-sqlite3 is synchronous), so in the server's own thread it would hold
 * every other request until it ends. When the configured database is the one the server has open
 * and a second connection can open it (a SQLite file, PostgreSQL), the run works in a worker thread
 * with its own connection; otherwise (an in-memory database, a context assembled by hand in a test)
 * in this thread as before. Either way its status, progress and heartbeat are on its record, which
 * the page polls; a worker that dies leaves the run failed with the reason, never running.
 */

const WORKER_MODULE = new URL('./match-worker.ts', import.meta.url);

/** What the worker thread receives. */
export interface MatchWorkerData extends WorkerContextData {
  actor: Actor;
  runId: number;
}

/**
 * Test-only instructions, honoured only in the `test` environment: `hold` stops the run just before
 * it starts (wherever it runs) until `releaseHeldRun`; `crash` makes the worker thread throw or exit.
 */
export const matchRunTestHooks: { hold?: SharedArrayBuffer; crash?: 'throw' | 'exit' } = {};

/**
 * Runs a created match run in the background. With a PostgreSQL job queue (several processes) it
 * is sent to the queue and settles once queued (a job worker runs it, match-queue.ts); otherwise it
 * settles when the run ended here.
 */
export async function runMatchInBackground(ctx: AppContext, actor: Actor, runId: number): Promise<void> {
  if (ctx.jobQueue) return queueMatchRun(ctx, actor, runId);
  return runMatchHere(ctx, actor, runId);
}

/** Runs a created match run to its end in this process, in a worker thread when the database allows it. */
export async function runMatchHere(ctx: AppContext, actor: Actor, runId: number): Promise<void> {
  const hooks = ctx.config.environment === 'test' ? { ...matchRunTestHooks } : {};
  const database = await workerDatabaseOf(ctx);
  if (!database) {
    waitWhileHeld(hooks.hold);
    await executeMatchRun(ctx, actor, runId);
    return;
  }
  const data: MatchWorkerData = { ...workerContextData(ctx, database), actor, runId, ...hooks };
  const reason = workerFailureReason(await runInWorkerThread(WORKER_MODULE, data), '匹配');
  if (!reason) return;
  // A no-op when the run itself already recorded its failure: only a running run is updated.
  await updateMatchRun(ctx.db, runId, {
    status: 'failed',
    error: reason.slice(0, 500),
    finished_at: ctx.clock().toISOString(),
  });
  throw new Error(reason);
}

/** Where the server's match runs work: `worker` when the configured database is the open one and can be opened again. */
export async function matchRunnerOf(ctx: AppContext): Promise<'worker' | 'this thread'> {
  return (await workerDatabaseOf(ctx)) ? 'worker' : 'this thread';
}
