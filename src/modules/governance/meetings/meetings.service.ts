import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { isIsoDate, todayInShanghai } from '../../../platform/iso-date.ts';
import { PROVINCE_ROLES } from '../../../platform/roles.ts';
import { PROVINCE_CODE } from '../collections/collections.service.ts';
import type { SignedIn } from '../governance-scope.ts';
import * as meetings from './meetings.repository.ts';

/**
 * 部门会商 (notice 三（一）: 人社 and 工信 “建立协调协商机制，定期召开会议”): a meeting record — date,
 * attendees by unit, topics, decisions — and its action items, each with an owner and a due date,
 * followed until marked done; an open item past its due date is flagged overdue.
 */

export interface MeetingInput {
  heldOn: string;
  title: string;
  attendees: { unit: string; names: string }[];
  topics: string[];
  decisions: string[];
  actions: { task: string; ownerUnit: string; ownerName?: string | null; dueOn: string }[];
}

function regionsOf(user: CurrentUser): string[] | 'all' {
  return PROVINCE_ROLES.includes(user.role) ? 'all' : [user.regionCode ?? '', PROVINCE_CODE];
}

/** Meetings the caller may read (the province all, a city its own and the province's), with their actions. */
export async function listMeetings(ctx: AppContext, user: CurrentUser) {
  const rows = await meetings.listMeetingRows(ctx.db, regionsOf(user));
  const actions = await meetings.listActionRows(
    ctx.db,
    rows.map((r) => Number(r.id)),
  );
  const today = todayInShanghai(ctx.clock);
  const items = rows.map((row) => ({
    id: Number(row.id),
    regionCode: row.region_code,
    regionName: row.region_name,
    heldOn: row.held_on,
    title: row.title,
    attendees: JSON.parse(row.attendees) as MeetingInput['attendees'],
    topics: JSON.parse(row.topics) as string[],
    decisions: JSON.parse(row.decisions) as string[],
    actions: actions
      .filter((a) => Number(a.meeting_id) === Number(row.id))
      .map((a) => ({
        id: Number(a.id),
        task: a.task,
        ownerUnit: a.owner_unit,
        ownerName: a.owner_name,
        dueOn: a.due_on,
        state: a.state,
        isOverdue: a.state === 'open' && today > a.due_on,
        doneAt: a.done_at,
        doneNote: a.done_note,
        doneByName: a.done_by_name,
      })),
  }));
  const open = items.flatMap((m) => m.actions).filter((a) => a.state === 'open');
  return { items, openActions: open.length, overdueActions: open.filter((a) => a.isOverdue).length };
}

/** Records a meeting with its action items (the province's, or the caller's city's). */
export async function recordMeeting(ctx: AppContext, actor: SignedIn, input: MeetingInput) {
  if (!isIsoDate(input.heldOn)) throw new AppError('INVALID_DATE', '会议日期格式应为 YYYY-MM-DD');
  if (input.attendees.length === 0) throw new AppError('VALIDATION_FAILED', '请填写参会单位');
  if (input.topics.filter((t) => t.trim()).length === 0) throw new AppError('VALIDATION_FAILED', '请填写会商议题');
  for (const action of input.actions) {
    if (!isIsoDate(action.dueOn)) throw new AppError('INVALID_DATE', `「${action.task}」的完成时限格式应为 YYYY-MM-DD`);
    if (!action.task.trim() || !action.ownerUnit.trim())
      throw new AppError('VALIDATION_FAILED', '每项工作任务须写明任务和责任单位');
  }
  const regionCode = PROVINCE_ROLES.includes(actor.user.role) ? PROVINCE_CODE : actor.user.regionCode;
  if (!regionCode) throw new AppError('FORBIDDEN', '账号未设置地区');
  await ctx.db.transaction().execute(async (trx) => {
    const id = await meetings.insertMeeting(
      trx,
      {
        region_code: regionCode,
        held_on: input.heldOn,
        title: input.title.trim(),
        attendees: JSON.stringify(input.attendees.map((a) => ({ unit: a.unit.trim(), names: a.names.trim() }))),
        topics: JSON.stringify(input.topics.map((t) => t.trim()).filter(Boolean)),
        decisions: JSON.stringify(input.decisions.map((d) => d.trim()).filter(Boolean)),
        created_at: ctx.clock().toISOString(),
        created_by: actor.user.id,
      },
      input.actions.map((a) => ({
        task: a.task.trim(),
        owner_unit: a.ownerUnit.trim(),
        owner_name: a.ownerName?.trim() || null,
        due_on: a.dueOn,
        state: 'open' as const,
        done_at: null,
        done_by: null,
        done_note: null,
      })),
    );
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.meeting.record',
        outcome: 'success',
        objectType: 'governance_meeting',
        objectId: id,
        details: { held_on: input.heldOn, actions: input.actions.length },
      },
      ctx.clock(),
    );
  });
  return listMeetings(ctx, actor.user);
}

/** Marks an action item done with a note on what was done. */
export async function completeAction(ctx: AppContext, actor: SignedIn, actionId: number, note: string) {
  if (!note.trim()) throw new AppError('VALIDATION_FAILED', '请写明办理情况');
  await ctx.db.transaction().execute(async (trx) => {
    const found = await meetings.findActionMeeting(trx, actionId);
    const regions = regionsOf(actor.user);
    if (!found || (regions !== 'all' && found.region_code !== actor.user.regionCode))
      throw new AppError('NOT_FOUND', '工作任务不存在或不属于本地区');
    if (
      !(await meetings.markActionDone(trx, actionId, {
        at: ctx.clock().toISOString(),
        by: actor.user.id,
        note: note.trim(),
      }))
    )
      throw new AppError('CONFLICT', '该任务已办结');
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.meeting.action_done',
        outcome: 'success',
        objectType: 'governance_meeting_action',
        objectId: actionId,
      },
      ctx.clock(),
    );
  });
  return listMeetings(ctx, actor.user);
}
