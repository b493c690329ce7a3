import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import {
  IdempotencyHeaders,
  IdParams,
  ObjectionAnswer,
  ObjectionBody,
  PublicNotice,
  TimeLimitsAnswer,
} from '../benefits.schemas.ts';
import { todayOf } from './case-scope.ts';
import { idempotentPublicWrite } from '../idempotent-route.ts';
import { fileObjection, listPublicNotices } from './publicity.service.ts';
import { timeLimitsOn } from './time-limits.ts';

/** The public 公示 page and its objections, and the time limits: open to anyone, no personal data, rate-limited writes. */
export function publicNoticesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/public/notices',
      {
        config: { access: 'anyone' },
        schema: {
          tags: ['benefits'],
          summary: '政策兑现公示（企业名称与金额，公示期见 GET /api/v1/public/time-limits）',
          querystring: PageQuery,
          response: { 200: PageOf(PublicNotice), ...standardErrors },
        },
      },
      async (request) => listPublicNotices(ctx, request.query),
    );

    app.get(
      '/api/v1/public/time-limits',
      {
        // Public: the 公示 page and the enterprise's forms state the periods; they are published rules.
        config: { access: 'anyone' },
        schema: {
          tags: ['benefits'],
          summary: '免申即享时限（审核时限、临近提醒、公示期，工作日），今日有效的值及依据',
          response: { 200: TimeLimitsAnswer, ...standardErrors },
        },
      },
      async () => {
        const { today } = todayOf(ctx.clock);
        return {
          today,
          items: timeLimitsOn(today).map(({ key, label, unit, from, value, source }) => ({
            key,
            label,
            unit,
            from,
            value,
            source,
          })),
        };
      },
    );

    app.post(
      '/api/v1/public/notices/:id/objections',
      {
        config: { access: 'anyone', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['benefits'],
          summary: '对公示提出异议',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ObjectionBody,
          response: { 200: ObjectionAnswer, 409: ErrorResponse, ...standardErrors },
        },
      },
      async (request, reply) =>
        idempotentPublicWrite(ctx, request, reply, (trx, actor) =>
          fileObjection(trx, ctx, actor, request.params.id, request.body.text),
        ),
    );
  };
}
