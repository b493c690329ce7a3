import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { actorOf, SESSION_COOKIE, signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../platform/http/schemas.ts';
import { loadSecuritySettings } from '../../platform/security-settings.ts';
import { LoginBody, MeSchema, PasswordChangeBody } from './accounts.schemas.ts';
import { login } from './login.service.ts';
import { describeCurrentUser } from './me.ts';
import { changeOwnPassword } from './passwords.service.ts';
import { logout } from './sessions.service.ts';

/** Login, logout, "who am I" and changing one's own password. */
export function accountsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const secureCookie = ctx.config.environment === 'production';
  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        // Hashing is slow on purpose and concurrent logins queue for the hashing threads: the login
        // gets its own budget instead of the anonymous routes' one; its work is bounded by the counters.
        handlerTimeout: loadSecuritySettings().loginTimeBudgetMs,
        config: {
          access: 'anyone',
          // A cheap first line in memory, per source address and username; the limits that hold
          // across server processes are the login counters in the database (ADR 0005).
          rateLimit: {
            max: loadSecuritySettings().loginRateLimitPerMinute,
            timeWindow: 60_000,
            hook: 'preHandler',
            keyGenerator: (request) =>
              `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '')}`,
          },
        },
        schema: {
          tags: ['auth'],
          summary: '用户名密码登录（省级与管理员账号需动态验证码）',
          body: LoginBody,
          response: { 200: Type.Object({ user: MeSchema }), 423: ErrorResponse, ...standardErrors },
        },
      },
      async (request, reply) => {
        const { user, token } = await login(ctx, actorOf(request), request.body);
        void reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookie,
        });
        return { user: await describeCurrentUser(ctx, user) };
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags: ['auth'], summary: '退出登录', response: { 204: Type.Null(), ...standardErrors } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await logout(ctx, signedInActorOf(request), token);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: {
          tags: ['auth'],
          summary: '当前登录用户',
          response: { 200: Type.Object({ user: MeSchema }), ...standardErrors },
        },
      },
      async (request) => ({ user: await describeCurrentUser(ctx, signedInActorOf(request).user) }),
    );

    app.post(
      '/api/v1/auth/password',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: {
          tags: ['auth'],
          summary: '修改本人密码（须输入当前密码；使用动态验证码的账号还须输入动态验证码）',
          body: PasswordChangeBody,
          response: { 204: Type.Null(), 423: ErrorResponse, ...standardErrors },
        },
      },
      async (request, reply) => {
        await changeOwnPassword(ctx, signedInActorOf(request), request.cookies[SESSION_COOKIE], request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
