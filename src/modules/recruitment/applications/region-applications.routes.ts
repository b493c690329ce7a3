import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { sendWorkbook, XLSX_CONTENT_TYPE } from '../../../platform/http/excel-export.ts';
import { PageOf, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import {
  exportRegionApplications,
  listRegionApplications,
  summariseRegionApplications,
} from './region-applications.service.ts';

const OFFICIALS = ['province_hrss', 'city_hrss'] as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Union(
  [
    Type.Literal('submitted'),
    Type.Literal('viewed'),
    Type.Literal('interview'),
    Type.Literal('hired'),
    Type.Literal('rejected'),
  ],
  { description: '状态：submitted 已投递, viewed 已查看, interview 面试, hired 录用, rejected 不合适' },
);
const StatusCounts = Type.Object({
  submitted: Type.Integer(),
  viewed: Type.Integer(),
  interview: Type.Integer(),
  hired: Type.Integer(),
  rejected: Type.Integer(),
});
const CityCode = Type.Optional(
  Type.String({ pattern: '^\\d{6}$', description: '省级账号可按设区市筛选；市级账号只能是本地区' }),
);
const RegionFilter = Type.Object({
  cityCode: CityCode,
  status: Type.Optional(Status),
  postingId: Type.Optional(Type.Integer({ minimum: 1 })),
  uscc: Type.Optional(Type.String({ maxLength: 18 })),
});
const RegionApplication = Type.Object({
  id: Type.Integer(),
  postingId: Type.Integer(),
  postingTitle: Type.String(),
  enterpriseName: Nullable(Type.String()),
  uscc: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  applicantName: Type.String({ description: '求职者姓名（脱敏）' }),
  contact: Nullable(Type.String({ description: '手机号码或电子邮箱（脱敏）' })),
  education: Nullable(Type.String()),
  status: Status,
  statusName: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** The officials' view of applications to postings in their region (SPEC §2.6). */
export function regionApplicationsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/job-applications/region-summary',
      {
        config: { access: OFFICIALS },
        schema: {
          tags: ['recruitment'],
          summary: '本地区岗位的应聘人数（按状态），按岗位、企业或县（市、区）汇总',
          querystring: Type.Object({
            cityCode: CityCode,
            groupBy: Type.Optional(
              Type.Union([Type.Literal('posting'), Type.Literal('enterprise'), Type.Literal('county')]),
            ),
          }),
          response: {
            200: Type.Object({
              groupBy: Type.String(),
              items: Type.Array(
                Type.Object({
                  key: Type.String(),
                  name: Type.String(),
                  parent: Nullable(Type.String({ description: '岗位所属企业（按岗位汇总时）' })),
                  total: Type.Integer(),
                  counts: StatusCounts,
                }),
              ),
              totals: StatusCounts,
              total: Type.Integer(),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => summariseRegionApplications(ctx, signedInActorOf(request).user, request.query),
    );
    app.get(
      '/api/v1/job-applications/region',
      {
        config: { access: OFFICIALS },
        schema: {
          tags: ['recruitment'],
          summary: '本地区岗位的应聘记录（求职者脱敏，查看留痕）',
          querystring: Type.Composite([PageQuery, RegionFilter]),
          response: { 200: PageOf(RegionApplication), ...standardErrors },
        },
      },
      async (request) => listRegionApplications(ctx, signedInActorOf(request), request.query),
    );
    app.get(
      '/api/v1/job-applications/region/export',
      {
        config: { access: OFFICIALS },
        schema: {
          tags: ['recruitment'],
          summary: '导出本地区岗位的应聘记录 Excel（求职者脱敏，导出留痕）',
          querystring: RegionFilter,
          response: { 200: Type.String({ description: XLSX_CONTENT_TYPE }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const { fileName, content } = await exportRegionApplications(ctx, signedInActorOf(request), request.query);
        return sendWorkbook(reply, fileName, 'job-applications.xlsx', content);
      },
    );
  };
}
