import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { IdempotencyHeaders, IdParams } from '../benefits.schemas.ts';
import { idempotentWrite } from '../idempotent-route.ts';
import { listOutbox, retryOutboxMessage } from './outbox-list.service.ts';
import { OutboxPage, OutboxQuery, OutboxRetryAnswer } from './outbox.schemas.ts';

// The province watches delivery; the system administrator runs the gateways.
const OUTBOX_KEEPERS: readonly Role[] = ['province_hrss', 'sysadmin'];

/** The outbox desk: messages with status, attempts and last error; 重新发送 for failed ones. */
export function outboxRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/benefits/outbox',
      {
        config: { access: OUTBOX_KEEPERS },
        schema: {
          tags: ['benefits'],
          summary: '短信、邮件与支付指令的发送记录（状态、次数、失败原因，地址脱敏）',
          querystring: OutboxQuery,
          response: { 200: OutboxPage, ...standardErrors },
        },
      },
      async (request) => listOutbox(ctx, request.query),
    );

    app.post(
      '/api/v1/benefits/outbox/:id/retry',
      {
        config: { access: OUTBOX_KEEPERS },
        schema: {
          tags: ['benefits'],
          summary: '重新发送一条发送失败的消息',
          params: IdParams,
          headers: IdempotencyHeaders,
          response: { 200: OutboxRetryAnswer, 409: ErrorResponse, ...standardErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) => retryOutboxMessage(trx, ctx, actor, request.params.id)),
    );
  };
}
