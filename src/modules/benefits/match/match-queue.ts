import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../app-context.ts';
import type { Actor } from '../../../platform/auth/current-user.ts';
import type { QueueDefinition } from '../../../platform/jobs/job-queue.ts';
import { loadBenefitSettings } from '../benefit-settings.ts';
import { beatHeldMatchRun, claimMatchRun, findStaleHeldMatchRuns } from './match-queue.repository.ts';

/**
 * Match runs through the PostgreSQL job queue (several processes): the server that created the run
 * sends a job; a job worker claims the run, beats its heartbeat from its main thread every few
 * seconds while a worker thread does the work, and writes candidates chunk by chunk (one
 * transaction each). When that worker is killed, its beats stop: a pass in every working process
 * sends the run again, the next worker claims it (its holder's heartbeat is stale) and goes on —
 * chunks already committed by the run are counted as its own, so nothing is written twice and the
 * summary equals an uninterrupted run's. Takeover comes within a minute (reference/benefits/settings.json).
 */

export const MATCH_RUN_QUEUE: QueueDefinition = {
  name: 'match-run',
  // The run records its own failure; a killed worker is taken over by the stale-run pass, not by a retry.
  retryLimit: 0,
  retryDelaySeconds: 10,
  expireInSeconds: 6 * 3600,
};

const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

interface MatchJob {
  runId: number;
  actor: Actor;
}

/** Sends a created run to the queue (at most one job per run in each takeover interval). */
export async function queueMatchRun(ctx: AppContext, actor: Actor, runId: number): Promise<void> {
  await ctx.jobQueue!.send(MATCH_RUN_QUEUE.name, { runId, actor } satisfies MatchJob, {
    key: `match-run:${runId}`,
    slotSeconds: Math.ceil(loadBenefitSettings().matchRun.takeoverAfterMs / 1000),
  });
}

/** The job's work: claims the run (or leaves it to its live holder) and runs it (`runHere`, match-runner.ts) with a heartbeat. */
export async function workQueuedMatchRun(
  ctx: AppContext,
  job: Record<string, unknown>,
  runHere: (ctx: AppContext, actor: Actor, runId: number) => Promise<void>,
): Promise<void> {
  const { runId, actor } = job as unknown as MatchJob;
  const { workerHeartbeatMs, takeoverAfterMs } = loadBenefitSettings().matchRun;
  const now = ctx.clock();
  const staleBefore = new Date(now.getTime() - takeoverAfterMs).toISOString();
  if (!(await claimMatchRun(ctx.db, runId, WORKER_ID, now.toISOString(), staleBefore))) return;
  const heartbeat = setInterval(() => {
    beatHeldMatchRun(ctx.db, runId, WORKER_ID, ctx.clock().toISOString()).catch(() => undefined);
  }, workerHeartbeatMs);
  try {
    await runHere(ctx, actor, runId);
  } finally {
    clearInterval(heartbeat);
  }
}

/** Sends again every run whose worker stopped beating; answers how many. */
export async function resumeStaleMatchRuns(ctx: AppContext): Promise<number> {
  const staleBefore = new Date(ctx.clock().getTime() - loadBenefitSettings().matchRun.takeoverAfterMs).toISOString();
  const stale = await findStaleHeldMatchRuns(ctx.db, staleBefore);
  const system: Actor = { user: null, requestId: 'match-run-takeover', ip: null };
  for (const run of stale) await queueMatchRun(ctx, system, run.id);
  return stale.length;
}
