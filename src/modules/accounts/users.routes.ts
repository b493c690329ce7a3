import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { PageOf, PageQuery, standardErrors } from '../../platform/http/schemas.ts';
import { CredentialsResetSchema, NewUserBody, RoleSchema, UserSchema } from './accounts.schemas.ts';
import { resetCredentials } from './passwords.service.ts';
import { createUser, listUsers, revealUserPhone, setUserActive } from './users.service.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Account administration: the system administrator's duty only (三权分立). */
export function usersRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/users',
      {
        config: { access: ['sysadmin'] },
        schema: {
          tags: ['accounts'],
          summary: '账号列表',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({ q: Type.Optional(Type.String({ maxLength: 64 })), role: Type.Optional(RoleSchema) }),
          ]),
          response: { 200: PageOf(UserSchema), ...standardErrors },
        },
      },
      async (request) => listUsers(ctx, request.query),
    );

    app.post(
      '/api/v1/users',
      {
        config: { access: ['sysadmin'] },
        schema: {
          tags: ['accounts'],
          summary: '新建账号（需要动态验证码的角色返回一次 TOTP 密钥）',
          body: NewUserBody,
          response: {
            201: Type.Object({ user: UserSchema, totpSecret: Type.Optional(Type.String()) }),
            409: standardErrors[404],
            ...standardErrors,
          },
        },
      },
      async (request, reply) => reply.status(201).send(await createUser(ctx, signedInActorOf(request), request.body)),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { access: ['sysadmin'] },
        schema: {
          tags: ['accounts'],
          summary: '启用或停用账号',
          params: IdParams,
          body: Type.Object({ isActive: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: Type.Object({ user: UserSchema }), 409: standardErrors[404], ...standardErrors },
        },
      },
      async (request) => ({
        user: await setUserActive(ctx, signedInActorOf(request), request.params.id, request.body.isActive),
      }),
    );

    app.post(
      '/api/v1/users/:id/credentials-reset',
      {
        config: { access: ['sysadmin'] },
        schema: {
          tags: ['accounts'],
          summary: '重置账号密码和/或动态验证码密钥（各仅显示一次；下次登录须修改密码）',
          params: IdParams,
          body: Type.Object({ password: Type.Boolean(), totp: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: CredentialsResetSchema, 409: standardErrors[404], ...standardErrors },
        },
      },
      async (request) => resetCredentials(ctx, signedInActorOf(request), { id: request.params.id }, request.body),
    );

    app.get(
      '/api/v1/users/:id/phone',
      {
        config: { access: ['sysadmin', 'secadmin'] },
        schema: {
          tags: ['accounts'],
          summary: '查看完整手机号码（需个人信息查看权限，全程审计）',
          params: IdParams,
          response: { 200: Type.Object({ phone: Type.Union([Type.String(), Type.Null()]) }), ...standardErrors },
        },
      },
      async (request) => revealUserPhone(ctx, signedInActorOf(request), request.params.id),
    );
  };
}
