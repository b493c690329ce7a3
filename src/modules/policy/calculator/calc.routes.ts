import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import { calculateForVisibleEnterprise, calculateFromFacts, calculateMine } from './calculator-access.service.ts';
import { CodeParams, IsoDate } from '../policy.schemas.ts';
import { CalcQuery, EnterpriseCalculation, PublicCalcBody, PublicCalculation } from './calc.schemas.ts';

const errors = { ...standardErrors, 422: ErrorResponse };

/** 政策计算器: for an enterprise from its data, for one's own enterprise, and for anyone from a form. */
export function calcRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/policies/calc/mine',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['policy'],
          summary: '本企业：现行各项政策按本企业数据计算的结果',
          querystring: Type.Object({ date: Type.Optional(IsoDate) }),
          response: {
            200: Type.Object({
              uscc: Type.String(),
              date: Type.String(),
              items: Type.Array(EnterpriseCalculation),
              eligible_amount_fen: Type.Integer(),
            }),
            ...errors,
          },
        },
      },
      async (request) => calculateMine(ctx, signedInActorOf(request).user, request.query.date),
    );

    app.get(
      '/api/v1/policies/:code/calc',
      {
        config: { access: ['province_hrss', 'province_miit', 'city_hrss', 'commissioner', 'enterprise'] },
        schema: {
          tags: ['policy'],
          summary: '按企业数据计算一项政策（与 yangfan policy calc --uscc 同一对象）；范围外企业答 404',
          params: CodeParams,
          querystring: CalcQuery,
          response: { 200: EnterpriseCalculation, ...errors },
        },
      },
      async (request) =>
        calculateForVisibleEnterprise(
          ctx,
          signedInActorOf(request).user,
          request.params.code,
          request.query.uscc,
          request.query.date,
        ),
    );

    app.post(
      '/api/v1/policies/:code/calc',
      {
        config: { access: 'anyone', rateLimit: { max: 120, timeWindow: 60_000 } },
        schema: {
          tags: ['policy'],
          summary: '公众政策计算器：填写事实，得出结果、解释和仍需回答的问题（无需登录）',
          params: CodeParams,
          body: PublicCalcBody,
          response: {
            200: PublicCalculation,
            ...errors,
          },
        },
      },
      async (request) => calculateFromFacts(ctx, request.params.code, request.body, request.user),
    );
  };
}
