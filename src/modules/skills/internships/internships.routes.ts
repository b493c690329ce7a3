import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import {
  addTrainee,
  applyForBase,
  decideBase,
  latestRanking,
  listBaseTrainees,
  listInternshipBases,
  scoreInternshipBases,
  selectDemonstrationBase,
} from './internships.service.ts';

const VIEW_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'enterprise'];
const OFFICIAL_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const KEEPER_ROLES: readonly Role[] = ['province_hrss', 'city_hrss'];
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Uscc = Type.Object({ uscc: Type.String({ maxLength: 40 }) });
const Level = Type.Union([Type.Literal('city'), Type.Literal('province')], {
  description: 'city 市级 / province 省级',
});
const Status = Type.Union([Type.Literal('applied'), Type.Literal('approved'), Type.Literal('rejected')], {
  description: 'applied 待审核 / approved 已认定 / rejected 已退回',
});

const BaseSchema = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  region_code: Type.String(),
  posts: Type.Integer(),
  mentors: Type.Integer(),
  note: Nullable(Type.String()),
  status: Status,
  level: Type.Union([Level, Type.Null()]),
  is_demonstration: Type.Boolean(),
  applied_at: Type.String(),
  decided_at: Nullable(Type.String()),
  trainees: Type.Integer(),
});

const RankingSchema = Type.Object({
  run: Type.Union([
    Type.Object({ id: Type.Integer(), formula_version: Type.String(), computed_at: Type.String() }),
    Type.Null(),
  ]),
  items: Type.Array(
    Type.Object({
      uscc: Type.String(),
      name: Type.String(),
      region_code: Type.String(),
      rank: Type.Integer(),
      score: Type.Number(),
      components: Type.Array(
        Type.Object({ key: Type.String(), label: Type.String(), value: Type.Number(), points: Type.Number() }),
      ),
      level: Type.Union([Level, Type.Null()]),
      is_demonstration: Type.Boolean(),
    }),
  ),
});

const TraineeSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  id_number: Type.String({ description: '公民身份号码（脱敏）' }),
  post: Type.String(),
  start_date: Type.String(),
  end_date: Nullable(Type.String()),
  is_completed: Type.Boolean(),
  is_retained: Type.Boolean(),
  allowance: Type.Number({ description: '月见习补贴（元）' }),
  satisfaction: Type.Union([Type.Integer(), Type.Null()]),
  source: Type.Union([Type.Literal('import'), Type.Literal('page')]),
});

/** Internship bases, their trainees, scoring and demonstration selection (SPEC §2.8). */
export function internshipsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/skills/bases',
      {
        config: { access: VIEW_ROLES },
        schema: {
          tags: ['skills'],
          summary: '就业见习基地（本地区；企业为本企业）',
          response: { 200: Type.Object({ items: Type.Array(BaseSchema) }), ...standardErrors },
        },
      },
      async (request) => listInternshipBases(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/skills/bases',
      {
        config: { access: ['city_hrss', 'enterprise'] },
        schema: {
          tags: ['skills'],
          summary: '申请就业见习基地（企业为本企业申请；市人社可代为登记）',
          body: Type.Object({
            uscc: Type.Optional(Type.String({ maxLength: 40 })),
            posts: Type.Integer({ minimum: 1, maximum: 10000, description: '见习岗位数' }),
            mentors: Type.Integer({ minimum: 1, maximum: 1000, description: '带教导师人数' }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          }),
          response: { 200: Type.Object({ uscc: Type.String(), status: Status }), ...standardErrors },
        },
      },
      async (request) => applyForBase(ctx, signedInActorOf(request), request.body),
    );

    app.post(
      '/api/v1/skills/bases/:uscc/decision',
      {
        config: { access: KEEPER_ROLES },
        schema: {
          tags: ['skills'],
          summary: '审核见习基地申请：市人社认定为市级，省人社可认定为省级',
          params: Uscc,
          body: Type.Object({
            decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
            level: Type.Optional(Level),
          }),
          response: {
            200: Type.Object({ uscc: Type.String(), status: Status, level: Type.Union([Level, Type.Null()]) }),
            ...standardErrors,
          },
        },
      },
      async (request) => decideBase(ctx, signedInActorOf(request), request.params.uscc, request.body),
    );

    app.get(
      '/api/v1/skills/bases/ranking',
      {
        config: { access: OFFICIAL_ROLES },
        schema: {
          tags: ['skills'],
          summary: '最近一次见习基地评分排名（含所用评分办法版本）',
          response: { 200: RankingSchema, ...standardErrors },
        },
      },
      async (request) => latestRanking(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/skills/bases/scoring',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['skills'],
          summary: '按现行评分办法为全部已认定见习基地评分并排名',
          response: {
            200: Type.Object({ run_id: Type.Integer(), formula_version: Type.String(), bases: Type.Integer() }),
            ...standardErrors,
          },
        },
      },
      async (request) => scoreInternshipBases(ctx, signedInActorOf(request)),
    );

    app.post(
      '/api/v1/skills/bases/:uscc/demonstration',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['skills'],
          summary: '认定省级示范见习基地（须在最近一次评分排名中）',
          params: Uscc,
          response: {
            200: Type.Object({ uscc: Type.String(), is_demonstration: Type.Boolean(), run_id: Type.Integer() }),
            ...standardErrors,
          },
        },
      },
      async (request) => selectDemonstrationBase(ctx, signedInActorOf(request), request.params.uscc),
    );

    app.get(
      '/api/v1/skills/bases/:uscc/trainees',
      {
        config: { access: VIEW_ROLES },
        schema: {
          tags: ['skills'],
          summary: '见习基地的见习人员（身份证号脱敏）',
          params: Uscc,
          response: { 200: Type.Object({ items: Type.Array(TraineeSchema) }), ...standardErrors },
        },
      },
      async (request) => listBaseTrainees(ctx, signedInActorOf(request).user, request.params.uscc),
    );

    app.post(
      '/api/v1/skills/bases/:uscc/trainees',
      {
        config: { access: ['province_hrss', 'city_hrss', 'enterprise'] },
        schema: {
          tags: ['skills'],
          summary: '登记一名见习人员（与见习人员名册导入相同的校验）',
          params: Uscc,
          body: Type.Object({
            id_number: Type.String({ maxLength: 20 }),
            name: Type.String({ minLength: 1, maxLength: 50 }),
            post: Type.String({ minLength: 1, maxLength: 60 }),
            start_date: Type.String({ format: 'date' }),
            end_date: Type.Optional(Type.String({ format: 'date' })),
            is_completed: Type.Boolean(),
            is_retained: Type.Boolean(),
            allowance: Type.String({ maxLength: 20, description: '月见习补贴（元）' }),
            satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
          }),
          response: { 200: Type.Object({ uscc: Type.String(), changed: Type.Boolean() }), ...standardErrors },
        },
      },
      async (request) => addTrainee(ctx, signedInActorOf(request), request.params.uscc, request.body),
    );
  };
}
