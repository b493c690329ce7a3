import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { isIsoDate, todayInShanghai } from '../../platform/iso-date.ts';
import { PROVINCE_ROLES } from '../../platform/roles.ts';
import { uploadCeilings } from '../benefits/applications/applications-policy.ts';
import { describeSize } from '../benefits/applications/attachments-file-type.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';
import { planFilingDeadlineOn } from './governance-parameters.ts';
import type { SignedIn } from './governance-scope.ts';
import type { PlanState } from './governance.table.ts';
import * as plans from './plans.repository.ts';

/**
 * The cities' 实施方案 (notice 三（二）): a city files its plan — the document (PDF or Word,
 * checked by name and content like the other uploads), its key-enterprise list and commissioners
 * as they stand, milestones with dates; a filing after the deadline (a dated parameter) is marked
 * late; the province approves or returns it with comments; a new filing is a new version and
 * every version is kept.
 */

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  submitted: '待省厅审核',
  approved: '已备案',
  returned: '已退回修改',
};

const PLAN_TYPES = {
  pdf: { label: 'PDF', mime: 'application/pdf', signature: [0x25, 0x50, 0x44, 0x46] },
  docx: {
    label: 'Word（.docx）',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    signature: [0x50, 0x4b, 0x03, 0x04],
  },
  doc: { label: 'Word（.doc）', mime: 'application/msword', signature: [0xd0, 0xcf, 0x11, 0xe0] },
} as const;
type PlanFileType = keyof typeof PLAN_TYPES;

/** A milestone as filed; the city adds when it was done (who and when it reported, for the record). */
export interface Milestone {
  date: string;
  task: string;
  doneOn?: string;
  doneReportedAt?: string;
  doneReportedBy?: number;
}

function toView(row: plans.PlanRow) {
  return {
    id: Number(row.id),
    regionCode: row.region_code,
    regionName: row.region_name,
    version: Number(row.version),
    title: row.title,
    state: row.state,
    stateLabel: PLAN_STATE_LABELS[row.state] ?? row.state,
    fileName: row.file_name,
    fileType: row.file_type,
    sizeBytes: Number(row.size_bytes),
    keyEnterprises: JSON.parse(row.key_enterprises) as {
      uscc: string;
      name: string;
      commissionerName: string | null;
    }[],
    commissioners: JSON.parse(row.commissioners) as { id: number; name: string }[],
    milestones: (JSON.parse(row.milestones) as Milestone[]).map((m) => ({
      date: m.date,
      task: m.task,
      doneOn: m.doneOn ?? null,
      isOnTime: m.doneOn ? m.doneOn <= m.date : null,
    })),
    deadline: row.deadline,
    isLate: Number(row.is_late) === 1,
    submittedAt: row.submitted_at,
    submittedByName: row.submitted_by_name,
    reviewComment: row.review_comment,
    reviewedAt: row.reviewed_at,
    reviewedByName: row.reviewed_by_name,
  };
}
export type PlanView = ReturnType<typeof toView>;

async function planView(db: Db, id: number): Promise<PlanView> {
  return toView((await plans.findPlanRow(db, id))!);
}

async function regionsOf(ctx: AppContext, user: CurrentUser): Promise<readonly string[] | 'all'> {
  if (PROVINCE_ROLES.includes(user.role)) return 'all';
  return regionScopeCodes(ctx.db, user.regionCode ?? '');
}

/** Every version the caller may read (a city its own, the province all), with the deadline and its source. */
export async function listPlans(ctx: AppContext, user: CurrentUser) {
  const rows = await plans.listPlanRows(ctx.db, await regionsOf(ctx, user));
  const { deadline, source } = planFilingDeadlineOn(todayInShanghai(ctx.clock));
  return { deadline, deadlineSource: source, items: rows.map(toView) };
}

function parseMilestones(text: string | undefined): Milestone[] {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '[]');
  } catch {
    throw new AppError('VALIDATION_FAILED', '时间节点格式不正确');
  }
  if (!Array.isArray(value) || value.length === 0) throw new AppError('VALIDATION_FAILED', '请至少填写一个时间节点');
  return value.map((m: { date?: unknown; task?: unknown }, index) => {
    if (typeof m.date !== 'string' || !isIsoDate(m.date) || typeof m.task !== 'string' || !m.task.trim())
      throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 个时间节点须有日期（YYYY-MM-DD）和任务`);
    return { date: m.date, task: m.task.trim().slice(0, 200) };
  });
}

function checkPlanFile(fileName: string, bytes: Buffer, ceiling: number): PlanFileType {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', `文件「${fileName}」是空的，请重新选择`);
  if (bytes.length > ceiling)
    throw new AppError('ATTACHMENT_TOO_LARGE', `实施方案文件不能超过 ${describeSize(ceiling)}`);
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!(extension in PLAN_TYPES))
    throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', `实施方案只接受 PDF 或 Word 文件，「${fileName}」不是`);
  const declared = extension as PlanFileType;
  if (!PLAN_TYPES[declared].signature.every((byte, index) => bytes[index] === byte))
    throw new AppError(
      'ATTACHMENT_TYPE_MISMATCH',
      `「${fileName}」的文件名表明是 ${PLAN_TYPES[declared].label}，但内容不是，请上传原始文件`,
    );
  return declared;
}

/** A city files a new version of its plan (multipart: fields title and milestones first, then the file). */
export async function filePlan(ctx: AppContext, request: FastifyRequest, actor: SignedIn): Promise<PlanView> {
  const regionCode = actor.user.regionCode;
  if (!regionCode) throw new AppError('FORBIDDEN', '账号未设置地区，不能报送实施方案');
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传实施方案（字段 title、milestones、file）');
  const part = await request.file();
  if (!part) throw new AppError('VALIDATION_FAILED', '请选择实施方案文件（表单字段 file）');
  const field = (name: string) => {
    const value = part.fields[name] as { value?: unknown } | undefined;
    return typeof value?.value === 'string' ? value.value : undefined;
  };
  const title = field('title')?.trim() || '专精特新企业就业创业扬帆计划实施方案';
  const milestones = parseMilestones(field('milestones'));
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    throw new AppError('ATTACHMENT_TOO_LARGE', `实施方案文件不能超过 ${describeSize(uploadCeilings().maxBytes)}`);
  }
  const fileType = checkPlanFile(part.filename, bytes, uploadCeilings().maxBytes);
  const now = ctx.clock();
  const today = todayInShanghai(() => now);
  const { deadline } = planFilingDeadlineOn(today);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const list = await plans.findKeyListOf(trx, regionCode);
    const commissioners = new Map<number, string>();
    for (const entry of list)
      if (entry.commissioner_id !== null)
        commissioners.set(Number(entry.commissioner_id), entry.commissioner_name ?? '');
    const version = await plans.nextPlanVersion(trx, regionCode);
    const isLate = today > deadline;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const newId = await plans.insertPlan(trx, {
      region_code: regionCode,
      version,
      title: title.slice(0, 200),
      state: 'submitted',
      file_name: part.filename.replace(/[\\/]/g, '_').slice(0, 200),
      file_type: fileType,
      size_bytes: bytes.length,
      sha256,
      content: bytes,
      key_enterprises: JSON.stringify(
        list.map((e) => ({ uscc: e.uscc, name: e.name, commissionerName: e.commissioner_name })),
      ),
      commissioners: JSON.stringify([...commissioners].map(([cid, name]) => ({ id: cid, name }))),
      milestones: JSON.stringify(milestones),
      deadline,
      is_late: isLate ? 1 : 0,
      submitted_at: now.toISOString(),
      submitted_by: actor.user.id,
      review_comment: null,
      reviewed_at: null,
      reviewed_by: null,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.plan.file',
        outcome: 'success',
        objectType: 'implementation_plan',
        objectId: newId,
        details: { region: regionCode, version, is_late: isLate, deadline, sha256, key_enterprises: list.length },
      },
      now,
    );
    return newId;
  });
  return planView(ctx.db, id);
}

/** The province approves a filed version or returns it with comments (a comment is required to return). */
export async function reviewPlan(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: { decision: 'approve' | 'return'; comment?: string },
): Promise<PlanView> {
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment) throw new AppError('VALIDATION_FAILED', '退回修改须写明意见');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await plans.findPlanRow(trx, id);
    if (!row) throw new AppError('NOT_FOUND', '实施方案不存在');
    const state: PlanState = input.decision === 'approve' ? 'approved' : 'returned';
    const at = ctx.clock().toISOString();
    if (!(await plans.reviewPlan(trx, id, { state, comment, at, by: actor.user.id })))
      throw new AppError(
        'PLAN_ALREADY_REVIEWED',
        `该版本已审核（${PLAN_STATE_LABELS[row.state] ?? row.state}），请刷新`,
      );
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: input.decision === 'approve' ? 'governance.plan.approve' : 'governance.plan.return',
        outcome: 'success',
        objectType: 'implementation_plan',
        objectId: id,
        details: { region: row.region_code, version: Number(row.version) },
      },
      ctx.clock(),
    );
  });
  return planView(ctx.db, id);
}

/** The document of a version the caller may read. */
export async function downloadPlan(ctx: AppContext, actor: SignedIn, id: number) {
  const file = await plans.findPlanContent(ctx.db, id);
  const regions = await regionsOf(ctx, actor.user);
  if (!file || (regions !== 'all' && !regions.includes(file.region_code)))
    throw new AppError('NOT_FOUND', '实施方案不存在或不属于本地区');
  const type = PLAN_TYPES[file.file_type as PlanFileType];
  return { fileName: file.file_name, contentType: type?.mime ?? 'application/octet-stream', content: file.content };
}

/**
 * A city reports the day a milestone of its filed (approved) plan was done — not in the future; a second
 * report corrects the first. The assessment counts a milestone met on time when done by its date.
 */
export async function reportMilestoneDone(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  index: number,
  doneOn: string,
): Promise<PlanView> {
  const today = todayInShanghai(ctx.clock);
  if (!isIsoDate(doneOn) || doneOn > today) throw new AppError('VALIDATION_FAILED', '完成日期须为今天或以前的真实日期');
  const regions = await regionsOf(ctx, actor.user);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await plans.findPlanRow(trx, id);
    if (!row || (regions !== 'all' && !regions.includes(row.region_code)))
      throw new AppError('NOT_FOUND', '实施方案不存在或不属于本地区');
    if (row.state !== 'approved') throw new AppError('CONFLICT', '只有已备案的实施方案可以报告节点完成情况');
    const milestones = JSON.parse(row.milestones) as Milestone[];
    const milestone = milestones[index];
    if (!milestone) throw new AppError('NOT_FOUND', '该实施方案没有这个时间节点');
    const previous = milestone.doneOn ?? null;
    milestones[index] = {
      ...milestone,
      doneOn,
      doneReportedAt: ctx.clock().toISOString(),
      doneReportedBy: actor.user.id,
    };
    if (!(await plans.updateMilestones(trx, id, row.milestones, JSON.stringify(milestones))))
      throw new AppError('CONFLICT', '节点完成情况刚被更新，请刷新后重试');
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.plan.milestone',
        outcome: 'success',
        objectType: 'implementation_plan',
        objectId: id,
        details: { region: row.region_code, milestone: index, due: milestone.date, done_on: doneOn, previous },
      },
      ctx.clock(),
    );
  });
  return planView(ctx.db, id);
}
