import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import { readingContext } from '../../../platform/read-replica.ts';
import type { Role } from '../../../platform/roles.ts';
import { drillIntoRegion, enterpriseSeries } from './drilldown.service.ts';
import { INDICATORS } from './indicator-catalog.ts';
import { computeIndicators } from './indicators.service.ts';
import {
  EnterpriseSeriesSchema,
  IndicatorCatalogSchema,
  IndicatorQuerySchema,
  KpiReportSchema,
  RankingQuerySchema,
  RankingSchema,
  ReadSourceSchema,
  RefreshSummarySchema,
  RegionDrilldownSchema,
  SkillsTabSchema,
  TrendSchema,
} from '../monitoring.schemas.ts';
import { mapRegions, rankRegions } from './ranking.service.ts';
import { refreshAggregatesFor } from '../refresh/refresh.service.ts';
import { computeSkillsTab } from './skills-tab.service.ts';
import { computeTrend } from './trend.service.ts';

// Officials see figures (each narrowed to their scope); rankings, maps and regions are for
// province and city officials; an enterprise sees only its own monthly series.
const KPI_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'commissioner'];
const REGION_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const SERIES_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'commissioner', 'enterprise'];

// Dashboard reads go to the read replica while it is close enough behind (platform/read-replica.ts).
const readerOf = async (ctx: AppContext) => (await readingContext(ctx)).ctx;

/** The monitoring dashboard's API: indicators, trend, ranking, map, drill-down, refresh. */
export function monitoringRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/kpi',
      {
        config: { access: KPI_ROLES, allowApiToken: true },
        schema: {
          tags: ['monitoring'],
          summary: '扬帆计划监测指标：实际、目标、完成进度与时序进度（与 yangfan kpi --json 相同）',
          querystring: IndicatorQuerySchema,
          response: { 200: KpiReportSchema, ...standardErrors },
        },
      },
      async (request) => computeIndicators(await readerOf(ctx), request.query, signedInActorOf(request).user),
    );

    app.get(
      '/api/v1/monitoring/read-source',
      {
        config: { access: KPI_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '看板数据来源：只读副本（及其延迟）或主库',
          response: { 200: ReadSourceSchema, ...standardErrors },
        },
      },
      async () => {
        const { readSource } = await readingContext(ctx);
        return {
          source: readSource.source,
          lag_seconds: readSource.lagSeconds,
          max_lag_seconds: readSource.maxLagSeconds,
          fallback: readSource.fallback ?? null,
        };
      },
    );

    app.get(
      '/api/v1/monitoring/indicators',
      {
        config: { access: KPI_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '监测指标目录与口径说明',
          response: { 200: IndicatorCatalogSchema, ...standardErrors },
        },
      },
      async () => INDICATORS.map((i) => ({ ...i })),
    );

    app.get(
      '/api/v1/monitoring/trend',
      {
        config: { access: KPI_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '监测指标月度走势',
          querystring: IndicatorQuerySchema,
          response: { 200: TrendSchema, ...standardErrors },
        },
      },
      async (request) => computeTrend(await readerOf(ctx), request.query, signedInActorOf(request).user),
    );

    app.get(
      '/api/v1/monitoring/skills',
      {
        config: { access: KPI_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '驾驶舱“技能人才”：培训人次按月、培训与省级示范见习基地按设区市（口径同 /kpi）',
          querystring: IndicatorQuerySchema,
          response: { 200: SkillsTabSchema, ...standardErrors },
        },
      },
      async (request) => computeSkillsTab(await readerOf(ctx), request.query, signedInActorOf(request).user),
    );

    app.get(
      '/api/v1/monitoring/ranking',
      {
        config: { access: REGION_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '地区排名（13 个设区市及昆山、泰兴、沭阳；市级用户为所辖县区）',
          querystring: RankingQuerySchema,
          response: { 200: RankingSchema, ...standardErrors },
        },
      },
      async (request) => rankRegions(await readerOf(ctx), request.query, signedInActorOf(request).user),
    );

    app.get(
      '/api/v1/monitoring/map',
      {
        config: { access: REGION_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '地图着色数据（按地区代码）',
          querystring: RankingQuerySchema,
          response: { 200: RankingSchema, ...standardErrors },
        },
      },
      async (request) => mapRegions(await readerOf(ctx), request.query, signedInActorOf(request).user),
    );

    app.get(
      '/api/v1/monitoring/regions/:code',
      {
        config: { access: REGION_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '地区下钻：下辖地区指标与监测企业列表（分页）',
          params: Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }) }),
          querystring: Type.Composite([IndicatorQuerySchema, PageQuery]),
          response: { 200: RegionDrilldownSchema, ...standardErrors },
        },
      },
      async (request) =>
        drillIntoRegion(await readerOf(ctx), request.params.code, request.query, signedInActorOf(request).user),
    );

    app.get(
      '/api/v1/monitoring/enterprises/:uscc/series',
      {
        config: { access: SERIES_ROLES },
        schema: {
          tags: ['monitoring'],
          summary: '企业月度序列：参保人数、新增、分原因减员、人员构成、缴费',
          params: Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }) }),
          response: { 200: EnterpriseSeriesSchema, ...standardErrors },
        },
      },
      async (request) => enterpriseSeries(await readerOf(ctx), request.params.uscc, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/monitoring/refresh',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['monitoring'],
          summary: '重新生成监测汇总并检测预警（导入后自动执行；此处供手动补跑）',
          response: { 200: RefreshSummarySchema, ...standardErrors },
        },
      },
      async (request) => refreshAggregatesFor(ctx, signedInActorOf(request)),
    );
  };
}
