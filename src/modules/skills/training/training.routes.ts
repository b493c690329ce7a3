import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { createProgramme, listTrainingProgrammes, PROGRAMME_TYPES } from './training.service.ts';
import { trainingBreakdown } from './training-indicators.service.ts';

const VIEW_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const RECORD_ROLES: readonly Role[] = ['province_hrss', 'city_hrss'];

const ProgrammeType = Type.Union(
  PROGRAMME_TYPES.map((t) => Type.Literal(t)),
  { description: 'order 订单式 / directed 定向 / post 定岗 / project 项目制 / apprentice 企业新型学徒制' },
);

const ProgrammeSchema = Type.Object({
  programme_no: Type.String(),
  name: Type.String(),
  type: ProgrammeType,
  provider: Type.String(),
  occupation_code: Type.String(),
  start_date: Type.String(),
  end_date: Type.String(),
  is_subsidised: Type.Boolean(),
  region_code: Type.String(),
  records: Type.Integer({ description: '已导入的培训记录数' }),
  usccs: Type.Array(Type.String()),
});

const CountsSchema = Type.Object({
  key: Type.String({ description: '城市代码或统一社会信用代码' }),
  name: Type.String(),
  total: Type.Integer({ description: '补贴性职业技能培训人次' }),
  manufacturing: Type.Integer({ description: '其中制造业' }),
  digital: Type.Integer({ description: '其中数字类' }),
});

/** Training programmes and the training indicators' drill-down (SPEC §2.8). */
export function trainingRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/skills/programmes',
      {
        config: { access: VIEW_ROLES },
        schema: {
          tags: ['skills'],
          summary: '职业技能培训项目（本地区）',
          response: { 200: Type.Object({ items: Type.Array(ProgrammeSchema) }), ...standardErrors },
        },
      },
      async (request) => listTrainingProgrammes(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/skills/programmes',
      {
        config: { access: RECORD_ROLES },
        schema: {
          tags: ['skills'],
          summary: '登记职业技能培训项目',
          body: Type.Object({
            programme_no: Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' }),
            name: Type.String({ minLength: 2, maxLength: 100 }),
            type: ProgrammeType,
            provider: Type.String({ minLength: 2, maxLength: 100 }),
            occupation_code: Type.String({ maxLength: 20 }),
            start_date: Type.String({ format: 'date' }),
            end_date: Type.String({ format: 'date' }),
            is_subsidised: Type.Boolean(),
            usccs: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 50 }),
          }),
          response: { 200: Type.Object({ programme_no: Type.String() }), ...standardErrors },
        },
      },
      async (request) => createProgramme(ctx, signedInActorOf(request), request.body),
    );

    app.get(
      '/api/v1/skills/training/breakdown',
      {
        config: { access: VIEW_ROLES },
        schema: {
          tags: ['skills'],
          summary: '培训人次（计划期）按城市或企业分列',
          querystring: Type.Object({
            by: Type.Union([Type.Literal('city'), Type.Literal('enterprise')]),
            city: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: '按企业分列时限定城市' })),
          }),
          response: {
            200: Type.Object({
              window: Type.Object({ from: Type.Integer(), to: Type.Integer() }),
              totals: Type.Omit(CountsSchema, ['key', 'name']),
              rows: Type.Array(CountsSchema),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => trainingBreakdown(ctx, signedInActorOf(request).user, request.query),
    );
  };
}
