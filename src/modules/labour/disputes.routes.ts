import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { excelExportOptions, sendExport } from '../../platform/http/excel-export-route.ts';
import { ErrorResponse, PageOf, standardErrors } from '../../platform/http/schemas.ts';
import {
  DisputeBodySchema,
  DisputeChangeSchema,
  DisputeCompensationBodySchema,
  DisputeDetailSchema,
  DisputeFilterSchema,
  DisputeQuerySchema,
  DisputeSummarySchema,
  SimilarDisputeSchema,
} from './disputes.schemas.ts';
import { exportDisputes } from './disputes-export.ts';
import { changeDispute, createDispute, getDispute, listDisputes } from './disputes.service.ts';
import { calculateForDispute, findSimilarDisputes } from './dispute-tools.service.ts';
import { LABOUR_OFFICIAL_ROLES } from './labour-access.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const writeErrors = { ...standardErrors, 409: ErrorResponse, 422: ErrorResponse } as const;

/** 劳动争议: cases in the caller's regions, their stages, compensation, similar cases and the export. */
export function disputesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/labour/disputes',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '劳动争议案件列表（alerts=true 只看未结案的集体劳动争议预警）',
          querystring: DisputeQuerySchema,
          response: { 200: PageOf(DisputeSummarySchema), ...standardErrors },
        },
      },
      async (request) => listDisputes(ctx, request.user!, request.query),
    );

    app.get(
      '/api/v1/labour/disputes/export',
      excelExportOptions({
        access: LABOUR_OFFICIAL_ROLES,
        tags: ['labour'],
        summary: '导出劳动争议案件 Excel（不含当事人信息，导出留痕）',
        querystring: DisputeFilterSchema,
      }),
      async (request, reply) =>
        sendExport(reply, 'disputes.xlsx', exportDisputes(ctx, signedInActorOf(request), request.query)),
    );

    app.post(
      '/api/v1/labour/disputes',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '登记劳动争议案件（集体劳动争议即时向市、省人社发出应急预警）',
          body: DisputeBodySchema,
          response: { 200: DisputeDetailSchema, ...writeErrors },
        },
      },
      async (request) => createDispute(ctx, signedInActorOf(request), request.body),
    );

    app.get(
      '/api/v1/labour/disputes/:id',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '劳动争议案件详情（当事人信息遮蔽；whole=true 需个人信息查看授权，留痕）',
          params: IdParams,
          querystring: Type.Object({ whole: Type.Optional(Type.Boolean()) }),
          response: { 200: DisputeDetailSchema, ...standardErrors },
        },
      },
      async (request) => getDispute(ctx, signedInActorOf(request), request.params.id, request.query.whole ?? false),
    );

    app.patch(
      '/api/v1/labour/disputes/:id',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '推进案件：开始调解/审理、延期（仲裁）、结案',
          params: IdParams,
          body: DisputeChangeSchema,
          response: { 200: DisputeDetailSchema, ...writeErrors },
        },
      },
      async (request) => changeDispute(ctx, signedInActorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/labour/disputes/:id/compensation',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '为案件计算经济补偿、赔偿金或代通知金（按案件所在地区核对封顶，结果随案保存）',
          params: IdParams,
          body: DisputeCompensationBodySchema,
          response: { 200: DisputeDetailSchema, ...writeErrors },
        },
      },
      async (request) => calculateForDispute(ctx, signedInActorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/labour/disputes/:id/similar',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '相似案件（按请求事项的分词 TF-IDF 相似度）',
          params: IdParams,
          response: { 200: Type.Array(SimilarDisputeSchema), ...standardErrors },
        },
      },
      async (request) => findSimilarDisputes(ctx, signedInActorOf(request), request.params.id),
    );
  };
}
