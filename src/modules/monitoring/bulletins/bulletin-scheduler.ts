import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../../app-context.ts';
import { HOUR_MS, scheduledJobPlugin, type ScheduledJob } from '../../../platform/jobs/scheduled-job.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { addMonths } from '../../workforce/periods.ts';
import { claimScheduledBulletin } from './bulletins.repository.ts';
import { monthData, produceBulletin, SCHEDULER_ACTOR } from './bulletins.service.ts';
import { resolveView } from '../indicators/monitoring-view.ts';
import { periodOfDay } from '../report-period.ts';
import { detectAlerts } from '../refresh/refresh.service.ts';
import { findRankingUnits } from '../regions.repository.ts';

/**
 * The monthly 通报 on a schedule: from the 5th of each month (Asia/Shanghai), last month's
 * bulletin for the province and for each of the notice's sixteen addressees. Every process
 * may run the job; a unique key per month and region lets exactly one of them generate each
 * bulletin (SPEC §0), and a server that was down on the 5th catches up at its next tick. A region
 * without monitoring data for the month is skipped until its data arrives.
 * Each tick also detects alerts, so recognitions entering the 90-day window are flagged
 * even in a month without imports.
 */
export const SCHEDULE_DAY = 5;
const STALE_CLAIM_MS = 15 * 60_000;

/** Runs one tick: alert detection, then any due bulletin not yet claimed; returns how many it generated. */
export async function runScheduledBulletins(ctx: AppContext): Promise<number> {
  await detectAlerts(ctx);
  const today = todayInShanghai(ctx.clock);
  if (Number(today.slice(8, 10)) < SCHEDULE_DAY) return 0;
  const period = addMonths(periodOfDay(today), -1);
  const regions = ['320000', ...(await findRankingUnits(ctx.db)).map((r) => r.code)];
  let generated = 0;
  for (const region of regions) {
    const view = await resolveView(ctx, null, region === '320000' ? undefined : region);
    // A month without data gets no bulletin; once its data is imported, the next tick makes it.
    if (!(await monthData(ctx, view, period)).hasData) continue;
    const now = ctx.clock();
    const id = await claimScheduledBulletin(
      ctx.db,
      {
        period,
        region_code: view.regionCode,
        region_name: view.regionName,
        trigger: 'schedule',
        schedule_key: `${period}:${view.regionCode}`,
        status: 'generating',
        created_by: null,
        created_at: now.toISOString(),
        claimed_at: now.toISOString(),
      },
      new Date(now.getTime() - STALE_CLAIM_MS).toISOString(),
    );
    if (id === undefined) continue;
    // A failure is stored on its record; the other regions still get theirs.
    const isDone = await produceBulletin(ctx, id, view, period, SCHEDULER_ACTOR).then(
      () => true,
      () => false,
    );
    if (isDone) generated += 1;
  }
  return generated;
}

/**
 * Starts the schedule with the server (not in tests): a first tick a minute after start-up,
 * then hourly (platform/jobs/scheduled-job.ts).
 */
export const bulletinSchedule: ScheduledJob = {
  name: 'bulletins',
  failureMessage: '定时生成监测通报失败',
  firstTickMs: 60_000,
  intervalMs: HOUR_MS,
  run: runScheduledBulletins,
};

export function bulletinSchedulerPlugin(ctx: AppContext): FastifyPluginAsync {
  return scheduledJobPlugin(ctx, bulletinSchedule);
}
