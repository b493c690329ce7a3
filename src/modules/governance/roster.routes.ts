import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { listRoster, updateCommissionerProfile } from './roster.service.ts';

const READ_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const RosterEntry = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  regionCode: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String({ description: '联系电话（遮盖）' })),
  assignedCount: Type.Integer({ description: '挂钩重点企业数' }),
  openRequests: Type.Integer({ description: '待办诉求数' }),
});

/** The commissioner roster (服务专员队伍): accounts of the commissioner role with unit and phone. */
export function rosterRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/governance/commissioners',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['governance'],
          summary: '服务专员队伍（地区、单位、电话遮盖、挂钩企业与待办诉求数）及未配专员的重点企业数',
          response: {
            200: Type.Object({
              items: Type.Array(RosterEntry),
              keyEnterprisesWithoutCommissioner: Type.Integer(),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => listRoster(ctx, signedInActorOf(request).user),
    );

    app.put(
      '/api/v1/governance/commissioners/:id',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '登记本地区服务专员的工作单位与联系电话（电话加密存储）',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          body: Type.Object(
            {
              unit: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
              phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
            },
            { additionalProperties: false },
          ),
          response: { 200: RosterEntry, ...standardErrors },
        },
      },
      async (request) => updateCommissionerProfile(ctx, signedInActorOf(request), request.params.id, request.body),
    );
  };
}
