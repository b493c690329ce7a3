import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import {
  addTalentRecord,
  enterpriseTalent,
  listSelfEvaluationEnterprises,
  registerSelfEvaluation,
  setTalentRecordStatus,
  talentEvaluationView,
} from './talent.service.ts';

const OFFICIAL_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const KEEPER_ROLES: readonly Role[] = ['province_hrss', 'city_hrss'];
const VIEW_ROLES: readonly Role[] = [...OFFICIAL_ROLES, 'enterprise'];
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Uscc = Type.Object({ uscc: Type.String({ maxLength: 40 }) });
const Kind = Type.Union([Type.Literal('postdoc_station'), Type.Literal('challenge')], {
  description: 'postdoc_station 博士后工作站 / challenge 揭榜领题',
});
const Status = Type.Union(
  [Type.Literal('active'), Type.Literal('open'), Type.Literal('solved'), Type.Literal('closed')],
  {
    description: 'active 在站 / open 征集中 / solved 已揭榜 / closed 已结束',
  },
);

const IssuedSchema = Type.Array(
  Type.Object({
    occupation_code: Type.String(),
    occupation_name: Type.String(),
    level: Type.String({ description: '等级，如 三级 / 高级工' }),
    count: Type.Integer(),
  }),
  { description: '作为自主评价企业颁发的职业技能等级证书，按职业和等级计数' },
);

const TalentSchema = Type.Object({
  years: Type.Array(
    Type.Object({
      year: Type.String(),
      training: Type.Integer(),
      trainees: Type.Integer(),
      skill_certificates: Type.Integer(),
      high_skill_certificates: Type.Integer(),
      titles: Type.Integer(),
      senior_titles: Type.Integer(),
      digital_engineers: Type.Integer(),
    }),
  ),
  skill_levels: Type.Array(
    Type.Object({ name: Type.String(), count: Type.Integer(), equivalent_title: Nullable(Type.String()) }),
  ),
  records: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Kind,
      title: Type.String(),
      field: Type.String(),
      level: Nullable(Type.String()),
      approved_on: Nullable(Type.String()),
      reward: Type.Union([Type.Number(), Type.Null()], { description: '悬赏金额（元）' }),
      deadline: Nullable(Type.String()),
      status: Status,
      note: Nullable(Type.String()),
      recorded_at: Type.String(),
    }),
  ),
  self_issued: IssuedSchema,
});

/** Talent evaluation: the level ↔ title table, self-evaluating enterprises, an enterprise's talent page. */
export function talentRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/skills/talent-evaluation',
      {
        config: { access: VIEW_ROLES },
        schema: {
          tags: ['skills'],
          summary: '技能等级与职称的对应（贯通）及数字技术工程师等级，附依据',
          response: {
            200: Type.Object({
              version: Type.String(),
              skill_levels: Type.Array(
                Type.Object({
                  level: Type.Integer(),
                  name: Type.String(),
                  grade: Type.String(),
                  is_high_skill: Type.Boolean(),
                  equivalent_title: Nullable(Type.String()),
                }),
              ),
              digital_engineer_levels: Type.Array(
                Type.Object({
                  name: Type.String(),
                  equivalent_title: Nullable(Type.String()),
                  recognition: Type.String(),
                }),
              ),
              senior_titles: Type.Array(Type.String()),
              sources: Type.Array(
                Type.Object({ doc: Type.String(), number: Nullable(Type.String()), clause: Type.String() }),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async () => talentEvaluationView(),
    );

    app.get(
      '/api/v1/skills/self-evaluation',
      {
        config: { access: OFFICIAL_ROLES },
        schema: {
          tags: ['skills'],
          summary: '开展技能等级自主评价的企业（本地区）',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  uscc: Type.String(),
                  name: Type.String(),
                  region_code: Type.String(),
                  occupation_codes: Type.Array(Type.String()),
                  approval_no: Type.String(),
                  approved_on: Type.String(),
                  valid_until: Nullable(Type.String()),
                  issued_total: Type.Integer(),
                  issued: IssuedSchema,
                }),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => listSelfEvaluationEnterprises(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/skills/self-evaluation',
      {
        config: { access: KEEPER_ROLES },
        schema: {
          tags: ['skills'],
          summary: '登记（或更新）自主评价企业及其可评价的职业',
          body: Type.Object({
            uscc: Type.String({ maxLength: 40 }),
            occupation_codes: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 200 }),
            approval_no: Type.String({ minLength: 1, maxLength: 60 }),
            approved_on: Type.String({ format: 'date' }),
            valid_until: Type.Optional(Type.String({ format: 'date', description: '备案有效期至（可空）' })),
          }),
          response: {
            200: Type.Object({ uscc: Type.String(), occupation_codes: Type.Array(Type.String()) }),
            ...standardErrors,
          },
        },
      },
      async (request) => registerSelfEvaluation(ctx, signedInActorOf(request), request.body),
    );

    app.get(
      '/api/v1/skills/enterprises/:uscc/talent',
      {
        config: { access: VIEW_ROLES },
        schema: {
          tags: ['skills'],
          summary: '企业的人才情况：培训、见习、证书与职称的年度人数（不含个人信息），博士后工作站与揭榜领题',
          params: Uscc,
          response: { 200: TalentSchema, ...standardErrors },
        },
      },
      async (request) => enterpriseTalent(ctx, signedInActorOf(request).user, request.params.uscc),
    );

    app.post(
      '/api/v1/skills/enterprises/:uscc/talent-records',
      {
        config: { access: [...KEEPER_ROLES, 'enterprise'] },
        schema: {
          tags: ['skills'],
          summary: '登记博士后工作站或揭榜领题项目',
          params: Uscc,
          body: Type.Object({
            kind: Kind,
            title: Type.String({ minLength: 1, maxLength: 120 }),
            field: Type.String({ minLength: 1, maxLength: 60 }),
            level: Type.Optional(Type.String({ maxLength: 20, description: '工作站级别：国家级、省级' })),
            approved_on: Type.Optional(Type.String({ format: 'date' })),
            reward_yuan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
            deadline: Type.Optional(Type.String({ format: 'date' })),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          }),
          response: { 200: Type.Object({ id: Type.Integer() }), ...standardErrors },
        },
      },
      async (request) => addTalentRecord(ctx, signedInActorOf(request), request.params.uscc, request.body),
    );

    app.post(
      '/api/v1/skills/enterprises/:uscc/talent-records/:id/status',
      {
        config: { access: [...KEEPER_ROLES, 'enterprise'] },
        schema: {
          tags: ['skills'],
          summary: '更新博士后工作站或揭榜领题项目的状态',
          params: Type.Object({ uscc: Type.String({ maxLength: 40 }), id: Type.Integer() }),
          body: Type.Object({ status: Status }),
          response: { 200: Type.Object({ id: Type.Integer(), status: Status }), ...standardErrors },
        },
      },
      async (request) =>
        setTalentRecordStatus(
          ctx,
          signedInActorOf(request),
          request.params.uscc,
          request.params.id,
          request.body.status,
        ),
    );
  };
}
