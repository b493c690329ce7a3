import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app-context.ts';

/**
 * A job the server runs on its own clock (the monthly 通报, request escalation, deadline notices):
 * a first tick a while after start-up, then one every interval; ticks never overlap, a failing
 * tick is logged and the next one still comes, and closing the app stops the timer and waits for
 * a running tick. Off in tests (environment 'test'), where the job's function is called directly.
 * Safety across server processes is the job's own: each writes by a claim or a unique key.
 * With a PostgreSQL job queue (several processes, `yangfan worker`) the queue runs the job
 * instead, once per interval across all processes (background-jobs.ts), and this timer is off.
 */
export interface ScheduledJob {
  /** Its queue's name when a PostgreSQL job queue runs it (platform/jobs/job-queue.ts), e.g. 'bulletins'. */
  name: string;
  /** Shown in the log when a tick fails, e.g. '诉求逾期提级失败'. */
  failureMessage: string;
  firstTickMs: number;
  intervalMs: number;
  run: (ctx: AppContext) => Promise<unknown>;
}

export function scheduledJobPlugin(ctx: AppContext, job: ScheduledJob): FastifyPluginAsync {
  return fp(async (app) => {
    if (ctx.config.environment === 'test' || ctx.jobQueue) return;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> = Promise.resolve();
    const tick = () => {
      running = job.run(ctx).catch((error: unknown) => app.log.error({ err: error }, job.failureMessage));
      timer = setTimeout(() => void running.then(tick), job.intervalMs).unref();
    };
    app.addHook('onReady', async () => {
      timer = setTimeout(tick, job.firstTickMs).unref();
    });
    app.addHook('onClose', async () => {
      if (timer) clearTimeout(timer);
      await running;
    });
  });
}

export const HOUR_MS = 60 * 60_000;
