import type { AppContext } from '../../app-context.ts';
import { touchQueuedImports } from './imports.repository.ts';

/**
 * Uploaded imports wait their turn: at most `concurrentImports` (reference/imports/limits.json)
 * work at once in this process, the others are queued in upload order — SQLite has one writer,
 * and each worker thread holds its own heap. A queued run's heartbeat is kept fresh while it
 * waits, so the page shows it queued, not interrupted; its place is read from the run table.
 */

export interface QueuedImport {
  runId: number;
  /** Runs the import to its end; never rejects (it records and logs its own failure). */
  work: () => Promise<void>;
}

export interface ImportQueue {
  enqueue(job: QueuedImport): void;
  /** Settles when nothing waits or works (tests, shutdown). */
  whenIdle(): Promise<void>;
}

const HEARTBEAT_MS = 30_000;
const queues = new WeakMap<object, ImportQueue>();

/** The queue of this server's database. */
export function importQueueOf(ctx: AppContext, concurrency: number): ImportQueue {
  let queue = queues.get(ctx.db);
  if (!queue) {
    queue = createImportQueue(ctx, concurrency);
    queues.set(ctx.db, queue);
  }
  return queue;
}

function createImportQueue(ctx: AppContext, concurrency: number): ImportQueue {
  const waiting: QueuedImport[] = [];
  let working = 0;
  let idle: (() => void)[] = [];
  let heartbeat: NodeJS.Timeout | undefined;

  const keepWaitingAlive = () => {
    if (waiting.length > 0 && !heartbeat) {
      heartbeat = setInterval(
        () =>
          void touchQueuedImports(
            ctx.db,
            waiting.map((j) => j.runId),
            ctx.clock().toISOString(),
          ).catch(() => undefined),
        HEARTBEAT_MS,
      );
      heartbeat.unref();
    }
    if (waiting.length === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  };
  const next = () => {
    while (working < concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      working += 1;
      void job
        .work()
        .catch(() => undefined)
        .finally(() => {
          working -= 1;
          next();
        });
    }
    keepWaitingAlive();
    if (working === 0 && waiting.length === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  return {
    enqueue(job) {
      waiting.push(job);
      next();
    },
    whenIdle: () =>
      working === 0 && waiting.length === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve)),
  };
}
