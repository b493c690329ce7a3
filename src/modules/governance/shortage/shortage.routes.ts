import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import { IdParams, Nullable } from '../collections/collections.schemas.ts';
import {
  listCatalogues,
  myShortageReports,
  publishCatalogue,
  reportShortage,
  shortageAnswers,
} from './shortage.service.ts';

const Urgency = Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);
const Report = Type.Object({
  uscc: Type.String(),
  enterpriseName: Type.String(),
  cityCode: Type.String(),
  cityName: Nullable(Type.String()),
  occupationCode: Type.String(),
  occupationName: Nullable(Type.String()),
  headcount: Type.Integer(),
  urgency: Urgency,
  urgencyLabel: Type.String(),
  note: Nullable(Type.String()),
  reportedAt: Type.String(),
});
const Catalogue = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  cityName: Nullable(Type.String()),
  year: Type.Integer(),
  collectionId: Type.Integer(),
  publishedAt: Type.String(),
  publishedByName: Nullable(Type.String()),
  occupations: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Nullable(Type.String()),
      headcount: Type.Integer(),
      enterprises: Type.Integer(),
    }),
  ),
});

/** The 急需紧缺职业 survey: the enterprise's positions, the answers officials read, the published catalogues. */
export function shortageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/governance/forms/:id/shortage',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '本企业在急需紧缺职业调查中填报的岗位',
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(Report) }), ...standardErrors },
        },
      },
      async (request) => myShortageReports(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.put(
      '/api/v1/governance/forms/:id/shortage',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '填报急需紧缺岗位（按大典职业编码，人数与紧缺程度；再次填报替换上次）',
          params: IdParams,
          body: Type.Object(
            {
              positions: Type.Array(
                Type.Object(
                  {
                    occupationCode: Type.String({ pattern: '^\\d-\\d{2}-\\d{2}-\\d{2}$' }),
                    headcount: Type.Integer({ minimum: 1, maximum: 100000 }),
                    urgency: Urgency,
                    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
                  },
                  { additionalProperties: false },
                ),
                { minItems: 1, maxItems: 50 },
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ items: Type.Array(Report) }),
            ...standardErrors,
            409: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request) => reportShortage(ctx, signedInActorOf(request), request.params.id, request.body.positions),
    );

    app.get(
      '/api/v1/governance/collections/:id/shortage',
      {
        config: { access: ['province_hrss', 'province_miit', 'city_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '急需紧缺职业调查的填报情况（市看本市企业），按职业汇总',
          params: IdParams,
          response: {
            200: Type.Object({
              items: Type.Array(Report),
              summary: Type.Array(
                Type.Object({
                  cityCode: Type.String(),
                  occupationCode: Type.String(),
                  occupationName: Nullable(Type.String()),
                  headcount: Type.Integer(),
                  enterprises: Type.Integer(),
                  urgent: Type.Integer({ description: '填“非常紧缺”的企业数' }),
                }),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => shortageAnswers(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.get(
      '/api/v1/governance/shortage-catalogues',
      {
        config: { access: ['province_hrss', 'province_miit', 'city_hrss', 'commissioner', 'enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '已发布的急需紧缺职业（工种）目录（按市、年度）',
          querystring: Type.Object({
            year: Type.Optional(Type.Integer({ minimum: 2023, maximum: 2100 })),
            cityCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
          }),
          response: { 200: Type.Object({ items: Type.Array(Catalogue) }), ...standardErrors },
        },
      },
      async (request) => listCatalogues(ctx, request.query),
    );

    app.post(
      '/api/v1/governance/shortage-catalogues',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '省厅发布某市某年度的急需紧缺职业目录（默认该市填报的全部职业）',
          body: Type.Object(
            {
              collectionId: Type.Integer({ minimum: 1 }),
              cityCode: Type.String({ pattern: '^\\d{4}00$' }),
              occupationCodes: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: Catalogue, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await publishCatalogue(ctx, signedInActorOf(request), request.body)),
    );
  };
}
