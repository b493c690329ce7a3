import type { Command } from 'commander';
import { startBackgroundJobs } from '../background-jobs.ts';
import { createAppContext, prepareDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { AppError } from '../platform/errors.ts';
import { reportError } from './output.ts';
import { backgroundLog } from './processes.ts';

/**
 * `yangfan worker`: a job worker on the PostgreSQL database the servers use — match runs and the
 * scheduled jobs (通报, 诉求提级, 截止提醒, the outbox drain). Run one or more; a job is worked by one
 * of them, and a run whose worker was killed is taken over by another within a minute.
 * SIGINT/SIGTERM let the jobs in hand finish first.
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('后台任务进程（PostgreSQL）：执行匹配批次、定时通报、诉求提级、截止提醒与消息投递；可运行多个')
    .option('--json', '以 JSON 输出启动信息')
    .action(async (options: { json?: boolean }) => {
      try {
        const config = loadConfig();
        if (config.database.dialect !== 'postgres')
          throw new AppError(
            'VALIDATION_FAILED',
            '任务进程需要 PostgreSQL（DATABASE_URL）；使用 SQLite 时后台任务在服务进程的工作线程中运行',
          );
        const ctx = createAppContext(config);
        await prepareDatabase(ctx);
        const log = backgroundLog(config.logLevel);
        const jobs = await startBackgroundJobs(ctx, { work: true, log });
        const shutdown = async () => {
          await jobs.stop();
          await ctx.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void shutdown());
        process.once('SIGTERM', () => void shutdown());
        if (options.json) console.log(JSON.stringify({ worker: process.pid, queue: jobs.queue.schema }));
        else console.log(`扬帆任务进程已启动（进程 ${process.pid}，任务队列 ${jobs.queue.schema}）`);
      } catch (error) {
        reportError(options, error);
      }
    });
}
