import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { AppError } from '../../../platform/errors.ts';
import { uploadCeilings } from './applications-policy.ts';
import { describeSize } from './attachments-file-type.ts';
import { sha256Of, uploadAttachment, type UploadedFile } from './attachments.service.ts';
import { visibleCase } from '../cases/confirm.service.ts';
import { runIdempotent } from '../idempotency.ts';

/**
 * An upload request, once per Idempotency-Key: the key covers the file's name and SHA-256, so a
 * retried upload of the same file gets the stored answer (and no second copy), another file under
 * the same key is refused. Only the caller's own case is read into memory, up to the ceiling.
 */
export async function receiveUpload(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  params: { id: number; code: string },
) {
  const actor = signedInActorOf(request);
  const { id, code } = params;
  await visibleCase(ctx.db, actor.user, id);
  const file = await readFilePart(request);
  const body = { params, file_name: file.fileName, sha256: sha256Of(file.bytes) };
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const result = await runIdempotent(ctx, actor, route, String(request.headers['idempotency-key']), body, (trx) =>
    uploadAttachment(trx, ctx, actor, id, code, file),
  );
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return result.response;
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
      { max_bytes: ceiling },
    );
  }
}
