import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { addWorkdaysProvisional } from '../../platform/calendar.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { HOUR_MS, scheduledJobPlugin, type ScheduledJob } from '../../platform/jobs/scheduled-job.ts';
import { queueOfficialNotice } from '../benefits/delivery/official-alerts.service.ts';
import { listOpenCollectionsWithDeadline } from './collections/collections.repository.ts';
import { listOpenRoundRows, listReturnRows } from './dispatch/dispatch.repository.ts';
import { deadlineReminderWorkdaysOn } from './governance-parameters.ts';
import { queueCollectionRecipientsNotice } from './notify.repository.ts';

/**
 * Notices of data collections and 调度 rounds through the outbox: when a collection is sent to the
 * enterprises and when a round is opened to the cities (written by their services), reminders to
 * those who have not answered N working days before the deadline (the dated parameter
 * deadline_reminder_workdays, on the official calendar), and a late notice the day after it.
 * Every notice has a stable dedupe key, so reruns, restarts and two server processes queue each once.
 */

/** The day (Asia/Shanghai) of a stored instant. */
function dayOf(instant: string): string {
  return todayInShanghai(() => new Date(instant));
}

export type DueNotice = { kind: 'reminder'; workdays: number } | { kind: 'late' } | null;

/**
 * The notice due today for something opened on `openedOn` with its deadline: the nearest reminder
 * whose day has come (one whose day was not after the opening is skipped), the late notice once the
 * deadline has passed, or none.
 */
export function dueNoticeOn(openedOn: string, deadline: string, today: string): DueNotice {
  if (today > deadline) return { kind: 'late' };
  let due: DueNotice = null;
  for (const workdays of deadlineReminderWorkdaysOn(deadline)) {
    const remindOn = addWorkdaysProvisional(deadline, -workdays).value;
    if (remindOn <= today && openedOn < remindOn) due = { kind: 'reminder', workdays };
  }
  return due;
}

/** A collection sent to enterprises: each recipient is told (once), with the approval number and deadline. */
export async function noticeCollectionSent(
  db: Db,
  collection: { id: number; title: string; approvalNumber: string | null; deadline: string | null },
  at: string,
): Promise<number> {
  const until = collection.deadline ? `，请于 ${collection.deadline} 前填报` : '，请及时填报';
  return queueCollectionRecipientsNotice(db, {
    collectionId: collection.id,
    key: `collection:${collection.id}:sent`,
    onlyUnanswered: false,
    title: `请填报：${collection.title}`,
    body: `「${collection.title}」（统计调查批准文号 ${collection.approvalNumber ?? ''}）已发送给您单位${until}。请登录扬帆计划服务平台「调查填报」填写。`,
    at,
  });
}

/** A round opened: the 市/县人社 officials of every unit are told (once). */
export async function noticeRoundOpened(
  db: Db,
  round: { id: number; title: string; period: string; deadline: string; units: { code: string }[] },
  at: string,
): Promise<number> {
  return queueOfficialNotice(db, {
    targets: round.units.map((u) => ({ role: 'city_hrss', regionCode: u.code })),
    key: `dispatch:${round.id}:open`,
    title: `工作调度：${round.title}`,
    body: `省人社厅发起工作调度「${round.title}」（${round.period}），请于 ${round.deadline} 前在扬帆计划「工作调度」中核对预填数据并报送。`,
    at,
  });
}

async function collectionNotices(ctx: AppContext, today: string, at: string): Promise<number> {
  let queued = 0;
  for (const c of await listOpenCollectionsWithDeadline(ctx.db)) {
    const due = dueNoticeOn(dayOf(c.opened_at ?? c.created_at), c.deadline!, today);
    if (!due) continue;
    const id = Number(c.id);
    if (due.kind === 'reminder') {
      queued += await queueCollectionRecipientsNotice(ctx.db, {
        collectionId: id,
        key: `collection:${id}:remind:${due.workdays}`,
        onlyUnanswered: true,
        title: `调查填报提醒：${c.title}`,
        body: `「${c.title}」（统计调查批准文号 ${c.approval_number ?? ''}）将于 ${c.deadline} 截止，您单位尚未填报，请及时填写。`,
        at,
      });
    } else {
      const missing = await queueCollectionRecipientsNotice(ctx.db, {
        collectionId: id,
        key: `collection:${id}:late`,
        onlyUnanswered: true,
        title: `调查已截止：${c.title}`,
        body: `「${c.title}」已于 ${c.deadline} 截止填报，您单位未在截止前填报。如有疑问请联系发起调查的人社部门。`,
        at,
      });
      queued += await queueOfficialNotice(ctx.db, {
        targets: [],
        userIds: [Number(c.created_by)],
        key: `collection:${id}:late`,
        title: `调查已截止：${c.title}`,
        body: `「${c.title}」已于 ${c.deadline} 截止，${missing} 户企业未填报。`,
        at,
      });
    }
  }
  return queued;
}

async function roundNotices(ctx: AppContext, today: string, at: string): Promise<number> {
  let queued = 0;
  const rounds = await listOpenRoundRows(ctx.db);
  const returns = await listReturnRows(
    ctx.db,
    rounds.map((r) => Number(r.id)),
  );
  for (const round of rounds) {
    const due = dueNoticeOn(dayOf(round.opened_at), round.deadline, today);
    if (!due) continue;
    const id = Number(round.id);
    const units = (JSON.parse(round.prefill) as { units: { code: string; name: string }[] }).units;
    const returned = new Set(returns.filter((r) => Number(r.round_id) === id).map((r) => r.region_code));
    for (const unit of units.filter((u) => !returned.has(u.code))) {
      const isLate = due.kind === 'late';
      queued += await queueOfficialNotice(ctx.db, {
        targets: [{ role: 'city_hrss', regionCode: unit.code }],
        key: isLate ? `dispatch:${id}:late:${unit.code}` : `dispatch:${id}:remind:${due.workdays}:${unit.code}`,
        title: `${isLate ? '调度逾期未报' : '调度报送提醒'}：${round.title}`,
        body: isLate
          ? `工作调度「${round.title}」已于 ${round.deadline} 截止，${unit.name}尚未报送，请尽快报送（逾期报送将标注）。`
          : `工作调度「${round.title}」将于 ${round.deadline} 截止，${unit.name}尚未报送，请及时报送。`,
        at,
      });
    }
  }
  return queued;
}

/** One run: the reminders and late notices due today for open collections and rounds; answers how many were addressed. */
export async function sendDeadlineNotices(ctx: AppContext): Promise<{ addressed: number }> {
  const now = ctx.clock();
  const today = todayInShanghai(() => now);
  const at = now.toISOString();
  return { addressed: (await collectionNotices(ctx, today, at)) + (await roundNotices(ctx, today, at)) };
}

/** Runs the deadline notices hourly with the server (not in tests). */
export const deadlineNoticesSchedule: ScheduledJob = {
  name: 'deadline-notices',
  failureMessage: '调查与调度截止提醒失败',
  firstTickMs: 120_000,
  intervalMs: HOUR_MS,
  run: sendDeadlineNotices,
};

export function deadlineNoticesPlugin(ctx: AppContext) {
  return scheduledJobPlugin(ctx, deadlineNoticesSchedule);
}
