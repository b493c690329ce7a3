import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { maskPhone } from '../../../platform/crypto/masking.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { maskAddress, queueDirectMessage } from '../../benefits/delivery/direct-messages.service.ts';
import { maskName, requireOwnSeeker } from '../seekers/seekers.service.ts';
import * as seekers from '../seekers/seekers.repository.ts';
import * as repo from './applications.repository.ts';
import type { ApplicationStatus } from './applications.table.ts';
import {
  checkInterview,
  describeInterview,
  interviewsByApplication,
  type CheckedInterview,
  type InterviewInput,
  type InterviewView,
} from './interviews.ts';

/**
 * Applications (SPEC §2.6): a job seeker applies once to a published posting and follows it
 * through 已投递 → 已查看 → 面试 → 录用 / 不合适. The enterprise sees only applicants to its own
 * postings, masked until it invites them to interview; each step notifies the seeker through
 * the outbox and is audited in the same transaction.
 */

export const APPLICATION_STATUS_NAMES: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  interview: '面试',
  hired: '录用',
  rejected: '不合适',
};

/** The steps an enterprise may take from each state. */
export const NEXT_STATES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['viewed', 'interview', 'rejected'],
  viewed: ['interview', 'rejected'],
  interview: ['hired', 'rejected'],
  hired: [],
  rejected: [],
};

/** From the interview invitation on, the enterprise sees who the applicant is. */
const REVEALED: readonly ApplicationStatus[] = ['interview', 'hired'];

type SignedIn = Actor & { user: CurrentUser };

function ownUscc(user: CurrentUser): string {
  // Only enterprise accounts reach here (route access); an account without its enterprise has none.
  if (!user.uscc) throw new AppError('NOT_FOUND', '账号未绑定企业');
  return user.uscc;
}

async function notifySeeker(
  ctx: AppContext,
  db: Db,
  seeker: seekers.SeekerRow,
  application: { id: number; postingTitle: string; enterpriseName: string | null },
  status: ApplicationStatus,
  at: string,
  interview?: { arranged: CheckedInterview; rescheduleId?: number },
) {
  const phone = seeker.phone_enc ? ctx.cipher.decrypt(seeker.phone_enc) : null;
  const email = seeker.email_enc ? ctx.cipher.decrypt(seeker.email_enc) : null;
  const to = phone ?? email;
  if (!to) return;
  const where = `${application.enterpriseName ?? '企业'}「${application.postingTitle}」`;
  const body = {
    submitted: `您已成功投递${where}，请留意后续进展。`,
    viewed: `${where}已查看您的简历。`,
    interview: interview
      ? `${where}${interview.rescheduleId ? '调整了面试安排' : '邀请您参加面试'}。${describeInterview(interview.arranged)}。`
      : `${where}邀请您参加面试，企业将与您联系，请保持电话畅通。`,
    hired: `恭喜！${where}决定录用您，请留意企业的入职通知。`,
    rejected: `感谢您投递${where}，经企业评估暂不合适，欢迎继续关注其他岗位。`,
  }[status];
  await queueDirectMessage(ctx, db, {
    channel: phone ? 'sms' : 'email',
    to,
    key: `job-application:${application.id}:${status}${interview?.rescheduleId ? `:${interview.rescheduleId}` : ''}`,
    title: interview?.rescheduleId ? '应聘进展：面试时间变更' : `应聘进展：${APPLICATION_STATUS_NAMES[status]}`,
    body,
    at,
  });
}

async function audit(ctx: AppContext, db: Db, actor: Actor, action: string, id: number, details = {}) {
  await appendAudit(
    db,
    ctx.dialect,
    actor,
    { action, outcome: 'success', objectType: 'job_application', objectId: id, details },
    ctx.clock(),
  );
}

function seekerView(row: repo.ApplicationRow, interview: InterviewView | null) {
  return {
    id: Number(row.id),
    postingId: Number(row.posting_id),
    postingTitle: row.posting_title,
    enterpriseName: row.enterprise_name ?? null,
    status: row.status,
    statusName: APPLICATION_STATUS_NAMES[row.status],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    viewedAt: row.viewed_at,
    interviewAt: row.interview_at,
    decidedAt: row.decided_at,
    interview,
  };
}
export type SeekerApplicationView = ReturnType<typeof seekerView>;

/** A job seeker applies to a published posting still open; once per posting. */
export async function applyToPosting(
  ctx: AppContext,
  actor: SignedIn,
  postingId: number,
): Promise<SeekerApplicationView> {
  const seeker = await requireOwnSeeker(ctx, actor.user);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const posting = await repo.findPublishedPosting(trx, postingId);
    if (!posting) throw new AppError('NOT_FOUND', '岗位不存在或未发布');
    if (posting.valid_until < now.slice(0, 10)) throw new AppError('CONFLICT', '该岗位已过有效期，不能投递');
    const id = await repo.insertApplication(trx, {
      posting_id: postingId,
      seeker_id: Number(seeker.id),
      uscc: posting.uscc,
      status: 'submitted',
      created_at: now,
      updated_at: now,
      viewed_at: null,
      interview_at: null,
      decided_at: null,
    });
    if (id === undefined) throw new AppError('APPLICATION_ALREADY_SUBMITTED');
    await notifySeeker(
      ctx,
      trx,
      seeker,
      { id, postingTitle: posting.title, enterpriseName: posting.enterprise_name },
      'submitted',
      now,
    );
    await audit(ctx, trx, actor, 'job_application.submit', id, { posting: postingId });
    return seekerView((await repo.findApplication(trx, id))!, null);
  });
}

/** The signed-in seeker's own applications, newest first (or the one to a posting, for its page). */
export async function listOwnApplications(
  ctx: AppContext,
  user: CurrentUser,
  query: { postingId?: number; page?: number; pageSize?: number },
) {
  const seeker = await requireOwnSeeker(ctx, user);
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await repo.listSeekerApplications(ctx.db, Number(seeker.id), {
    ...(query.postingId ? { postingId: query.postingId } : {}),
    limit: pageSize,
    offset,
  });
  const interviews = await interviewsOf(ctx.db, rows);
  return { items: rows.map((r) => seekerView(r, interviews.get(Number(r.id)) ?? null)), total, page, pageSize };
}

async function interviewsOf(db: Db, rows: readonly repo.ApplicationRow[]) {
  return interviewsByApplication(
    await repo.listInterviews(
      db,
      rows.map((r) => Number(r.id)),
    ),
  );
}

function applicantView(
  ctx: AppContext,
  row: repo.ApplicationRow,
  seeker: seekers.SeekerRow | undefined,
  interview: InterviewView | null,
) {
  const isRevealed = REVEALED.includes(row.status);
  const name = seeker ? ctx.cipher.decrypt(seeker.name_enc) : '';
  const phone = seeker?.phone_enc ? ctx.cipher.decrypt(seeker.phone_enc) : null;
  const email = seeker?.email_enc ? ctx.cipher.decrypt(seeker.email_enc) : null;
  return {
    ...seekerView(row, interview),
    applicantName: isRevealed ? name : maskName(name),
    phone: phone ? (isRevealed ? phone : maskPhone(phone)) : null,
    email: email ? (isRevealed ? email : maskAddress(email)) : null,
    isRevealed,
    education: seeker?.education ?? null,
    graduationDate: seeker?.graduation_date ?? null,
    certificates: seeker ? (JSON.parse(seeker.certificates) as string[]) : [],
    nextStates: NEXT_STATES[row.status].map((s) => ({ status: s, statusName: APPLICATION_STATUS_NAMES[s] })),
  };
}
export type ApplicantView = ReturnType<typeof applicantView>;

/**
 * The enterprise's applicants (its own postings only), masked until the interview invitation;
 * a page that shows anyone whole is audited as a view of personal data.
 */
export async function listApplicants(
  ctx: AppContext,
  actor: SignedIn,
  query: { postingId?: number; status?: ApplicationStatus; page?: number; pageSize?: number },
) {
  const uscc = ownUscc(actor.user);
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await repo.listEnterpriseApplications(ctx.db, uscc, {
    ...(query.postingId ? { postingId: query.postingId } : {}),
    ...(query.status ? { status: query.status } : {}),
    limit: pageSize,
    offset,
  });
  const people = new Map(
    (await seekers.findSeekers(ctx.db, [...new Set(rows.map((r) => Number(r.seeker_id)))])).map((s) => [
      Number(s.id),
      s,
    ]),
  );
  const interviews = await interviewsOf(ctx.db, rows);
  const items = rows.map((r) =>
    applicantView(ctx, r, people.get(Number(r.seeker_id)), interviews.get(Number(r.id)) ?? null),
  );
  const revealed = items.filter((i) => i.isRevealed).map((i) => i.id);
  if (revealed.length > 0)
    await appendAudit(
      ctx.db,
      ctx.dialect,
      actor,
      {
        action: 'job_application.view_applicants',
        outcome: 'success',
        objectType: 'job_application',
        objectId: revealed.join(',').slice(0, 200),
        details: { revealed: revealed.length },
      },
      ctx.clock(),
    );
  return { items, total, page, pageSize };
}

/** Applications per posting and state for the enterprise's 应聘管理 overview. */
export async function summariseApplicants(ctx: AppContext, user: CurrentUser) {
  const rows = await repo.countByPosting(ctx.db, ownUscc(user));
  const byPosting = new Map<
    number,
    { postingId: number; title: string; total: number; counts: Record<string, number> }
  >();
  for (const r of rows) {
    const id = Number(r.posting_id);
    const entry = byPosting.get(id) ?? { postingId: id, title: r.title, total: 0, counts: {} };
    entry.counts[r.status] = Number(r.n);
    entry.total += Number(r.n);
    byPosting.set(id, entry);
  }
  return {
    items: [...byPosting.values()].map((p) => ({
      ...p,
      counts: Object.fromEntries(
        (Object.keys(APPLICATION_STATUS_NAMES) as ApplicationStatus[]).map((s) => [s, p.counts[s] ?? 0]),
      ) as Record<ApplicationStatus, number>,
    })),
  };
}

/**
 * The enterprise moves an applicant one step; the seeker is told and the step is audited. An
 * invitation to 面试 carries the interview's time, place or link, and note.
 */
export async function moveApplicant(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: { to: ApplicationStatus; interview?: InterviewInput | undefined },
): Promise<ApplicantView> {
  const uscc = ownUscc(actor.user);
  const { to } = input;
  const clock = ctx.clock();
  const now = clock.toISOString();
  const arranged = to === 'interview' ? checkInterview(input.interview, clock) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findApplication(trx, id);
    if (!row || row.uscc !== uscc) throw new AppError('NOT_FOUND', '应聘记录不存在或不属于本企业岗位');
    if (!NEXT_STATES[row.status].includes(to))
      throw new AppError(
        'APPLICATION_TRANSITION_INVALID',
        `应聘当前为“${APPLICATION_STATUS_NAMES[row.status]}”，不能改为“${APPLICATION_STATUS_NAMES[to]}”`,
      );
    const stamp =
      to === 'viewed'
        ? { viewed_at: now }
        : to === 'interview'
          ? { interview_at: now, ...(row.viewed_at ? {} : { viewed_at: now }) }
          : { decided_at: now, ...(row.viewed_at ? {} : { viewed_at: now }) };
    if (!(await repo.moveApplication(trx, id, row.status, { status: to, updated_at: now, ...stamp })))
      throw new AppError('APPLICATION_TRANSITION_INVALID', '该应聘记录已被他人处理，请刷新');
    if (arranged)
      await repo.insertInterview(trx, { application_id: id, ...arranged, created_by: actor.user.id, created_at: now });
    const seeker = (await seekers.findSeeker(trx, Number(row.seeker_id)))!;
    await notifySeeker(
      ctx,
      trx,
      seeker,
      { id, postingTitle: row.posting_title, enterpriseName: row.enterprise_name },
      to,
      now,
      arranged ? { arranged } : undefined,
    );
    await audit(ctx, trx, actor, `job_application.${to}`, id, {
      from: row.status,
      ...(arranged ? { interviewAt: arranged.scheduled_at, isOnline: arranged.link !== null } : {}),
    });
    return applicantViewOf(ctx, trx, id, seeker);
  });
}

async function applicantViewOf(ctx: AppContext, db: Db, id: number, seeker: seekers.SeekerRow) {
  const row = (await repo.findApplication(db, id))!;
  return applicantView(ctx, row, seeker, (await interviewsOf(db, [row])).get(id) ?? null);
}

/**
 * The enterprise changes the time, place or link of an interview it arranged; the earlier
 * arrangement stays as history, the seeker is told again and the change is audited.
 */
export async function rescheduleInterview(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: InterviewInput,
): Promise<ApplicantView> {
  const uscc = ownUscc(actor.user);
  const clock = ctx.clock();
  const now = clock.toISOString();
  const arranged = checkInterview(input, clock);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findApplication(trx, id);
    if (!row || row.uscc !== uscc) throw new AppError('NOT_FOUND', '应聘记录不存在或不属于本企业岗位');
    if (row.status !== 'interview')
      throw new AppError(
        'APPLICATION_TRANSITION_INVALID',
        `应聘当前为“${APPLICATION_STATUS_NAMES[row.status]}”，只有“面试”阶段可以调整面试安排`,
      );
    const before = (await interviewsOf(trx, [row])).get(id);
    const rescheduleId = await repo.insertInterview(trx, {
      application_id: id,
      ...arranged,
      created_by: actor.user.id,
      created_at: now,
    });
    const seeker = (await seekers.findSeeker(trx, Number(row.seeker_id)))!;
    await notifySeeker(
      ctx,
      trx,
      seeker,
      { id, postingTitle: row.posting_title, enterpriseName: row.enterprise_name },
      'interview',
      now,
      { arranged, rescheduleId },
    );
    await audit(ctx, trx, actor, 'job_application.reschedule', id, {
      from: before?.at ?? null,
      to: arranged.scheduled_at,
      isOnline: arranged.link !== null,
    });
    return applicantViewOf(ctx, trx, id, seeker);
  });
}
