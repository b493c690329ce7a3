import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uploadCeilings } from '../benefits/applications/applications-policy.ts';
import {
  declaredTypeOf,
  describeSize,
  detectedTypeOf,
  MIME_TYPES,
  TYPE_LABELS,
} from '../benefits/applications/attachments-file-type.ts';
import type { SignedIn } from './governance-scope.ts';
import * as requests from './requests.repository.ts';
import { requireVisibleRequest } from './requests.service.ts';

/**
 * Attachments of a request, checked as the other uploads are: the global size ceiling, the file's
 * type by its name and by its first bytes (PDF, JPG, PNG; both must agree), and a number of files
 * per request. The enterprise adds files while its request is open; downloads are audited.
 */

interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

async function readFilePart(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件（表单字段 file）');
  const part = await request.file();
  if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件（表单字段 file）');
  try {
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    const ceiling = uploadCeilings().maxBytes;
    throw new AppError(
      'ATTACHMENT_TOO_LARGE',
      `单个文件不能超过 ${describeSize(ceiling)}，「${part.filename}」超过了这一上限`,
      {
        max_bytes: ceiling,
      },
    );
  }
}

function checkFile(file: UploadedFile, ceiling: number): { fileName: string; type: keyof typeof MIME_TYPES } {
  const fileName =
    file.fileName
      .replace(/[\\/]/g, '_')
      .replace(/[\p{Cc}]/gu, '')
      .trim()
      .slice(0, 200) || '附件';
  if (file.bytes.length === 0) throw new AppError('VALIDATION_FAILED', `文件「${fileName}」是空的，请重新选择`);
  if (file.bytes.length > ceiling)
    throw new AppError(
      'ATTACHMENT_TOO_LARGE',
      `单个文件不能超过 ${describeSize(ceiling)}，「${fileName}」有 ${describeSize(file.bytes.length)}`,
    );
  const declared = declaredTypeOf(fileName);
  if (!declared)
    throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', `诉求附件只接受 PDF、JPG、PNG 文件，「${fileName}」不是`);
  const detected = detectedTypeOf(file.bytes);
  if (detected !== declared) {
    const actual = detected ? `实际是 ${TYPE_LABELS[detected]}` : '内容不是可识别的 PDF、JPG 或 PNG';
    throw new AppError(
      'ATTACHMENT_TYPE_MISMATCH',
      `「${fileName}」的文件名表明是 ${TYPE_LABELS[declared]}，但${actual}，请上传原始文件`,
    );
  }
  return { fileName, type: declared };
}

/** The enterprise attaches a file to its open request. */
export async function uploadRequestFile(ctx: AppContext, request: FastifyRequest, actor: SignedIn, id: number) {
  await requireVisibleRequest(ctx.db, actor.user, id);
  const file = await readFilePart(request);
  const ceilings = uploadCeilings();
  const checked = checkFile(file, ceilings.maxBytes);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireVisibleRequest(trx, actor.user, id);
    if (row.state !== 'submitted' && row.state !== 'reopened')
      throw new AppError('REQUEST_STATE_INVALID', '诉求已答复或办结，不能再上传附件');
    if ((await requests.countRequestFiles(trx, id)) >= ceilings.maxFilesPerCase)
      throw new AppError('ATTACHMENT_LIMIT_REACHED', `每件诉求最多上传 ${ceilings.maxFilesPerCase} 个文件`);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const at = ctx.clock().toISOString();
    const fileId = await requests.insertRequestFile(trx, {
      request_id: id,
      file_name: checked.fileName,
      file_type: checked.type,
      size_bytes: file.bytes.length,
      sha256,
      content: file.bytes,
      uploaded_by: actor.user.id,
      uploaded_at: at,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.request.attach',
        outcome: 'success',
        objectType: 'governance_request',
        objectId: id,
        details: { file_id: fileId, sha256, size_bytes: file.bytes.length, type: checked.type },
      },
      ctx.clock(),
    );
    return {
      id: fileId,
      fileName: checked.fileName,
      fileType: checked.type,
      sizeBytes: file.bytes.length,
      uploadedAt: at,
    };
  });
}

/** A file of a request the caller may read; each download is audited as a whole-document view. */
export async function downloadRequestFile(ctx: AppContext, actor: SignedIn, fileId: number) {
  const file = await requests.findRequestFile(ctx.db, fileId);
  if (!file) throw new AppError('NOT_FOUND', '文件不存在或不在您的办理范围内');
  await requireVisibleRequest(ctx.db, actor.user, Number(file.request_id)).catch(() => {
    throw new AppError('NOT_FOUND', '文件不存在或不在您的办理范围内');
  });
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'personal_data.view',
      outcome: 'success',
      objectType: 'governance_request_file',
      objectId: fileId,
      details: { request_id: Number(file.request_id), sha256: file.sha256, whole_document: true },
    },
    ctx.clock(),
  );
  const type = file.file_type as keyof typeof MIME_TYPES;
  return {
    fileName: file.file_name,
    contentType: MIME_TYPES[type] ?? 'application/octet-stream',
    content: file.content,
  };
}
