import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/current-user.ts';
import { waitWhileHeld } from '../../platform/workers/run-hold.ts';
import {
  runInWorkerThread,
  workerContextData,
  workerDatabaseOf,
  workerFailureReason,
  type WorkerContextData,
} from '../../platform/workers/worker-thread.ts';
import { forgetAggregates } from '../monitoring/result-cache.ts';
import { loadImportLimits } from './import-limits.ts';
import type { ImportKind } from './import-kind.ts';
import { failRunningImport } from './import-runner-worker.repository.ts';
import { runImport } from './runner.ts';

/**
 * Where an import uploaded from the web does its work. Its batches are written synchronously on
 * SQLite (a roster window is several seconds at the province scale), so in the server's own thread
 * it would hold every other request of every user until it ends. When a second connection can
 * reach the server's database (a SQLite file, PostgreSQL), the import works in a worker thread with
 * its own connection — the same `runImport`, writing the same progress to its run, which the page
 * polls, and running the kind's after-import refresh there; otherwise (an in-memory database) in
 * this thread. A worker that dies leaves the run failed with the reason and its committed batches
 * as they are: importing the file again completes it. The command line imports in its own process.
 */

const WORKER_MODULE = new URL('./import-runner-worker.thread.ts', import.meta.url);

/** What the worker thread receives. */
export interface ImportWorkerData extends WorkerContextData {
  actor: Actor;
  kind: string;
  path: string;
  fileName: string;
  runId: number;
  /** Test only: the worker exits once this many batches are committed. */
  exitAfterBatches?: number;
}

/**
 * Test-only instructions, honoured only in the `test` environment: `hold` stops the import just
 * before it starts (wherever it runs) until `releaseHeldRun`; `crash` makes the worker thread throw
 * or exit at once, `exitAfterBatches` exit after that many committed batches.
 */
export const importRunTestHooks: { hold?: SharedArrayBuffer; crash?: 'throw' | 'exit'; exitAfterBatches?: number } = {};

/** Runs a created import run on a stored file to its end, in a worker thread when the database allows it; settles when the run ended. */
export async function runImportInBackground(
  ctx: AppContext,
  actor: Actor,
  kind: ImportKind<unknown>,
  path: string,
  run: { runId: number; fileName: string },
): Promise<void> {
  const hooks = ctx.config.environment === 'test' ? { ...importRunTestHooks } : {};
  const database = await workerDatabaseOf(ctx);
  if (!database) {
    waitWhileHeld(hooks.hold);
    await runImport(ctx, actor, kind, path, run);
    return;
  }
  const data: ImportWorkerData = {
    ...workerContextData(ctx, database),
    actor,
    kind: kind.kind,
    path,
    ...run,
    ...hooks,
  };
  const end = await runInWorkerThread(WORKER_MODULE, data, { maxOldGenerationSizeMb: loadImportLimits().workerHeapMb });
  // The worker refreshed the aggregates or recorded payments: this process answers from them at once.
  forgetAggregates(ctx.db);
  const reason = workerFailureReason(end, '导入');
  if (!reason) return;
  if (await failRunningImport(ctx.db, run.runId, reason.slice(0, 500), ctx.clock().toISOString())) {
    await appendAudit(
      ctx.db,
      ctx.dialect,
      actor,
      {
        action: `import.${kind.kind}`,
        outcome: 'failure',
        objectType: 'import_run',
        objectId: run.runId,
        details: { reason: 'WORKER_FAILED' },
      },
      ctx.clock(),
    );
  }
  throw new Error(reason);
}
