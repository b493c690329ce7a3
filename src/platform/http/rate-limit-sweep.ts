import { HOUR_MS, type ScheduledJob } from '../jobs/scheduled-job.ts';
import { deleteEndedCounters } from './rate-limit.repository.ts';

/** Hourly on PostgreSQL: removes request-rate counters whose window ended over an hour ago. */
export const rateLimitSweepSchedule: ScheduledJob = {
  name: 'rate-limit-sweep',
  failureMessage: '清理请求频率计数失败',
  firstTickMs: 5 * 60_000,
  intervalMs: HOUR_MS,
  // Counters are dated by the real clock (the rate limit does not follow a demonstration clock).
  run: (ctx) => deleteEndedCounters(ctx.db, Date.now() - HOUR_MS),
};
