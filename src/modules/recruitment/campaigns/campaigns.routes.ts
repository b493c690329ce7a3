import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { excelExportOptions, sendExport } from '../../../platform/http/excel-export-route.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { exportOriginReport, originReport } from './campaign-report.service.ts';
import { correctHire, recordHire, removeHire } from './campaign-hires.service.ts';
import { createCampaign, getCampaign, listCampaignsFor, updateCampaign } from './campaigns.service.ts';

const READERS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const RECORDERS: readonly Role[] = ['province_hrss', 'city_hrss'];
const Kind = Type.Union(
  [
    Type.Literal('overseas_doctors'),
    Type.Literal('talent_month'),
    Type.Literal('four_docking'),
    Type.Literal('east_west'),
  ],
  {
    description:
      'overseas_doctors 百名海外博士江苏行, talent_month 江苏招才月, four_docking 四对接, east_west 东西部劳务协作',
  },
);
const Mode = Type.Union([Type.Literal('online'), Type.Literal('onsite')], { description: 'online 线上, onsite 线下' });
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Event = Type.Object({
  heldOn: Type.String({ format: 'date' }),
  place: Type.String({ minLength: 1, maxLength: 200 }),
  city: Type.String({ minLength: 1, maxLength: 50, description: '举办城市（东西部劳务协作可在省外）' }),
  mode: Mode,
});
const Results = {
  enterprises: Count,
  postings: Count,
  seekers: Count,
  intentions: Count,
};
const Campaign = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  kindName: Type.String(),
  name: Type.String(),
  year: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  organiser: Type.String(),
  summary: Type.String(),
  events: Type.Array(Type.Object({ ...Event.properties, modeName: Type.String() })),
  results: Type.Object({ ...Results, hires: Type.Integer({ description: '登记的录用人数' }) }),
  updatedAt: Type.String(),
});
const CampaignDetail = Type.Object({
  ...Campaign.properties,
  hires: Type.Array(
    Type.Object({
      id: Type.Integer(),
      uscc: Type.String(),
      enterpriseName: Type.Union([Type.String(), Type.Null()]),
      name: Type.String({ description: '姓名（脱敏）' }),
      homeProvinceCode: Type.String(),
      homeProvinceName: Type.String(),
      hiredOn: Type.String(),
    }),
  ),
});
const CampaignBody = Type.Object({
  kind: Kind,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  regionCode: Type.String({ pattern: '^\\d{6}$', description: '320000 全省，或设区市代码' }),
  organiser: Type.String({ minLength: 1, maxLength: 100 }),
  summary: Type.String({ maxLength: 2000 }),
  ...Results,
  events: Type.Array(Event, { maxItems: 200 }),
});
const Filter = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  kind: Type.Optional(Kind),
});
const ReportQuery = Type.Object({ ...Filter.properties, campaignId: Type.Optional(Type.Integer({ minimum: 1 })) });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const HireParams = Type.Object({ id: Type.Integer({ minimum: 1 }), hireId: Type.Integer({ minimum: 1 }) });
const Employer = {
  uscc: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '录用企业统一社会信用代码' }),
  hiredOn: Type.String({ format: 'date' }),
};
const IdNumber = Type.String({ minLength: 15, maxLength: 20 });
const PersonName = Type.String({ minLength: 1, maxLength: 50 });
const errors = { ...standardErrors, 409: ErrorResponse } as const;

/** 引才活动: records with events and results, hires per person, the home-province report (SPEC §2.6). */
export function campaignsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/recruitment-campaigns',
      {
        config: { access: READERS },
        schema: {
          tags: ['recruitment'],
          summary: '引才活动列表（市看本市，省看全省）',
          querystring: Type.Composite([PageQuery, Filter]),
          response: { 200: PageOf(Campaign), ...standardErrors },
        },
      },
      async (request) => listCampaignsFor(ctx, signedInActorOf(request).user, request.query),
    );
    app.get(
      '/api/v1/recruitment-campaigns/origin-report',
      {
        config: { access: READERS },
        schema: {
          tags: ['recruitment'],
          summary: '东西部劳务协作：通过引才活动录用人员的户籍省份（按身份证号前两位）',
          querystring: ReportQuery,
          response: {
            200: Type.Object({
              rows: Type.Array(
                Type.Object({
                  provinceCode: Type.String(),
                  provinceName: Type.String(),
                  western: Type.Boolean({ description: '西部大开发 12 省区市' }),
                  hires: Type.Integer(),
                  enterprises: Type.Integer(),
                }),
              ),
              totals: Type.Object({
                hires: Type.Integer(),
                fromOtherProvinces: Type.Integer(),
                fromWesternProvinces: Type.Integer(),
              }),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => originReport(ctx, signedInActorOf(request).user, request.query),
    );
    app.get(
      '/api/v1/recruitment-campaigns/origin-report/export',
      excelExportOptions({
        access: READERS,
        tags: ['recruitment'],
        summary: '导出录用人员户籍省份 Excel（导出留痕）',
        querystring: ReportQuery,
      }),
      async (request, reply) =>
        sendExport(reply, 'campaign-origins.xlsx', exportOriginReport(ctx, signedInActorOf(request), request.query)),
    );
    app.get(
      '/api/v1/recruitment-campaigns/:id',
      {
        config: { access: READERS },
        schema: {
          tags: ['recruitment'],
          summary: '一项引才活动：场次、成效与录用人员（脱敏）',
          params: IdParams,
          response: { 200: CampaignDetail, ...standardErrors },
        },
      },
      async (request) => getCampaign(ctx, signedInActorOf(request).user, request.params.id),
    );
    app.post(
      '/api/v1/recruitment-campaigns',
      {
        config: { access: RECORDERS },
        schema: {
          tags: ['recruitment'],
          summary: '登记引才活动',
          body: CampaignBody,
          response: { 201: CampaignDetail, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await createCampaign(ctx, signedInActorOf(request), request.body)),
    );
    app.put(
      '/api/v1/recruitment-campaigns/:id',
      {
        config: { access: RECORDERS },
        schema: {
          tags: ['recruitment'],
          summary: '修改引才活动：场次与成效',
          params: IdParams,
          body: CampaignBody,
          response: { 200: CampaignDetail, ...errors },
        },
      },
      async (request) => updateCampaign(ctx, signedInActorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/recruitment-campaigns/:id/hires',
      {
        config: { access: RECORDERS },
        schema: {
          tags: ['recruitment'],
          summary: '登记通过活动录用的人员（身份证号加密保存，不显示）',
          params: IdParams,
          body: Type.Object({ idNumber: IdNumber, name: PersonName, ...Employer }),
          response: { 200: CampaignDetail, ...errors },
        },
      },
      async (request) => recordHire(ctx, signedInActorOf(request), request.params.id, request.body),
    );
    app.put(
      '/api/v1/recruitment-campaigns/:id/hires/:hireId',
      {
        config: { access: RECORDERS },
        schema: {
          tags: ['recruitment'],
          summary: '更正录用人员：企业、日期；身份证号与姓名只在重新填写时更正（户籍省份随之更新）',
          params: HireParams,
          body: Type.Object({ idNumber: Type.Optional(IdNumber), name: Type.Optional(PersonName), ...Employer }),
          response: { 200: CampaignDetail, ...errors },
        },
      },
      async (request) =>
        correctHire(ctx, signedInActorOf(request), request.params.id, request.params.hireId, request.body),
    );
    app.delete(
      '/api/v1/recruitment-campaigns/:id/hires/:hireId',
      {
        config: { access: RECORDERS },
        schema: {
          tags: ['recruitment'],
          summary: '删除误登记的录用人员（留痕）',
          params: HireParams,
          response: { 200: CampaignDetail, ...errors },
        },
      },
      async (request) => removeHire(ctx, signedInActorOf(request), request.params.id, request.params.hireId),
    );
  };
}
