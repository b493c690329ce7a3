import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { sendWorkbook, XLSX_CONTENT_TYPE } from '../../../platform/http/excel-export.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { exportFairs, fairFiguresOfYear } from './fairs-figures.service.ts';
import { createFair, getFair, listFairsFor, signUpForFair, updateFair } from './fairs.service.ts';

const OFFICIALS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const RECORDERS: readonly Role[] = ['province_hrss', 'city_hrss'];
const READERS: readonly Role[] = [...OFFICIALS, 'enterprise'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Mode = Type.Union([Type.Literal('online'), Type.Literal('onsite')], { description: 'online 线上, onsite 线下' });
const Uscc = Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' });
const Fair = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  fairDate: Type.String(),
  mode: Mode,
  modeName: Type.String(),
  place: Type.String(),
  organiser: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  cityCode: Type.String(),
  registrations: Type.Integer(),
  attendance: Type.Integer(),
  intentions: Type.Integer({ description: '达成意向人数' }),
  enterpriseCount: Type.Integer(),
  posts: Type.Integer({ description: '参会企业提供的岗位数' }),
  enterprises: Type.Array(
    Type.Object({
      uscc: Type.String(),
      name: Nullable(Type.String()),
      posts: Type.Integer(),
      postingIds: Type.Array(Type.Integer()),
      signedUpBy: Type.String({ description: 'enterprise 企业报名, official 主办方登记, import 导入' }),
    }),
  ),
  isSignedUp: Type.Boolean({ description: '本企业已报名' }),
  updatedAt: Type.String(),
});
const FairBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  fairDate: Type.String({ format: 'date' }),
  mode: Mode,
  place: Type.String({ minLength: 1, maxLength: 200, description: '举办地点或线上平台' }),
  organiser: Type.String({ minLength: 1, maxLength: 100 }),
  regionCode: Type.String({ pattern: '^\\d{6}$', description: '举办地（市或县级行政区划代码）' }),
  registrations: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  attendance: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  intentions: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  enterprises: Type.Array(Type.Object({ uscc: Uscc, posts: Type.Integer({ minimum: 0, maximum: 100_000 }) }), {
    maxItems: 2000,
  }),
});
const FairFilter = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  cityCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  upcoming: Type.Optional(Type.Boolean({ description: '只看未举办的' })),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Figure = {
  fairs: Type.Integer(),
  online: Type.Integer(),
  enterprises: Type.Integer(),
  posts: Type.Integer(),
  registrations: Type.Integer(),
  attendance: Type.Integer(),
  intentions: Type.Integer(),
  postingsPublished: Type.Integer({ description: '当年首次发布的岗位信息数' }),
};
const errors = { ...standardErrors, 409: ErrorResponse } as const;

/** 专场招聘会: records, sign-up, figures per city and year, export (SPEC §2.6). */
export function fairsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/job-fairs',
      {
        config: { access: READERS },
        schema: {
          tags: ['recruitment'],
          summary: '专场招聘会列表（市县看本地区，省看全省，企业看全省以便报名）',
          querystring: Type.Composite([PageQuery, FairFilter]),
          response: { 200: PageOf(Fair), ...standardErrors },
        },
      },
      async (request) => listFairsFor(ctx, signedInActorOf(request).user, request.query),
    );
    app.get(
      '/api/v1/job-fairs/figures',
      {
        config: { access: OFFICIALS },
        schema: {
          tags: ['recruitment'],
          summary: '分市、分年度的招聘会与岗位信息数，对照计划目标',
          querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
          response: {
            200: Type.Object({
              year: Type.Integer(),
              rows: Type.Array(Type.Object({ cityCode: Type.String(), cityName: Type.String(), ...Figure })),
              totals: Type.Object(Figure),
              targets: Type.Object({
                fairs: Nullable(Type.Number()),
                postings: Nullable(Type.Number()),
                basis: Type.String(),
              }),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => fairFiguresOfYear(ctx, signedInActorOf(request).user, request.query.year),
    );
    app.get(
      '/api/v1/job-fairs/export',
      {
        config: { access: OFFICIALS },
        schema: {
          tags: ['recruitment'],
          summary: '导出专场招聘会 Excel（导出留痕）',
          querystring: FairFilter,
          response: { 200: Type.String({ description: XLSX_CONTENT_TYPE }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const { fileName, content } = await exportFairs(ctx, signedInActorOf(request), request.query);
        return sendWorkbook(reply, fileName, 'job-fairs.xlsx', content);
      },
    );
    app.get(
      '/api/v1/job-fairs/:id',
      {
        config: { access: READERS },
        schema: {
          tags: ['recruitment'],
          summary: '一场招聘会及其参会企业',
          params: IdParams,
          response: { 200: Fair, ...standardErrors },
        },
      },
      async (request) => getFair(ctx, signedInActorOf(request).user, request.params.id),
    );
    app.post(
      '/api/v1/job-fairs',
      {
        config: { access: RECORDERS },
        schema: {
          tags: ['recruitment'],
          summary: '市县人社登记专场招聘会',
          body: FairBody,
          response: { 201: Fair, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await createFair(ctx, signedInActorOf(request), request.body)),
    );
    app.put(
      '/api/v1/job-fairs/:id',
      {
        config: { access: RECORDERS },
        schema: {
          tags: ['recruitment'],
          summary: '修改招聘会：参会企业、报名、参会与达成意向人数',
          params: IdParams,
          body: FairBody,
          response: { 200: Fair, ...errors },
        },
      },
      async (request) => updateFair(ctx, signedInActorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/job-fairs/:id/sign-up',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业报名参加招聘会，带上本企业已发布的岗位',
          params: IdParams,
          body: Type.Object({ postingIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 }) }),
          response: { 200: Fair, ...errors },
        },
      },
      async (request) => signUpForFair(ctx, signedInActorOf(request), request.params.id, request.body.postingIds),
    );
  };
}
