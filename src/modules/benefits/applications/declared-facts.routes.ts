import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { IdempotencyHeaders, IdParams } from '../benefits.schemas.ts';
import { DeclarationsAnswer, DeclarationsBody } from './declared-facts.schemas.ts';
import { getCaseDeclarations, saveCaseDeclarations } from './declared-facts.service.ts';
import { idempotentWrite } from '../idempotent-route.ts';

// The enterprise sees its own case's declarations, a city its region's, the province all (others: 404).
const CASE_READERS: readonly Role[] = ['province_hrss', 'city_hrss', 'enterprise'];
const writeErrors = { 409: ErrorResponse, 422: ErrorResponse, ...standardErrors };

/** 申报事实: the rows of a case with their declarable facts, and the enterprise's declaration. */
export function declaredFactsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/benefits/cases/:id/declarations',
      {
        config: { access: CASE_READERS },
        schema: {
          tags: ['benefits'],
          summary: '案件的申报事实：可申报的事实、每行人员（脱敏）的数据与企业申报值、结果与金额',
          params: IdParams,
          response: { 200: DeclarationsAnswer, ...standardErrors },
        },
      },
      async (request) => getCaseDeclarations(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.put(
      '/api/v1/benefits/cases/:id/declarations',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '企业申报事实（逐人填写，null 撤回），按同一规则重新测算并答复结果、金额与说明',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: DeclarationsBody,
          response: { 200: DeclarationsAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          saveCaseDeclarations(trx, ctx, actor, request.params.id, request.body.rows),
        ),
    );
  };
}
