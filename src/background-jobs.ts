import type { AppContext } from './app-context.ts';
import { outboxDrainSchedule } from './modules/benefits/delivery/outbox-dispatcher.ts';
import { MATCH_RUN_QUEUE, resumeStaleMatchRuns, workQueuedMatchRun } from './modules/benefits/match/match-queue.ts';
import { runMatchHere } from './modules/benefits/match/match-runner.ts';
import { loadBenefitSettings } from './modules/benefits/benefit-settings.ts';
import { deadlineNoticesSchedule } from './modules/governance/deadline-notices.ts';
import { escalationSchedule } from './modules/governance/escalation.ts';
import { bulletinSchedule } from './modules/monitoring/bulletins/bulletin-scheduler.ts';
import { openJobQueue, type JobQueue, type QueueDefinition } from './platform/jobs/job-queue.ts';
import { HOUR_MS, type ScheduledJob } from './platform/jobs/scheduled-job.ts';
import { rateLimitSweepSchedule } from './platform/http/rate-limit-sweep.ts';

/**
 * Background work on PostgreSQL in one visible list (as app.ts lists the routes): the queued runs
 * and the scheduled jobs. Every process that opens the queue (each `yangfan serve` process and each
 * `yangfan worker`) keeps the schedule on its own clock and sends a scheduled job at each tick, but
 * the queue keeps one job per name and interval, so each runs once whichever processes are up.
 * Processes started to work jobs fetch them; the others only send.
 */

export interface BackgroundJobs {
  queue: JobQueue;
  stop(): Promise<void>;
}

type Log = { error: (object: object, message: string) => void; info?: (object: object, message: string) => void };

function scheduledJobs(): ScheduledJob[] {
  return [bulletinSchedule, escalationSchedule, deadlineNoticesSchedule, outboxDrainSchedule(), rateLimitSweepSchedule];
}

function queueOf(job: ScheduledJob): QueueDefinition {
  // A failed tick is retried twice, then stays in the dead-letter list; the next interval's tick still comes.
  return {
    name: job.name,
    retryLimit: 2,
    retryDelaySeconds: 30,
    expireInSeconds: Math.max(job.intervalMs, HOUR_MS) / 1000,
  };
}

/** Opens the queue on the context's PostgreSQL database, starts the schedule and, when `work`, the job handlers. */
export async function startBackgroundJobs(
  ctx: AppContext,
  options: { work: boolean; log: Log },
): Promise<BackgroundJobs> {
  if (ctx.config.database.dialect !== 'postgres') throw new Error('任务队列需要 PostgreSQL');
  const schedules = scheduledJobs();
  const queue = await openJobQueue(ctx.config.database, [MATCH_RUN_QUEUE, ...schedules.map(queueOf)], (error) =>
    options.log.error({ err: error }, '任务队列出错'),
  );
  ctx.jobQueue = queue;
  const timers: NodeJS.Timeout[] = [];
  const firstTickMs = (job: ScheduledJob) => testFirstTickMs() ?? job.firstTickMs;
  for (const job of schedules) {
    const send = () =>
      void queue
        .send(job.name, {}, { key: job.name, slotSeconds: Math.round(job.intervalMs / 1000) })
        .catch((error: unknown) => options.log.error({ err: error }, job.failureMessage));
    timers.push(
      setTimeout(() => {
        send();
        timers.push(setInterval(send, job.intervalMs).unref());
      }, firstTickMs(job)).unref(),
    );
  }
  if (options.work) {
    for (const job of schedules) await queue.work(job.name, () => job.run(ctx));
    await queue.work(MATCH_RUN_QUEUE.name, (data) => workQueuedMatchRun(ctx, data, runMatchHere));
    // Runs whose worker died are sent again; every working process looks, the queue keeps one job per run.
    timers.push(
      setInterval(
        () =>
          void resumeStaleMatchRuns(ctx).catch((error: unknown) =>
            options.log.error({ err: error }, '接续中断的匹配批次失败'),
          ),
        loadBenefitSettings().matchRun.workerHeartbeatMs,
      ).unref(),
    );
  }
  return {
    queue,
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      await queue.stop();
      delete ctx.jobQueue;
    },
  };
}

/** Test only (never in production): YANGFAN_TEST_SCHEDULE_FIRST_TICK_MS brings every schedule's first tick forward. */
function testFirstTickMs(): number | undefined {
  const value = Number(process.env.YANGFAN_TEST_SCHEDULE_FIRST_TICK_MS);
  return process.env.NODE_ENV !== 'production' && Number.isInteger(value) && value > 0 ? value : undefined;
}
