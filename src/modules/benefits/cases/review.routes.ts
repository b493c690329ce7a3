import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import {
  ApproveBody,
  BulkApproveAnswer,
  BulkApproveBody,
  BulkPreviewBody,
  IdempotencyHeaders,
  MoneyPreview,
  IdParams,
  MatchRun,
  MatchRunBody,
  MatchRunPage,
  MatchRunQuery,
  ReasonBody,
  StateAnswer,
} from '../benefits.schemas.ts';
import { idempotentWrite } from '../idempotent-route.ts';
import { runMatchInBackground } from '../match/match-runner.ts';
import { getMatchRun, listMatchRuns, openMatchRun } from '../match/match.service.ts';
import { approveCase, approveCases, previewApproveCases, rejectCase, returnCase } from './review.service.ts';

const writeErrors = { 409: ErrorResponse, 422: ErrorResponse, ...standardErrors };

/** Province match runs (with progress) and the city's review: approve, reject, return, bulk approve. */
export function reviewRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/benefits/match-runs',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '发起免申即享匹配（按政策和期间比对全部企业，后台运行）',
          headers: IdempotencyHeaders,
          body: MatchRunBody,
          response: { 202: MatchRun, 200: MatchRun, ...writeErrors },
        },
      },
      async (request, reply) => {
        let fresh = false;
        const run = await idempotentWrite(ctx, request, reply, async (trx, actor) => {
          fresh = true;
          return openMatchRun(ctx, trx, actor, request.body.policy, request.body.period);
        });
        // The run works after its record is committed (in a worker thread, so requests keep being answered); the page polls GET …/match-runs/:id.
        if (fresh)
          runMatchInBackground(ctx, { user: null, requestId: request.id, ip: request.ip }, run.id).catch(
            (error: unknown) => request.log.warn({ err: error }, '匹配批次失败'),
          );
        return reply.code(fresh ? 202 : 200).send(run);
      },
    );

    app.get(
      '/api/v1/benefits/match-runs',
      {
        config: { access: ['province_hrss', 'city_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '匹配批次列表（政策、期间、状态、结果摘要、耗时）',
          querystring: MatchRunQuery,
          response: { 200: MatchRunPage, ...standardErrors },
        },
      },
      async (request) => listMatchRuns(ctx, request.query),
    );

    app.get(
      '/api/v1/benefits/match-runs/:id',
      {
        config: { access: ['province_hrss', 'city_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '匹配批次进度与结果（政策版本、数据快照、新增与金额变化）',
          params: IdParams,
          response: { 200: MatchRun, ...standardErrors },
        },
      },
      async (request) => getMatchRun(ctx, request.params.id),
    );

    app.post(
      '/api/v1/benefits/cases/:id/approve',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '审核通过（须填写审核意见；同时开始公示，公示期见 GET /api/v1/public/time-limits）',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ApproveBody,
          response: { 200: StateAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          approveCase(trx, ctx, actor, request.params.id, request.body),
        ),
    );

    app.post(
      '/api/v1/benefits/cases/:id/reject',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '审核不通过（须说明理由）',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ReasonBody,
          response: { 200: StateAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          rejectCase(trx, ctx, actor, request.params.id, request.body.reason),
        ),
    );

    app.post(
      '/api/v1/benefits/cases/:id/return',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '退回企业补正（须说明理由）',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ReasonBody,
          response: { 200: StateAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          returnCase(trx, ctx, actor, request.params.id, request.body.reason),
        ),
    );

    app.post(
      '/api/v1/benefits/cases/bulk-approve/preview',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '批量审核通过预览（案件、金额、收款账号脱敏、合计与确认码；不做任何变更）',
          body: BulkPreviewBody,
          response: { 200: MoneyPreview, ...standardErrors },
        },
      },
      async (request) => previewApproveCases(ctx.db, signedInActorOf(request), request.body.case_ids),
    );

    app.post(
      '/api/v1/benefits/cases/bulk-approve',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '免申即享批量审核通过（须带预览确认码或所列案件的合计金额，以及审核意见）',
          headers: IdempotencyHeaders,
          body: BulkApproveBody,
          response: { 200: BulkApproveAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) => approveCases(trx, ctx, actor, request.body)),
    );
  };
}
