import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.ts';

const Token = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  ownerId: Type.Integer(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

// Province bureaus connect their own systems (工信 培育库, 人社 社保); the system administrator oversees all.
const TOKEN_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'sysadmin'];

/** API tokens for system-to-system exchange. */
export function tokensRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/api-tokens',
      {
        config: { access: TOKEN_ROLES },
        schema: {
          tags: ['exchange'],
          summary: '系统对接令牌列表',
          response: { 200: Type.Object({ items: Type.Array(Token) }), ...standardErrors },
        },
      },
      async (request) => listApiTokens(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/api-tokens',
      {
        config: { access: TOKEN_ROLES },
        schema: {
          tags: ['exchange'],
          summary: '签发系统对接令牌（令牌只显示一次）',
          body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
          response: { 201: Type.Composite([Token, Type.Object({ token: Type.String() })]), ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApiToken(ctx, signedInActorOf(request), request.body.name)),
    );

    app.delete(
      '/api/v1/api-tokens/:id',
      {
        config: { access: TOKEN_ROLES },
        schema: {
          tags: ['exchange'],
          summary: '吊销令牌',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          response: { 204: Type.Null(), ...standardErrors },
        },
      },
      async (request, reply) => {
        await revokeApiToken(ctx, signedInActorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
