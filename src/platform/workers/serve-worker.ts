import { parentPort, workerData } from 'node:worker_threads';
import type { AppContext } from '../../app-context.ts';
import { createAppContext } from '../../bootstrap.ts';
import type { KeyConfig } from '../../config.ts';
import { findConnectedDatabase } from './connected-database.repository.ts';
import { waitWhileHeld } from './run-hold.ts';
import type { WorkerContextData, WorkerReport } from './worker-thread.ts';

/**
 * The body of a worker thread started by `runInWorkerThread`: opens its own connection to the
 * server's database (the same configuration, the server's clock), refuses to run when it reached
 * another database, runs the work, closes the connection and reports to the server thread.
 * The run writes its own progress and outcome; the report only says it ended or why it failed.
 */
export async function serveWorker<D extends WorkerContextData>(
  work: string,
  run: (ctx: AppContext, data: D) => Promise<unknown>,
): Promise<void> {
  const data = (workerData as { data: D }).data;
  if (data.crash === 'exit') process.exit(3);
  if (data.crash === 'throw') throw new Error(`测试：${work}线程崩溃`);
  parentPort!.postMessage(await reportOf(work, data, run));
}

async function reportOf<D extends WorkerContextData>(
  work: string,
  data: D,
  run: (ctx: AppContext, data: D) => Promise<unknown>,
): Promise<WorkerReport> {
  const opened = createAppContext({ ...data.config, keys: asBuffers(data.config.keys) });
  const ctx = { ...opened, clock: () => new Date(Date.now() + data.clockOffsetMs) };
  try {
    const reached = await findConnectedDatabase(ctx.db, ctx.dialect);
    if (reached.name !== data.database.name)
      throw new Error(`${work}线程连接到的数据库（${reached.name}）与服务的（${data.database.name}）不同，未运行`);
    waitWhileHeld(data.hold);
    await run(ctx, data);
    return { outcome: 'ended' };
  } catch (error) {
    return { outcome: 'failed', message: (error as Error).message };
  } finally {
    await opened.close();
  }
}

/** Structured cloning turns Buffers into Uint8Arrays; the cipher wants Buffers back. */
function asBuffers(keys: KeyConfig): KeyConfig {
  const wrap = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { encryption: wrap(keys.encryption), mac: wrap(keys.mac), blindIndex: wrap(keys.blindIndex) };
}
