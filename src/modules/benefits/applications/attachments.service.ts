import { createHash } from 'node:crypto';
import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AttachmentRequirement } from '../../../policies/delivery.ts';
import { requireDelivery, uploadCeilings } from './applications-policy.ts';
import { attachmentView } from './applications-views.ts';
import {
  countAttachments,
  deleteUnsubmittedAttachment,
  findAttachment,
  findAttachmentContent,
  insertAttachment,
} from './applications.repository.ts';
import { describeSize, detectedTypeOf, declaredTypeOf, MIME_TYPES, TYPE_LABELS } from './attachments-file-type.ts';
import { CASE_STATE_LABELS, type CaseState } from '../cases/case-states.ts';
import { visibleCase } from '../cases/confirm.service.ts';

/**
 * The materials of an application: the enterprise uploads files to its own case while the case
 * waits for it (matched, or returned for correction) and deletes those not yet submitted; the
 * enterprise, the city of the case's region and the province download them (each download is
 * audited as a view of the whole document: contracts and rosters carry personal data).
 */

type Enterprise = Actor & { user: CurrentUser };

/** States in which the enterprise works on its application. */
const EDITABLE_STATES: readonly string[] = ['matched', 'returned'];

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** Whether the enterprise may still change its case's materials. */
export function isEditable(state: string): boolean {
  return EDITABLE_STATES.includes(state);
}

/** The SHA-256 of an upload, which also names it for the Idempotency-Key check. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores one file for a material of the case after checking the material, the state, the size and the type. */
export async function uploadAttachment(
  trx: Db,
  ctx: AppContext,
  actor: Enterprise,
  caseId: number,
  code: string,
  file: UploadedFile,
) {
  const current = await visibleCase(trx, actor.user, caseId);
  const { attachments } = await requireDelivery(trx, current.policy_code, 'application');
  const requirement = attachments.find((attachment) => attachment.code === code);
  if (!requirement)
    throw new AppError(
      'NOT_FOUND',
      `该政策没有编码为「${code}」的申请材料（可上传：${attachments.map((a) => `${a.code} ${a.name}`).join('、')}）`,
    );
  refuseUnlessEditable(current.state);
  const ceilings = uploadCeilings();
  if ((await countAttachments(trx, caseId)) >= ceilings.maxFilesPerCase) {
    throw new AppError(
      'ATTACHMENT_LIMIT_REACHED',
      `每个案件最多上传 ${ceilings.maxFilesPerCase} 个文件，请先删除不需要的文件`,
    );
  }
  const checked = checkFile(requirement, file, ceilings.maxBytes);
  const at = ctx.clock().toISOString();
  const sha256 = sha256Of(file.bytes);
  const id = await insertAttachment(trx, {
    case_id: caseId,
    attachment_code: code,
    file_name: checked.fileName,
    declared_type: checked.type,
    detected_type: checked.type,
    size_bytes: file.bytes.length,
    sha256,
    content: file.bytes,
    uploaded_by: actor.user.id,
    uploaded_by_name: actor.user.username,
    uploaded_at: at,
  });
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: 'benefits.attachment.upload',
      outcome: 'success',
      objectType: 'benefit_attachment',
      objectId: id,
      details: { case_id: caseId, attachment: code, sha256, size_bytes: file.bytes.length, type: checked.type },
    },
    ctx.clock(),
  );
  const stored = await findAttachment(trx, id);
  return attachmentView(stored!);
}

/** Deletes a file not yet submitted while the enterprise still works on the case. */
export async function deleteAttachment(trx: Db, ctx: AppContext, actor: Enterprise, id: number) {
  const { row, current } = await visibleAttachment(trx, actor.user, id);
  if (row.submitted_at)
    throw new AppError(
      'ATTACHMENT_LOCKED',
      `该文件已于 ${row.submitted_at.slice(0, 10)} 随申请提交，不能删除；如需补正，请上传新的文件`,
    );
  refuseUnlessEditable(current.state);
  if (!(await deleteUnsubmittedAttachment(trx, id))) throw new AppError('ATTACHMENT_LOCKED');
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: 'benefits.attachment.delete',
      outcome: 'success',
      objectType: 'benefit_attachment',
      objectId: id,
      details: { case_id: toNumber(row.case_id), attachment: row.attachment_code, sha256: row.sha256 },
    },
    ctx.clock(),
  );
  return { id, deleted: true };
}

/** A file's content for download, audited as a view of the whole document. */
export async function downloadAttachment(ctx: AppContext, actor: Actor & { user: CurrentUser }, id: number) {
  const { row } = await visibleAttachment(ctx.db, actor.user, id);
  const content = await findAttachmentContent(ctx.db, id);
  if (!content) throw new AppError('NOT_FOUND', '文件不存在');
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'personal_data.view',
      outcome: 'success',
      objectType: 'benefit_attachment',
      objectId: id,
      details: {
        case_id: toNumber(row.case_id),
        attachment: row.attachment_code,
        sha256: row.sha256,
        whole_document: true,
      },
    },
    ctx.clock(),
  );
  const type = row.detected_type as keyof typeof MIME_TYPES;
  return { fileName: row.file_name, contentType: MIME_TYPES[type] ?? 'application/octet-stream', content };
}

/** A file whose case the caller may see (others: 404, as for the case itself). */
async function visibleAttachment(db: Db, user: CurrentUser, id: number) {
  const row = await findAttachment(db, id);
  if (!row) throw new AppError('NOT_FOUND', '文件不存在或不在您的管辖范围内');
  const current = await visibleCase(db, user, toNumber(row.case_id)).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND'
      ? new AppError('NOT_FOUND', '文件不存在或不在您的管辖范围内')
      : error;
  });
  return { row, current };
}

function refuseUnlessEditable(state: string): void {
  if (isEditable(state)) return;
  const label = CASE_STATE_LABELS[state as CaseState] ?? state;
  throw new AppError('INVALID_STATE_TRANSITION', `案件当前状态（${label}）不能再修改申请材料`, { state });
}

/** Size and type of one file against its material and the global ceiling; answers the clean name and the type. */
function checkFile(requirement: AttachmentRequirement, file: UploadedFile, ceiling: number) {
  const fileName = cleanFileName(file.fileName);
  const accepted = requirement.types.map((type) => TYPE_LABELS[type]).join('、');
  if (file.bytes.length === 0) throw new AppError('VALIDATION_FAILED', `文件「${fileName}」是空的，请重新选择`);
  const limit = Math.min(requirement.maxBytes, ceiling);
  if (file.bytes.length > limit) {
    throw new AppError(
      'ATTACHMENT_TOO_LARGE',
      `「${requirement.name}」单个文件不能超过 ${describeSize(limit)}，「${fileName}」有 ${describeSize(file.bytes.length)}`,
      { max_bytes: limit, size_bytes: file.bytes.length },
    );
  }
  const declared = declaredTypeOf(fileName);
  if (!declared || !requirement.types.includes(declared)) {
    throw new AppError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `「${requirement.name}」只接受 ${accepted} 文件，「${fileName}」不是`,
      { types: requirement.types },
    );
  }
  const detected = detectedTypeOf(file.bytes);
  if (detected !== declared) {
    const actual = detected ? `实际是 ${TYPE_LABELS[detected]}` : '内容不是可识别的 PDF、JPG 或 PNG';
    throw new AppError(
      'ATTACHMENT_TYPE_MISMATCH',
      `「${fileName}」的文件名表明是 ${TYPE_LABELS[declared]}，但${actual}，请上传原始文件`,
      { declared, detected: detected ?? null },
    );
  }
  return { fileName, type: declared };
}

/** The name without a path, control characters or quotes, at most 200 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 200) return clean || '未命名文件';
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(clean)?.[0] ?? '';
  return clean.slice(0, 200 - extension.length) + extension;
}
