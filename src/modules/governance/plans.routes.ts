import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { uploadCeilings } from '../benefits/applications/applications-policy.ts';
import { downloadPlan, filePlan, listPlans, reportMilestoneDone, reviewPlan } from './plans.service.ts';

const READERS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Plan = Type.Object({
  id: Type.Integer(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  version: Type.Integer(),
  title: Type.String(),
  state: Type.Union([Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('returned')]),
  stateLabel: Type.String(),
  fileName: Type.String(),
  fileType: Type.String(),
  sizeBytes: Type.Integer(),
  keyEnterprises: Type.Array(
    Type.Object({ uscc: Type.String(), name: Type.String(), commissionerName: Nullable(Type.String()) }),
  ),
  commissioners: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  milestones: Type.Array(
    Type.Object({
      date: Type.String(),
      task: Type.String(),
      doneOn: Nullable(Type.String({ description: '地区报告的完成日期' })),
      isOnTime: Nullable(Type.Boolean({ description: '按节点日期完成' })),
    }),
  ),
  deadline: Type.String(),
  isLate: Type.Boolean({ description: '晚于报送截止日期' }),
  submittedAt: Type.String(),
  submittedByName: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
});

/** The cities' 实施方案: filing (every version kept), the province's review, the document. */
export function plansRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: uploadCeilings().maxBytes, files: 1, fields: 2, fieldSize: 20_000, parts: 3 },
    });

    app.get(
      '/api/v1/governance/plans',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '实施方案各版本（市县看本地区，省看全部）及报送截止日期',
          response: {
            200: Type.Object({ deadline: Type.String(), deadlineSource: Type.String(), items: Type.Array(Plan) }),
            ...standardErrors,
          },
        },
      },
      async (request) => listPlans(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/governance/plans',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '报送实施方案（multipart：title、milestones JSON、file；PDF 或 Word；每次报送为新版本）',
          consumes: ['multipart/form-data'],
          response: { 201: Plan, ...standardErrors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => reply.status(201).send(await filePlan(ctx, request, signedInActorOf(request))),
    );

    app.post(
      '/api/v1/governance/plans/:id/review',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '省厅审核实施方案：备案通过或退回修改（退回须写意见）',
          params: IdParams,
          body: Type.Object(
            {
              decision: Type.Union([Type.Literal('approve'), Type.Literal('return')]),
              comment: Type.Optional(Type.String({ maxLength: 1000 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Plan, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request) => reviewPlan(ctx, signedInActorOf(request), request.params.id, request.body),
    );

    app.put(
      '/api/v1/governance/plans/:id/milestones/:index',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '报告已备案实施方案某个时间节点的完成日期（再次报告为更正）',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }), index: Type.Integer({ minimum: 0 }) }),
          body: Type.Object({ doneOn: Type.String({ format: 'date' }) }, { additionalProperties: false }),
          response: { 200: Plan, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request) =>
        reportMilestoneDone(
          ctx,
          signedInActorOf(request),
          request.params.id,
          request.params.index,
          request.body.doneOn,
        ),
    );

    app.get(
      '/api/v1/governance/plans/:id/document',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '下载实施方案文件',
          params: IdParams,
          response: { 200: Type.String({ description: '文件内容' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const file = await downloadPlan(ctx, signedInActorOf(request), request.params.id);
        const ascii = `plan-${request.params.id}${/\.[A-Za-z0-9]+$/.exec(file.fileName)?.[0] ?? ''}`;
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
  };
}
