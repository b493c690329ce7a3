import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import { IdParams } from '../benefits.schemas.ts';
import { InboxPage, ReadAnswer } from './inbox.schemas.ts';
import { listInbox, markAllNoticesRead, markNoticeRead } from './inbox.service.ts';

/** The enterprise's 政策消息: list with the unread count, mark one or all read (own enterprise only). */
export function inboxRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/benefits/inbox',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '企业消息（政策兑现提醒、审核与拨付结果）与未读数',
          querystring: PageQuery,
          response: { 200: InboxPage, ...standardErrors },
        },
      },
      async (request) => listInbox(ctx, signedInActorOf(request).user, request.query),
    );

    app.post(
      '/api/v1/benefits/inbox/:id/read',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '将一条消息标为已读',
          params: IdParams,
          response: { 200: ReadAnswer, ...standardErrors },
        },
      },
      async (request) => markNoticeRead(ctx, signedInActorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/benefits/inbox/read-all',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['benefits'],
          summary: '将本企业全部消息标为已读',
          response: { 200: ReadAnswer, ...standardErrors },
        },
      },
      async (request) => markAllNoticesRead(ctx, signedInActorOf(request)),
    );
  };
}
