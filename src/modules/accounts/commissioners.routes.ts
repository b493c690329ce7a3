import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { standardErrors } from '../../platform/http/schemas.ts';
import { listCommissioners } from './commissioners.service.ts';

const Commissioner = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
});

/** The commissioners a key-enterprise list can be assigned to. */
export function commissionersRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/commissioners',
      {
        config: { access: ['city_hrss', 'province_hrss', 'province_miit'] },
        schema: {
          tags: ['accounts'],
          summary: '服务专员名单（市/县人社仅本地区）',
          response: { 200: Type.Object({ items: Type.Array(Commissioner) }), ...standardErrors },
        },
      },
      async (request) => listCommissioners(ctx, signedInActorOf(request).user),
    );
  };
}
