import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../platform/http/schemas.ts';
import {
  AverageWageBodySchema,
  AverageWageParamsSchema,
  AverageWageSchema,
  CompensationQuerySchema,
  CompensationResultSchema,
} from './compensation.schemas.ts';
import { calculateCompensationFor, listAverageWages, setAverageWage } from './compensation.service.ts';
import { LABOUR_OFFICIAL_ROLES, LABOUR_REGION_ROLES } from './labour-access.ts';

/** The statutory-compensation calculator for arbitrators and mediators, and the average wages it caps by. */
export function compensationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/labour/compensation',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '经济补偿、赔偿金、代通知金计算（逐步说明并注明法条，与 yangfan compensation --json 相同）',
          querystring: CompensationQuerySchema,
          response: { 200: CompensationResultSchema, 422: ErrorResponse, ...standardErrors },
        },
      },
      async (request) => calculateCompensationFor(ctx, request.query),
    );

    app.get(
      '/api/v1/labour/average-wages',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '已载入的各地区职工月平均工资（附公布来源）',
          response: { 200: Type.Array(AverageWageSchema), ...standardErrors },
        },
      },
      async () => listAverageWages(ctx),
    );

    app.put(
      '/api/v1/labour/average-wages/:region/:year',
      {
        config: { access: LABOUR_REGION_ROLES },
        schema: {
          tags: ['labour'],
          summary: '载入本地区某统计年度的职工月平均工资（须写明公布来源）',
          params: AverageWageParamsSchema,
          body: AverageWageBodySchema,
          response: { 200: AverageWageSchema, ...standardErrors },
        },
      },
      async (request) =>
        setAverageWage(ctx, signedInActorOf(request), request.params.region, request.params.year, request.body),
    );
  };
}
