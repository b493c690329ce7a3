import { realpathSync } from 'node:fs';
import { threadId, Worker } from 'node:worker_threads';
import type { AppContext } from '../../app-context.ts';
import type { Config, DatabaseConfig } from '../../config.ts';
import type { Actor } from '../../platform/auth/current-user.ts';
import { updateMatchRun } from './match.repository.ts';
import { executeMatchRun } from './match.service.ts';
import { findConnectedDatabase, type ConnectedDatabase } from './match-worker.repository.ts';

/**
 * Where a match run started from the web does its work. The evaluation is seconds of CPU at the
 * province scale (and better-sqlite3 is synchronous), so in the server's own thread it would hold
 * every other request until it ends. When the configured database is the one the server has open
 * and a second connection can open it (a SQLite file, PostgreSQL), the run works in a worker thread
 * with its own connection; otherwise (an in-memory database, a context assembled by hand in a test)
 * in this thread as before. Either way its status, progress and heartbeat are on its record, which
 * the page polls; a worker that dies leaves the run failed with the reason, never running.
 */

const WORKER_ENTRY = new URL('./match-worker.mjs', import.meta.url);
/** A held run waits at most this long, so a hold in this thread cannot hang the process for good. */
const HOLD_LIMIT_MS = 15_000;

/** What the worker thread receives (structured-cloned: the key Buffers arrive as Uint8Arrays). */
export interface MatchWorkerData {
  config: Config;
  actor: Actor;
  runId: number;
  /** The server clock's distance from the real one (a demonstration clock), so the worker dates its writes alike. */
  clockOffsetMs: number;
  /** The database the server has open; the worker refuses to run on another. */
  database: ConnectedDatabase;
  hold?: SharedArrayBuffer;
  crash?: 'throw' | 'exit';
}

/** The worker's last word: the run ended (its outcome is on the record), or it failed with this message. */
export type MatchWorkerReport = { outcome: 'ended' } | { outcome: 'failed'; message: string };

/**
 * Test-only instructions, honoured only in the `test` environment: `hold` stops the run just before
 * it starts (wherever it runs) until `releaseHeldRun`; `crash` makes the worker thread throw or exit.
 */
export const matchRunTestHooks: { hold?: SharedArrayBuffer; crash?: 'throw' | 'exit' } = {};

/** Runs a created match run to its end, in a worker thread when the database allows it; settles when the run ended. */
export async function runMatchInBackground(ctx: AppContext, actor: Actor, runId: number): Promise<void> {
  const hooks = ctx.config.environment === 'test' ? { ...matchRunTestHooks } : {};
  const database = await findConnectedDatabase(ctx.db, ctx.dialect);
  if (!canOpenFromWorker(ctx.config.database, database)) {
    waitWhileHeld(hooks.hold);
    await executeMatchRun(ctx, actor, runId);
    return;
  }
  const clockOffsetMs = ctx.clock().getTime() - Date.now();
  await runInWorker(ctx, runId, { config: ctx.config, actor, runId, clockOffsetMs, database, ...hooks });
}

/** Where the server's match runs work: `worker` when the configured database is the open one and can be opened again. */
export async function matchRunnerOf(ctx: AppContext): Promise<'worker' | 'this thread'> {
  return canOpenFromWorker(ctx.config.database, await findConnectedDatabase(ctx.db, ctx.dialect)) ? 'worker' : 'this thread';
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

function runInWorker(ctx: AppContext, runId: number, data: MatchWorkerData): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: data });
    let report: MatchWorkerReport | undefined;
    let crash: Error | undefined;
    worker.on('message', (message: MatchWorkerReport) => {
      report = message;
    });
    worker.on('error', (error) => {
      crash = error;
    });
    worker.on('exit', (code) => {
      if (report?.outcome === 'ended') return resolve();
      const reason = failureReason(report, crash, code);
      // A no-op when the run itself already recorded its failure: only a running run is updated.
      updateMatchRun(ctx.db, runId, { status: 'failed', error: reason.slice(0, 500), finished_at: ctx.clock().toISOString() })
        .then(() => reject(new Error(reason)), reject);
    });
  });
}

function failureReason(report: MatchWorkerReport | undefined, crash: Error | undefined, code: number): string {
  if (report?.outcome === 'failed') return `后台匹配出错：${report.message}`;
  if (crash) return `后台匹配线程出错：${crash.message}`;
  return `后台匹配线程意外退出（退出码 ${code}）`;
}

/** Blocks the calling thread while a test holds the run (slot 1 says the run reached the hold). */
export function waitWhileHeld(hold: SharedArrayBuffer | undefined): void {
  if (!hold) return;
  const slots = new Int32Array(hold);
  Atomics.store(slots, 2, threadId);
  Atomics.store(slots, 1, 1);
  Atomics.wait(slots, 0, 0, HOLD_LIMIT_MS);
}

/** Lets a held run go on. */
export function releaseHeldRun(hold: SharedArrayBuffer): void {
  const slots = new Int32Array(hold);
  Atomics.store(slots, 0, 1);
  Atomics.notify(slots, 0);
}

/** A hold for `matchRunTestHooks.hold`: slot 0 releases, slot 1 is set once the run waits, slot 2 holds its thread id. */
export function createRunHold(): SharedArrayBuffer {
  return new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
}

/** Whether a held run is waiting, and in which thread. */
export function readRunHold(hold: SharedArrayBuffer): { isWaiting: boolean; threadId: number } {
  const slots = new Int32Array(hold);
  return { isWaiting: Atomics.load(slots, 1) === 1, threadId: Atomics.load(slots, 2) };
}
