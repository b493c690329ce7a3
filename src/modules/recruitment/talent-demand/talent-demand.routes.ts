import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { pullTalentDemand } from './talent-demand.service.ts';

// The 人才服务云平台 pulls with an API token issued by a 省人社 account.
const EXCHANGE_ROLES: readonly Role[] = ['province_hrss'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const DemandItem = Type.Object({
  occupation_code: Type.String({ description: '职业编码（《职业分类大典》）' }),
  occupation_name: Nullable(Type.String()),
  city_code: Type.String({ description: '设区市区划代码' }),
  city_name: Nullable(Type.String()),
  education: Type.String({ description: '学历要求' }),
  posts: Type.Integer({ description: '招聘人数合计' }),
  postings: Type.Integer({ description: '岗位信息条数' }),
  enterprises: Type.Integer({ description: '发布企业数' }),
});

/** 人才需求 exchange feed for the provincial 人才服务云平台. */
export function talentDemandRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/exchange/talent-demand',
      {
        config: { access: EXCHANGE_ROLES, allowApiToken: true },
        schema: {
          tags: ['exchange'],
          summary: '人才需求（已发布且在有效期内的岗位，按职业、设区市、学历汇总；游标分页）',
          querystring: Type.Object({
            since: Type.String({ format: 'date', description: '首次发布日期不早于此日（北京时间）' }),
            cursor: Type.Optional(Type.String({ maxLength: 400, description: '上一页返回的 next_cursor；首页不带' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
          }),
          response: {
            200: Type.Object({
              since: Type.String(),
              as_of: Type.String({ description: '统计日（北京时间），有效期不早于此日的岗位计入' }),
              items: Type.Array(DemandItem),
              next_cursor: Nullable(Type.String({ description: '下一页游标；最后一页为 null' })),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) =>
        pullTalentDemand(ctx, {
          since: request.query.since,
          ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
          limit: request.query.limit ?? 200,
        }),
    );
  };
}
