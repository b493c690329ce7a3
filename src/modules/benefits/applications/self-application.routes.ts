import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import { IdempotencyHeaders } from '../benefits.schemas.ts';
import { idempotentWrite } from '../idempotent-route.ts';
import { SelfApplicationAnswer, SelfApplicationBody } from './self-application.schemas.ts';
import { startSelfApplication } from './self-application.service.ts';

const writeErrors = { 409: ErrorResponse, 422: ErrorResponse, ...standardErrors };

/** 企业自行申请: an enterprise opens its case of an application policy without waiting for the match run. */
export function selfApplicationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/benefits/applications',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '企业自行发起即申即享申请：按匹配规则测算本企业，符合或待申报时建立案件（已有案件则答复该案件）',
          headers: IdempotencyHeaders,
          body: SelfApplicationBody,
          response: { 200: SelfApplicationAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          startSelfApplication(trx, ctx, actor, request.body.policy, request.body.period),
        ),
    );
  };
}
