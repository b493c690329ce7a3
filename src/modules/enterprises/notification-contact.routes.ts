import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { standardErrors } from '../../platform/http/schemas.ts';
import { UsccParams } from './enterprises.schemas.ts';
import { NotificationContact, NotificationContactBody } from './notification-contact.schemas.ts';
import { getNotificationContact, updateNotificationContact } from './notification-contact.service.ts';

/** The enterprise's own mobile number and e-mail for SMS and e-mail notices (another enterprise's: 404). */
export function notificationContactRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/enterprises/:uscc/notification-contact',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['enterprises'],
          summary: '本企业接收政策短信、邮件的联系方式（脱敏）',
          params: UsccParams,
          response: { 200: NotificationContact, ...standardErrors },
        },
      },
      async (request) => getNotificationContact(ctx, signedInActorOf(request).user, request.params.uscc),
    );

    app.patch(
      '/api/v1/enterprises/:uscc/notification-contact',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['enterprises'],
          summary: '登记或更改本企业接收通知的手机号码和电子邮箱',
          params: UsccParams,
          body: NotificationContactBody,
          response: { 200: NotificationContact, ...standardErrors },
        },
      },
      async (request) => updateNotificationContact(ctx, signedInActorOf(request), request.params.uscc, request.body),
    );
  };
}
