import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { PageOf, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { exportEnterprises } from './enterprises.export.ts';
import {
  EnterpriseDetailSchema,
  EnterpriseListItemSchema,
  RegisterListQuery,
  RegisterQuerySchema,
  UsccParams,
} from './enterprises.schemas.ts';
import { getEnterprise, listEnterprises, revealContactPhone } from './enterprises.service.ts';

// Every official role and the enterprise itself; each service call narrows to the caller's scope.
const REGISTER_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'commissioner', 'enterprise'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The enterprise register (培育库): list, detail with tier history, Excel export, audited phone reveal. */
export function enterprisesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/enterprises',
      {
        config: { access: REGISTER_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '专精特新企业名录（按地区、梯度、行业、规模、有效日期筛选）',
          querystring: RegisterListQuery,
          response: { 200: PageOf(EnterpriseListItemSchema), ...standardErrors },
        },
      },
      async (request) => listEnterprises(ctx, signedInActorOf(request).user, request.query),
    );

    app.get(
      '/api/v1/enterprises/export',
      {
        config: { access: REGISTER_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '导出企业名录 Excel（筛选条件同列表，联系电话脱敏，导出留痕）',
          querystring: RegisterQuerySchema,
          response: { 200: Type.String({ description: XLSX }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const { fileName, stream } = await exportEnterprises(ctx, signedInActorOf(request), request.query);
        void reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="enterprises.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          );
        // A stream is sent as is; the schema above only documents the file for OpenAPI.
        return reply.send(stream as unknown as string);
      },
    );

    app.get(
      '/api/v1/enterprises/:uscc',
      {
        config: { access: REGISTER_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '企业详情（梯度历史、有效状态，联系电话脱敏）',
          params: UsccParams,
          response: { 200: EnterpriseDetailSchema, ...standardErrors },
        },
      },
      async (request) => getEnterprise(ctx, signedInActorOf(request).user, request.params.uscc),
    );

    app.get(
      '/api/v1/enterprises/:uscc/contact-phone',
      {
        config: { access: REGISTER_ROLES },
        schema: {
          tags: ['enterprises'],
          summary: '查看企业联系人完整电话（需个人信息查看权限，全程审计）',
          params: UsccParams,
          response: {
            200: Type.Object({
              contactName: Type.Union([Type.String(), Type.Null()]),
              phone: Type.Union([Type.String(), Type.Null()]),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => revealContactPhone(ctx, signedInActorOf(request), request.params.uscc),
    );
  };
}
