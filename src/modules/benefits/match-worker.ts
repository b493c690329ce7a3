import { parentPort, workerData } from 'node:worker_threads';
import { createAppContext } from '../../bootstrap.ts';
import type { KeyConfig } from '../../config.ts';
import { executeMatchRun } from './match.service.ts';
import { waitWhileHeld, type MatchWorkerData, type MatchWorkerReport } from './match-runner.ts';
import { findConnectedDatabase } from './match-worker.repository.ts';

/**
 * A match run's worker thread: opens its own connection to the server's database (the same
 * configuration), runs the match run, closes the connection and reports to the server thread.
 * The run writes its own progress, heartbeat and outcome; the report only says it ended.
 */

const data = workerData as MatchWorkerData;
if (data.crash === 'exit') process.exit(3);
if (data.crash === 'throw') throw new Error('测试：匹配线程崩溃');
parentPort!.postMessage(await runMatch(data));

async function runMatch(work: MatchWorkerData): Promise<MatchWorkerReport> {
  const opened = createAppContext({ ...work.config, keys: asBuffers(work.config.keys) });
  const ctx = { ...opened, clock: () => new Date(Date.now() + work.clockOffsetMs) };
  try {
    const reached = await findConnectedDatabase(ctx.db, ctx.dialect);
    if (reached.name !== work.database.name) throw new Error(`匹配线程连接到的数据库（${reached.name}）与服务的（${work.database.name}）不同，未运行`);
    waitWhileHeld(work.hold);
    await executeMatchRun(ctx, work.actor, work.runId);
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
