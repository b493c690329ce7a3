import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { sendWorkbook } from '../../platform/http/excel-export.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { uploadCeilings } from '../benefits/applications/applications-policy.ts';
import { downloadRequestFile, uploadRequestFile } from './request-files.ts';
import { exportRequestStats, requestStats } from './request-stats.ts';
import {
  RequestCategorySchema,
  RequestDetailSchema,
  RequestFileSchema,
  RequestSchema,
  RequestStateSchema,
  RequestStatsSchema,
} from './requests.schemas.ts';
import {
  answerRequest,
  getRequest,
  listRequests,
  rateRequest,
  reopenRequest,
  submitRequest,
} from './requests.service.ts';

// An enterprise its own requests, a commissioner those of assigned enterprises, a city its region's, the province all.
const READERS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'commissioner', 'enterprise'];
const ANSWERERS: readonly Role[] = ['province_hrss', 'city_hrss', 'commissioner'];
const OFFICIALS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const writeErrors = { ...standardErrors, 409: ErrorResponse, 422: ErrorResponse };
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Enterprise requests (诉求): raise, attach, answer, rate, reopen once; statistics for officials. */
export function requestsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: uploadCeilings().maxBytes, files: 1, fields: 0, parts: 1 } });

    app.get(
      '/api/v1/governance/requests',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '企业诉求列表（企业看本企业，服务专员看挂钩企业，市县看本地区，省看全部）',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({
              state: Type.Optional(RequestStateSchema),
              category: Type.Optional(RequestCategorySchema),
              uscc: Type.Optional(Type.String({ maxLength: 40 })),
              overdue: Type.Optional(Type.Boolean({ description: '只看逾期未答复' })),
              escalated: Type.Optional(Type.Boolean({ description: '只看已提级' })),
            }),
          ]),
          response: { 200: PageOf(RequestSchema), ...standardErrors },
        },
      },
      async (request) => listRequests(ctx, signedInActorOf(request).user, request.query),
    );

    app.post(
      '/api/v1/governance/requests',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '企业提出诉求（按类别确定办理时限，工作日）',
          body: Type.Object(
            { category: RequestCategorySchema, text: Type.String({ minLength: 1, maxLength: 2000 }) },
            { additionalProperties: false },
          ),
          response: { 201: RequestSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await submitRequest(ctx, signedInActorOf(request), request.body)),
    );

    app.get(
      '/api/v1/governance/requests/stats',
      {
        config: { access: OFFICIALS },
        schema: {
          tags: ['governance'],
          summary: '诉求办理情况：按时答复率、平均办理时长、满意度（按设区市、服务专员、类别）',
          response: { 200: RequestStatsSchema, ...standardErrors },
        },
      },
      async (request) => requestStats(ctx, signedInActorOf(request).user),
    );

    app.get(
      '/api/v1/governance/requests/stats.xlsx',
      {
        config: { access: OFFICIALS },
        schema: {
          tags: ['governance'],
          summary: '导出诉求办理情况（Excel）',
          response: { 200: Type.String({ description: 'xlsx 文件' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const { fileName, content } = await exportRequestStats(ctx, signedInActorOf(request));
        return sendWorkbook(reply, fileName, 'requests-stats.xlsx', content);
      },
    );

    app.get(
      '/api/v1/governance/requests/:id',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '诉求详情（含附件列表）',
          params: IdParams,
          response: { 200: RequestDetailSchema, ...standardErrors },
        },
      },
      async (request) => getRequest(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.post(
      '/api/v1/governance/requests/:id/files',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '为办理中的诉求上传附件（multipart 字段 file；PDF、JPG、PNG，按文件内容识别类型）',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: RequestFileSchema, ...writeErrors, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await uploadRequestFile(ctx, request, signedInActorOf(request), request.params.id)),
    );

    app.get(
      '/api/v1/governance/request-files/:id',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '下载诉求附件（记入审计）',
          params: IdParams,
          response: { 200: Type.String({ description: '文件内容' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const file = await downloadRequestFile(ctx, signedInActorOf(request), request.params.id);
        const ascii = `request-file-${request.params.id}${/\.[A-Za-z0-9]+$/.exec(file.fileName)?.[0] ?? ''}`;
        return reply
          .header('content-type', file.contentType)
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(file.content as unknown as string);
      },
    );

    app.post(
      '/api/v1/governance/requests/:id/answer',
      {
        config: { access: ANSWERERS },
        schema: {
          tags: ['governance'],
          summary: '答复诉求（服务专员；提级后市县、省厅亦可答复）',
          params: IdParams,
          body: Type.Object(
            { resolution: Type.String({ minLength: 1, maxLength: 2000 }) },
            { additionalProperties: false },
          ),
          response: { 200: RequestSchema, ...writeErrors },
        },
      },
      async (request) => answerRequest(ctx, signedInActorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/governance/requests/:id/rating',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '企业评价答复（1–5 分与意见），诉求办结',
          params: IdParams,
          body: Type.Object(
            {
              rating: Type.Integer({ minimum: 1, maximum: 5 }),
              comment: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: RequestSchema, ...writeErrors },
        },
      },
      async (request) => rateRequest(ctx, signedInActorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/governance/requests/:id/reopen',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '对答复不满意时申请重新办理（每件诉求一次，重新计算办理时限）',
          params: IdParams,
          body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
          response: { 200: RequestSchema, ...writeErrors },
        },
      },
      async (request) => reopenRequest(ctx, signedInActorOf(request), request.params.id, request.body),
    );
  };
}
