import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import {
  CaseDetail,
  CasePage,
  CaseQuery,
  ConfirmBody,
  IdempotencyHeaders,
  IdParams,
  OverdueAnswer,
  ReasonBody,
  StateAnswer,
} from '../benefits.schemas.ts';
import { getCase, listCases, listOverdueByRegion } from './cases.service.ts';
import { confirmCase, declineCase } from './confirm.service.ts';
import { idempotentWrite } from '../idempotent-route.ts';

// The enterprise sees its own cases, a city its region, the province everything (others: 404).
const CASE_READERS: readonly Role[] = ['province_hrss', 'city_hrss', 'enterprise'];
const OFFICIALS: readonly Role[] = ['province_hrss', 'city_hrss'];
const writeErrors = { 409: ErrorResponse, 422: ErrorResponse, ...standardErrors };

/** Cases from the enterprise's side and the officials' lists: list, detail, 一键确认, decline, overdue (the inbox: inbox.routes.ts). */
export function casesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/benefits/cases',
      {
        config: { access: CASE_READERS },
        schema: {
          tags: ['benefits'],
          summary: '政策兑现案件列表（按政策、状态、地区、超期筛选，限本人可见范围）',
          querystring: CaseQuery,
          response: { 200: CasePage, ...standardErrors },
        },
      },
      async (request) => listCases(ctx, signedInActorOf(request).user, request.query),
    );

    app.get(
      '/api/v1/benefits/cases/:id',
      {
        config: { access: CASE_READERS },
        schema: {
          tags: ['benefits'],
          summary: '案件详情（测算说明、审核时限、办理记录）',
          params: IdParams,
          response: { 200: CaseDetail, ...standardErrors },
        },
      },
      async (request) => getCase(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.post(
      '/api/v1/benefits/cases/:id/confirm',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '企业一键确认（即申即享），确认或更正收款账户',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ConfirmBody,
          response: { 200: StateAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          confirmCase(trx, ctx, actor, request.params.id, request.body),
        ),
    );

    app.post(
      '/api/v1/benefits/cases/:id/decline',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '企业放弃享受（须说明理由）',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ReasonBody,
          response: { 200: StateAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          declineCase(trx, ctx, actor, request.params.id, request.body.reason),
        ),
    );

    app.get(
      '/api/v1/benefits/review/overdue',
      {
        config: { access: OFFICIALS },
        schema: {
          tags: ['benefits'],
          summary: '超过审核时限未审结的案件数（按地区；截止日暂按周一至周五推算的照常计入并另列）',
          response: { 200: OverdueAnswer, ...standardErrors },
        },
      },
      async (request) => listOverdueByRegion(ctx, signedInActorOf(request).user),
    );
  };
}
