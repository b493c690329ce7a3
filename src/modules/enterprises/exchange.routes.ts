import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { SizeSchema, TierSchema } from './enterprises.schemas.ts';
import { pullEnterpriseChanges } from './exchange-feed.service.ts';
import { pushEnterprises } from './exchange-push.service.ts';

// The province bureaus' systems (工信 培育库, 人社 监测) exchange the register, usually with an API token.
const EXCHANGE_ROLES: readonly Role[] = ['province_miit', 'province_hrss'];
const MAX_PUSH_ITEMS = 1000;

const Text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) });
const PushItem = Type.Object(
  {
    uscc: Text(40, '统一社会信用代码'),
    name: Text(300, '企业名称'),
    tier: Text(40, '梯度类型：创新型 / 专精特新 / 小巨人，或 innovative / srdi / little_giant'),
    recognized_on: Text(20, '认定日期 YYYY-MM-DD'),
    valid_until: Text(20, '有效期至 YYYY-MM-DD'),
    region_code: Text(12, '所在地区代码'),
    industry_code: Text(10, 'GB/T 4754 门类或大类'),
    size: Text(10, '大型 / 中型 / 小型 / 微型'),
    contact: Type.Optional(Type.Union([Text(100), Type.Null()])),
    phone: Type.Optional(Type.Union([Text(40), Type.Null()])),
  },
  { additionalProperties: false },
);

const PushResponse = Type.Object({
  accepted: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(
    Type.Object({
      index: Type.Integer({ description: '在请求数组中的位置，从 0 开始' }),
      uscc: Type.String(),
      status: Type.Union([Type.Literal('accepted'), Type.Literal('unchanged'), Type.Literal('rejected')]),
      notes: Type.Array(Type.String()),
      reasons: Type.Array(
        Type.Object({ code: Type.String(), column: Type.Union([Type.String(), Type.Null()]), message: Type.String() }),
      ),
    }),
  ),
});

const FeedItem = Type.Object({
  seq: Type.Integer(),
  uscc: Type.String(),
  name: Type.String(),
  tier: TierSchema,
  recognized_on: Type.String(),
  valid_until: Type.String(),
  region_code: Type.String(),
  city_code: Type.String(),
  industry_code: Type.Union([Type.String(), Type.Null()]),
  size: Type.Union([SizeSchema, Type.Null()]),
  updated_at: Type.String(),
  recognitions: Type.Array(Type.Object({ tier: TierSchema, recognized_on: Type.String(), valid_until: Type.String() })),
});

/** System exchange of the register: idempotent push from the 工信 side, change feed for others. */
export function exchangeRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/exchange/enterprises',
      {
        config: { access: EXCHANGE_ROLES, allowApiToken: true },
        schema: {
          tags: ['exchange'],
          summary: '推送培育库企业（每次 ≤ 1000 家，须带 Idempotency-Key，逐条返回结果）',
          headers: Type.Object({
            'idempotency-key': Type.String({
              minLength: 1,
              maxLength: 200,
              pattern: '^[\\x21-\\x7e]+$',
              description: '幂等键：同键同内容重放原结果，同键不同内容返回 409',
            }),
          }),
          body: Type.Object(
            { enterprises: Type.Array(PushItem, { minItems: 1, maxItems: MAX_PUSH_ITEMS }) },
            { additionalProperties: false },
          ),
          response: { 200: PushResponse, 409: ErrorResponse, ...standardErrors },
        },
      },
      async (request, reply) => {
        const answer = await pushEnterprises(
          ctx,
          signedInActorOf(request),
          request.headers['idempotency-key'],
          request.body,
        );
        if (answer.kind === 'key_reused') throw new AppError('IDEMPOTENCY_KEY_REUSED');
        if (answer.kind === 'replayed') void reply.header('idempotent-replayed', 'true');
        return answer.response;
      },
    );

    app.get(
      '/api/v1/exchange/enterprises',
      {
        config: { access: EXCHANGE_ROLES, allowApiToken: true },
        schema: {
          tags: ['exchange'],
          summary: '培育库变更订阅（since 游标之后的变更，每页同一企业只出现一次）',
          querystring: Type.Object({
            since: Type.Optional(
              Type.String({ pattern: '^\\d{1,15}$', default: '0', description: '上次返回的 next_cursor；首次为 0' }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          }),
          response: {
            200: Type.Object({ items: Type.Array(FeedItem), next_cursor: Type.String() }),
            ...standardErrors,
          },
        },
      },
      async (request) => pullEnterpriseChanges(ctx, request.query.since ?? '0', request.query.limit ?? 100),
    );
  };
}
