import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { actorOf, signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { standardErrors } from '../../platform/http/schemas.ts';
import { CredentialsResetSchema } from './accounts.schemas.ts';
import { resetCredentials } from './passwords.service.ts';
import { clearLockout, listLockouts, listSecuritySettings } from './security.service.ts';

const Lockout = Type.Object({
  username: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()], { description: '被锁定的来源地址；为空表示账号自所有地址锁定' }),
  failures: Type.Integer(),
  lockedUntil: Type.String(),
});
const Setting = Type.Object({ key: Type.String(), value: Type.Number(), unit: Type.String(), source: Type.String() });

/** The security administrator's duties: lockouts, password resets and the security settings in force. */
export function securityRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/security/lockouts',
      {
        config: { access: ['secadmin'] },
        schema: {
          tags: ['security'],
          summary: '当前被锁定的账号',
          response: { 200: Type.Object({ items: Type.Array(Lockout) }), ...standardErrors },
        },
      },
      async () => listLockouts(ctx),
    );

    app.post(
      '/api/v1/security/lockouts/:username/clear',
      {
        config: { access: ['secadmin'] },
        schema: {
          tags: ['security'],
          summary: '解除账号锁定',
          params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
          response: { 204: Type.Null(), ...standardErrors },
        },
      },
      async (request, reply) => {
        await clearLockout(ctx, actorOf(request), request.params.username);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/security/users/:username/password-reset',
      {
        config: { access: ['secadmin'] },
        schema: {
          tags: ['security'],
          summary: '重置账号密码（返回一次性临时密码，下次登录须修改；结束其全部会话、解除锁定）',
          params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
          response: { 200: CredentialsResetSchema, 409: standardErrors[404], ...standardErrors },
        },
      },
      async (request) =>
        resetCredentials(
          ctx,
          signedInActorOf(request),
          { username: request.params.username },
          { password: true, totp: false },
        ),
    );

    app.get(
      '/api/v1/security/settings',
      {
        config: { access: ['secadmin', 'sysadmin', 'auditor'] },
        schema: {
          tags: ['security'],
          summary: '安全参数及其依据',
          response: { 200: Type.Object({ settings: Type.Array(Setting) }), ...standardErrors },
        },
      },
      async () => listSecuritySettings(),
    );
  };
}
