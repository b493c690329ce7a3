import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { PageOf, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { XLSX_CONTENT_TYPE, sendWorkbook } from '../../../platform/http/excel-export.ts';
import { exportAlerts } from './alerts-export.ts';
import { changeAlert, getAlert, listAlerts } from './alerts.service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const KindSchema = Type.Union(
  [Type.Literal('mass_layoff'), Type.Literal('recognition_expiring'), Type.Literal('contributions_stopped')],
  { description: 'mass_layoff 规模性减员；recognition_expiring 认定即将到期；contributions_stopped 停止缴费' },
);
const StatusSchema = Type.Union([Type.Literal('open'), Type.Literal('assigned'), Type.Literal('closed')], {
  description: 'open 待处理；assigned 已分派；closed 已办结',
});

const AlertSchema = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  enterpriseName: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  kind: KindSchema,
  kindLabel: Type.String(),
  period: Type.Integer({ description: '所属期 YYYYMM（到期预警为到期月份）' }),
  status: StatusSchema,
  statusLabel: Type.String(),
  metric: Type.Integer({ description: '规模性减员：当月减员人数' }),
  base: Nullable(Type.Integer({ description: '上月参保人数' })),
  dueOn: Nullable(Type.String({ description: '认定有效期最后一日' })),
  message: Type.String(),
  assignee: Nullable(Type.Object({ id: Type.Integer(), name: Nullable(Type.String()) })),
  closeNote: Nullable(Type.String()),
  detectedAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: Nullable(Type.String()),
});

const AlertDetailSchema = Type.Composite([
  AlertSchema,
  Type.Object({
    events: Type.Array(
      Type.Object({
        at: Type.String(),
        actor: Nullable(Type.String()),
        action: Type.String(),
        note: Nullable(Type.String()),
      }),
    ),
  }),
]);

const AlertFilters = Type.Object({
  status: Type.Optional(StatusSchema),
  kind: Type.Optional(KindSchema),
  period: Type.Optional(Type.Integer({ minimum: 100001, maximum: 999912, description: '所属期 YYYYMM' })),
  region: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  uscc: Type.Optional(Type.String({ maxLength: 40 })),
  mine: Type.Optional(Type.Boolean({ description: '只看分派给我的' })),
});

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const LIST_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'commissioner'];

/** Employment alerts: list, detail with history, assign / close / reopen. */
export function alertsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/monitoring/alerts',
      {
        config: { access: LIST_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '就业监测预警列表（规模性减员、认定即将到期、停止缴费）',
          querystring: Type.Composite([PageQuery, AlertFilters]),
          response: { 200: PageOf(AlertSchema), ...standardErrors },
        },
      },
      async (request) => listAlerts(ctx, signedInActorOf(request).user, request.query),
    );

    app.get(
      '/api/v1/monitoring/alerts/export',
      {
        config: { access: LIST_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '导出就业预警 Excel（筛选条件同列表，个人信息遮盖，导出留痕）',
          querystring: AlertFilters,
          response: { 200: Type.String({ description: XLSX_CONTENT_TYPE }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const { fileName, content } = await exportAlerts(ctx, signedInActorOf(request), request.query);
        return sendWorkbook(reply, fileName, 'alerts.xlsx', content);
      },
    );

    app.get(
      '/api/v1/monitoring/alerts/:id',
      {
        config: { access: LIST_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '预警详情与处理记录',
          params: IdParams,
          response: { 200: AlertDetailSchema, ...standardErrors },
        },
      },
      async (request) => getAlert(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.patch(
      '/api/v1/monitoring/alerts/:id',
      {
        config: { access: ['province_hrss', 'city_hrss', 'commissioner'] },
        schema: {
          tags: ['monitoring'],
          summary: '分派给企业的服务专员、办结（须填写说明）或重新打开预警（全程审计）',
          params: IdParams,
          body: Type.Object(
            {
              action: Type.Union([Type.Literal('assign'), Type.Literal('close'), Type.Literal('reopen')]),
              note: Type.Optional(Type.String({ maxLength: 2000 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: AlertSchema, 409: standardErrors[404], ...standardErrors },
        },
      },
      async (request) => changeAlert(ctx, signedInActorOf(request), request.params.id, request.body),
    );
  };
}
