import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { PageOf, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { bulletinPage, bulletinWorkbook, generateBulletin, getBulletin, listBulletins } from './bulletins.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Period = Type.Integer({ minimum: 100001, maximum: 999912, description: '通报月份 YYYYMM' });

const BulletinSchema = Type.Object({
  id: Type.Integer(),
  period: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  trigger: Type.String({ description: 'manual 手动生成；schedule 每月 5 日定时生成' }),
  status: Type.String({ description: 'generating 生成中；ready 已生成；failed 生成失败' }),
  summary: Nullable(Type.String()),
  error: Nullable(Type.String()),
  hasData: Type.Boolean({ description: 'false：该月没有监测数据（此类通报已不再生成，旧记录默认不列出）' }),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  links: Type.Object({ xlsx: Type.String(), html: Type.String() }),
});

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const READ_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];

/** The monthly 通报: generate, list, and download as Excel or as a printable page. */
export function bulletinsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/monitoring/bulletins',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '监测通报列表（最新生成的在前；按年、月、地区筛选）',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({
              period: Type.Optional(Period),
              year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 9999, description: '通报年份' })),
              month: Type.Optional(
                Type.Integer({ minimum: 1, maximum: 12, description: '通报月份（1–12；与 year 同用即某年某月）' }),
              ),
              region: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: '通报地区（320000 为全省通报）' })),
              includeEmpty: Type.Optional(
                Type.Boolean({ description: '也列出无监测数据月份的旧通报', default: false }),
              ),
            }),
          ]),
          response: { 200: PageOf(BulletinSchema), ...standardErrors },
        },
      },
      async (request) => listBulletins(ctx, signedInActorOf(request).user, request.query),
    );

    app.post(
      '/api/v1/monitoring/bulletins',
      {
        config: { access: ['province_hrss', 'city_hrss'] },
        schema: {
          tags: ['monitoring'],
          summary: '生成月度监测通报（全省或本地区；Excel 与打印页；无监测数据的月份不生成，409）',
          body: Type.Object(
            { period: Period, region: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) },
            { additionalProperties: false },
          ),
          response: { 201: BulletinSchema, 409: standardErrors[404], ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await generateBulletin(ctx, request.body, signedInActorOf(request))),
    );

    app.get(
      '/api/v1/monitoring/bulletins/:id',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '通报记录',
          params: IdParams,
          response: { 200: BulletinSchema, ...standardErrors },
        },
      },
      async (request) => getBulletin(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.get(
      '/api/v1/monitoring/bulletins/:id.xlsx',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '下载通报 Excel（指标、排名、预警三张表）',
          params: IdParams,
          response: { 200: Type.String({ description: XLSX }), 409: standardErrors[404], ...standardErrors },
        },
      },
      async (request, reply) => {
        const { fileName, buffer } = await bulletinWorkbook(ctx, signedInActorOf(request).user, request.params.id);
        void reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="bulletin.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          );
        // A buffer is sent as is; the schema above only documents the file for OpenAPI.
        return reply.send(buffer as unknown as string);
      },
    );

    app.get(
      '/api/v1/monitoring/bulletins/:id.html',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '通报打印页（HTML，含打印样式）',
          params: IdParams,
          response: { 200: Type.String({ description: 'text/html' }), 409: standardErrors[404], ...standardErrors },
        },
      },
      async (request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(await bulletinPage(ctx, signedInActorOf(request).user, request.params.id)),
    );
  };
}
