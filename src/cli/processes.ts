import cluster from 'node:cluster';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createAppContext, prepareDatabase } from '../bootstrap.ts';
import { AppError } from '../platform/errors.ts';
import { reportError } from './output.ts';

/**
 * `yangfan serve --processes N`: the first process migrates the database, then starts N server
 * processes sharing the port (node:cluster hands them connections in turn). They hold nothing of
 * their own: sessions, rate limits, idempotency keys, run locks and the job queue are in
 * PostgreSQL, so any of them may answer any request. One that dies is started again.
 */
export async function runProcesses(options: { processes?: string; json?: boolean }, serve: () => Promise<void>) {
  const count = Number(options.processes ?? '1');
  if (cluster.isWorker || count === 1) return serve();
  try {
    if (!Number.isInteger(count) || count < 1 || count > 64)
      throw new AppError('VALIDATION_FAILED', `--processes 应为 1 到 64 的整数：${options.processes}`);
    const config = loadConfig();
    if (config.database.dialect !== 'postgres')
      throw new AppError('VALIDATION_FAILED', '多个服务进程需要 PostgreSQL（DATABASE_URL）；SQLite 只能由一个进程写入');
    const ctx = createAppContext(config);
    await prepareDatabase(ctx);
    await ctx.close();
  } catch (error) {
    reportError(options, error);
    return;
  }
  let isStopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (isStopping) return;
    console.error(`服务进程 ${worker.process.pid} 退出（${signal ?? code}），重新启动`);
    cluster.fork();
  });
  const stop = () => {
    isStopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The log of background work outside a request (the job queue's errors, takeovers). */
export function backgroundLog(level: string) {
  return pino({ level, base: { pid: process.pid } });
}
