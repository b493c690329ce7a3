import { realpathSync } from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { AppContext } from '../../app-context.ts';
import type { Config, DatabaseConfig } from '../../config.ts';
import { findConnectedDatabase, type ConnectedDatabase } from './connected-database.repository.ts';

/**
 * Long runs started from the web (match runs, imports) hold the server's only thread for seconds
 * — better-sqlite3 is synchronous — so they work in a worker thread with a connection of their
 * own, when one can reach the database the server has open: a SQLite file (not one in memory),
 * or PostgreSQL (the worker checks it reached the same database and schema). The worker is told
 * the configuration, the database to expect and the clock; it reports how its run ended.
 */

const ENTRY = new URL('./tsx-worker.mjs', import.meta.url);

/** What every worker receives besides its run's own data (structured-cloned: key Buffers arrive as Uint8Arrays). */
export interface WorkerContextData {
  config: Config;
  /** The server clock's distance from the real one (a demonstration clock), so the worker dates its writes alike. */
  clockOffsetMs: number;
  /** The database the server has open; the worker refuses to run on another. */
  database: ConnectedDatabase;
  /** Test only: the run waits here just before it starts (see run-hold.ts). */
  hold?: SharedArrayBuffer;
  /** Test only: the worker throws or exits at once. */
  crash?: 'throw' | 'exit';
}

/** The worker's last word: the run ended (its outcome is on its record), or it failed with this message. */
export type WorkerReport = { outcome: 'ended' } | { outcome: 'failed'; message: string };

/** How a worker thread ended: its report, if it sent one, what it threw, and its exit code. */
export interface WorkerEnd {
  report?: WorkerReport;
  crash?: Error;
  exitCode: number;
}

/** The database a worker should open for this context, or undefined when a worker cannot reach it (the run stays in this thread). */
export async function workerDatabaseOf(ctx: AppContext): Promise<ConnectedDatabase | undefined> {
  const open = await findConnectedDatabase(ctx.db, ctx.dialect);
  return canOpenFromWorker(ctx.config.database, open) ? open : undefined;
}

/** The context part of a worker's data for this server. */
export function workerContextData(ctx: AppContext, database: ConnectedDatabase): WorkerContextData {
  return { config: ctx.config, clockOffsetMs: ctx.clock().getTime() - Date.now(), database };
}

/** SQLite: the configured file is the one open (not in memory); PostgreSQL: the worker checks it reaches the same database and schema. */
function canOpenFromWorker(configured: DatabaseConfig, open: ConnectedDatabase): boolean {
  if (configured.dialect !== open.dialect) return false;
  if (configured.dialect === 'postgres') return true;
  return open.name !== '' && configured.path !== ':memory:' && realPathOf(configured.path) === realPathOf(open.name);
}

function realPathOf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Runs a worker module (a .ts file that calls `serveWorker`) in a new thread; settles when the
 * thread has exited. `resourceLimits` caps its heap: a run past it ends its own thread, not the server.
 */
export function runInWorkerThread(
  module: URL,
  data: WorkerContextData,
  resourceLimits?: ResourceLimits,
): Promise<WorkerEnd> {
  return new Promise((resolve) => {
    const end: WorkerEnd = { exitCode: 0 };
    let worker: Worker;
    try {
      worker = new Worker(ENTRY, {
        workerData: { module: module.href, data },
        ...(resourceLimits ? { resourceLimits } : {}),
      });
    } catch (error) {
      // The data could not be passed (or no thread started): the run ends failed, not running.
      return resolve({ ...end, crash: error as Error, exitCode: -1 });
    }
    worker.on('message', (message: WorkerReport) => {
      end.report = message;
    });
    worker.on('error', (error) => {
      end.crash = error;
    });
    worker.on('exit', (code) => resolve({ ...end, exitCode: code }));
  });
}

/** Why a run failed, in the words its record keeps (`work`: 匹配, 导入); undefined when it ended on its own. */
export function workerFailureReason(end: WorkerEnd, work: string): string | undefined {
  if (end.report?.outcome === 'ended') return undefined;
  if (end.report?.outcome === 'failed') return `后台${work}出错：${end.report.message}`;
  if (end.crash) return `后台${work}线程出错：${end.crash.message}`;
  return `后台${work}线程意外退出（退出码 ${end.exitCode}）`;
}
