import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { HOUR_MS, scheduledJobPlugin, type ScheduledJob } from '../../platform/jobs/scheduled-job.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { REQUEST_CATEGORY_LABELS, type RequestCategory } from './governance-parameters.ts';
import { queueEnterpriseNotice } from './notify.repository.ts';
import { escalationLevelOn } from './request-clock.ts';
import { findOverdueOpenRequests, raiseEscalation } from './requests.repository.ts';

/**
 * Escalation of overdue requests on the server's clock and calendar: the day after its deadline
 * an open request goes up to the city, and after the parameter's working days more to the
 * province. Each raise is one conditional update from the level read, so two server processes
 * running the job at once raise a request once (one audit row, one notice).
 */
export const ESCALATION_ACTOR = systemActor('governance:escalation');

export async function escalateOverdueRequests(ctx: AppContext): Promise<{ raised: number }> {
  const now = ctx.clock();
  const today = todayInShanghai(() => now);
  let raised = 0;
  for (const row of await findOverdueOpenRequests(ctx.db, today)) {
    const from = Number(row.escalation_level);
    const to = escalationLevelOn(row.deadline_date, today, row.submitted_at.slice(0, 10));
    if (to <= from) continue;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await raiseEscalation(trx, Number(row.id), from, to, now.toISOString()))) return;
      raised += 1;
      await appendAudit(
        trx,
        ctx.dialect,
        ESCALATION_ACTOR,
        {
          action: 'governance.request.escalate',
          outcome: 'success',
          objectType: 'governance_request',
          objectId: Number(row.id),
          details: { from, to, deadline: row.deadline_date, region: row.region_code },
        },
        now,
      );
      const category = REQUEST_CATEGORY_LABELS[row.category as RequestCategory] ?? row.category;
      await queueEnterpriseNotice(trx, {
        uscc: row.uscc,
        key: `request:${String(row.id)}:escalate:${to}`,
        title: '您的诉求已提级督办',
        body: `您单位的「${category}」诉求已超过办理时限（${row.deadline_date}），已提交${to === 2 ? '省人社厅' : '设区市人社局'}督办。`,
        at: now.toISOString(),
      });
    });
  }
  return { raised };
}

/** Runs the escalation hourly with the server (not in tests; platform/jobs/scheduled-job.ts). */
export const escalationSchedule: ScheduledJob = {
  name: 'request-escalations',
  failureMessage: '诉求逾期提级失败',
  firstTickMs: 90_000,
  intervalMs: HOUR_MS,
  run: escalateOverdueRequests,
};

export function escalationSchedulerPlugin(ctx: AppContext): FastifyPluginAsync {
  return scheduledJobPlugin(ctx, escalationSchedule);
}
