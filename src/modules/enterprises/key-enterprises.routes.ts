import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { TierSchema, UsccParams } from './enterprises.schemas.ts';
import {
  addKeyEnterprise,
  assignCommissioner,
  listAssignmentHistory,
  listKeyEnterprises,
  removeKeyEnterprise,
} from './key-enterprises.service.ts';

// The province reads every list, a commissioner their own entries; only a city or county bureau keeps its list.
const READ_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'commissioner'];
const KEEPER_ROLES: readonly Role[] = ['city_hrss'];

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const KeyEnterprise = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  tier: TierSchema,
  tierLabel: Type.String(),
  listRegionCode: Type.String({ description: '清单所属设区市或省直管县（市）' }),
  listRegionName: Nullable(Type.String()),
  enterpriseRegionCode: Type.String(),
  commissionerId: Nullable(Type.Integer()),
  commissionerName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  addedAt: Type.String(),
});
const Note = Type.String({ maxLength: 500, description: '备注' });
const conflictErrors = { ...standardErrors, 409: ErrorResponse } as const;

/** Key-enterprise lists (重点支持企业清单) per city with their assigned commissioners; every change audited. */
export function keyEnterprisesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/key-enterprises',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '重点支持企业清单（含服务专员）',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({
              region: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: '只看该地区的清单' })),
              withoutCommissioner: Type.Optional(Type.Boolean({ description: '只看尚未指定服务专员的企业' })),
            }),
          ]),
          response: { 200: PageOf(KeyEnterprise), ...standardErrors },
        },
      },
      async (request) => listKeyEnterprises(ctx, signedInActorOf(request).user, request.query),
    );

    app.post(
      '/api/v1/key-enterprises',
      {
        config: { access: KEEPER_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '将本地区企业加入重点支持企业清单（可同时指定服务专员）',
          body: Type.Object(
            {
              uscc: Type.String({ minLength: 1, maxLength: 40 }),
              commissionerId: Type.Optional(Type.Integer({ minimum: 1 })),
              note: Type.Optional(Note),
            },
            { additionalProperties: false },
          ),
          response: { 201: KeyEnterprise, ...conflictErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addKeyEnterprise(ctx, signedInActorOf(request), request.body)),
    );

    app.patch(
      '/api/v1/key-enterprises/:uscc',
      {
        config: { access: KEEPER_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '指定或更换重点企业的服务专员（null 为取消指定）',
          params: UsccParams,
          body: Type.Object(
            { commissionerId: Nullable(Type.Integer({ minimum: 1 })), note: Type.Optional(Note) },
            { additionalProperties: false },
          ),
          response: { 200: KeyEnterprise, ...standardErrors },
        },
      },
      async (request) => assignCommissioner(ctx, signedInActorOf(request), request.params.uscc, request.body),
    );

    app.get(
      '/api/v1/key-enterprises/:uscc/assignments',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '重点企业服务专员的变更历史（最新在前）',
          params: UsccParams,
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  commissionerId: Nullable(Type.Integer()),
                  commissionerName: Nullable(Type.String()),
                  listRegionCode: Type.String(),
                  fromAt: Type.String(),
                  untilAt: Nullable(Type.String()),
                  assignedByName: Nullable(Type.String()),
                }),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => listAssignmentHistory(ctx, signedInActorOf(request).user, request.params.uscc),
    );

    app.delete(
      '/api/v1/key-enterprises/:uscc',
      {
        config: { access: KEEPER_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '将企业移出本地区重点支持企业清单',
          params: UsccParams,
          response: { 204: Type.Null(), ...standardErrors },
        },
      },
      async (request, reply) => {
        await removeKeyEnterprise(ctx, signedInActorOf(request), request.params.uscc);
        return reply.status(204).send(null);
      },
    );
  };
}
