import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { uploadCeilings } from './applications-policy.ts';
import { ApplicationAnswer, Attachment, DeletedAnswer, UploadParams } from './applications.schemas.ts';
import { getApplication, submitApplication } from './applications.service.ts';
import { receiveUpload } from './attachments-upload.ts';
import { deleteAttachment, downloadAttachment } from './attachments.service.ts';
import { ConfirmBody, IdempotencyHeaders, IdParams, StateAnswer } from '../benefits.schemas.ts';
import { idempotentWrite } from '../idempotent-route.ts';

// The enterprise sees its own case's materials, a city its region's, the province all (others: 404).
const CASE_READERS: readonly Role[] = ['province_hrss', 'city_hrss', 'enterprise'];
const writeErrors = { 409: ErrorResponse, 422: ErrorResponse, ...standardErrors };
const uploadErrors = { ...writeErrors, 413: ErrorResponse, 415: ErrorResponse };

/** 即申即享 with a submission: the materials of a case (upload, list, download, delete) and 提交申请. */
export function applicationsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    // One file per request, never more than the global ceiling; a policy's own limit is checked after.
    await app.register(multipart, { limits: { fileSize: uploadCeilings().maxBytes, files: 1, fields: 0, parts: 1 } });

    app.get(
      '/api/v1/benefits/cases/:id/application',
      {
        config: { access: CASE_READERS },
        schema: {
          tags: ['benefits'],
          summary: '案件的兑现方式与申请材料（每项材料的要求、已上传文件、尚缺的必交材料）',
          params: IdParams,
          response: { 200: ApplicationAnswer, ...standardErrors },
        },
      },
      async (request) => getApplication(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.post(
      '/api/v1/benefits/cases/:id/attachments/:code',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '上传一项申请材料的文件（multipart 字段 file；类型和大小按政策要求，按文件内容识别类型）',
          consumes: ['multipart/form-data'],
          params: UploadParams,
          headers: IdempotencyHeaders,
          response: { 200: Attachment, ...uploadErrors },
        },
      },
      async (request, reply) => receiveUpload(ctx, request, reply, request.params),
    );

    app.get(
      '/api/v1/benefits/attachments/:id/file',
      {
        config: { access: CASE_READERS },
        schema: {
          tags: ['benefits'],
          summary: '下载申请材料文件（记入审计：查看完整文件）',
          params: IdParams,
          response: { 200: Type.String({ description: 'PDF、JPG 或 PNG' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const file = await downloadAttachment(ctx, signedInActorOf(request), request.params.id);
        const ascii = `attachment-${request.params.id}${/\.[A-Za-z0-9]+$/.exec(file.fileName)?.[0] ?? ''}`;
        return reply
          .header('content-type', file.contentType)
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(file.content as unknown as string); // bytes are sent as they are; the schema documents the file
      },
    );

    app.delete(
      '/api/v1/benefits/attachments/:id',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '删除尚未随申请提交的材料文件',
          params: IdParams,
          headers: IdempotencyHeaders,
          response: { 200: DeletedAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) => deleteAttachment(trx, ctx, actor, request.params.id)),
    );

    app.post(
      '/api/v1/benefits/cases/:id/apply',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary:
            '提交申请（须申请的政策）：必交材料齐全并填写收款账户，进入审核（时限见 GET /api/v1/public/time-limits）',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ConfirmBody,
          response: { 200: StateAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          submitApplication(trx, ctx, actor, request.params.id, request.body),
        ),
    );
  };
}
