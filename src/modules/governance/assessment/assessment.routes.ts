import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { beijingMinute, exportWorkbook, XLSX_CONTENT_TYPE } from '../../../platform/http/excel-export.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { IdParams, Nullable } from '../collections/collections.schemas.ts';
import {
  changeWeights,
  computeAssessment,
  getAssessment,
  listAssessments,
  listWeightVersions,
  type AssessmentView,
} from './assessment.service.ts';

const READERS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const Indicator = Type.Object({
  key: Type.String(),
  label: Type.String(),
  weight: Type.Number(),
  method: Type.Union([Type.Literal('relative'), Type.Literal('target')]),
  target: Type.Optional(Type.Number()),
  figure: Type.String(),
  late_credit: Type.Optional(Type.Number()),
  source: Type.String(),
});
const WeightVersion = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  indicators: Type.Array(Indicator),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
});
const Assessment = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  weightsVersion: Type.Integer({ description: '计算所用的权重版本' }),
  indicators: Type.Array(Indicator),
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      figures: Type.Record(Type.String(), Nullable(Type.Number())),
      basis: Type.Optional(
        Type.Record(Type.String(), Type.String(), { description: '数值的依据（件数、轮数、节点数）' }),
      ),
      scores: Type.Record(Type.String(), Type.Number()),
      total: Type.Number(),
      rank: Type.Integer(),
    }),
  ),
  computedAt: Type.String(),
  computedByName: Nullable(Type.String()),
});

function workbookOf(view: AssessmentView, by: string, at: Date) {
  return exportWorkbook(
    [
      {
        name: '考核结果',
        columns: [
          { header: '名次', key: 'rank', width: 8 },
          { header: '地区', key: 'name', width: 20 },
          { header: '总分', key: 'total', width: 10 },
          ...view.indicators.flatMap((i) => [
            { header: `${i.label}（数值）`, key: `f_${i.key}`, width: 16 },
            { header: `${i.label}（依据）`, key: `b_${i.key}`, width: 28 },
            { header: `${i.label}（得分，权重 ${i.weight}）`, key: `s_${i.key}`, width: 16 },
          ]),
        ],
        rows: view.rows.map((r) => ({
          rank: r.rank,
          name: r.name,
          total: r.total,
          ...Object.fromEntries(
            view.indicators.flatMap((i) => [
              [`f_${i.key}`, r.figures[i.key] ?? null],
              [`b_${i.key}`, r.basis?.[i.key] ?? ''],
              [`s_${i.key}`, r.scores[i.key] ?? 0],
            ]),
          ),
        })),
      },
    ],
    [
      ['考核年度', view.year],
      ['权重版本', `第 ${view.weightsVersion} 版`],
      ...view.indicators.map((i): [string, string] => [
        i.label,
        `权重 ${i.weight}；${i.method === 'target' ? `按目标 ${i.target} 计分` : '按与各地最高值之比计分'}；${i.source}`,
      ]),
      ['计算时间', beijingMinute(view.computedAt) ?? ''],
      ['导出人', by],
      ['导出时间', beijingMinute(at) ?? ''],
    ],
  );
}

/** The annual assessment: weights (versioned), computation, results and their export. */
export function assessmentRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/governance/assessment/weights',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '考核指标与权重的各个版本（最新在前）',
          response: {
            200: Type.Object({ source: Type.String(), items: Type.Array(WeightVersion) }),
            ...standardErrors,
          },
        },
      },
      async () => listWeightVersions(ctx),
    );

    app.post(
      '/api/v1/governance/assessment/weights',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '调整权重（合计 100；形成新版本，已计算的考核保留原版本）',
          body: Type.Object(
            {
              weights: Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 100 })),
              note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            },
            { additionalProperties: false },
          ),
          response: { 201: WeightVersion, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await changeWeights(ctx, signedInActorOf(request), request.body)),
    );

    app.get(
      '/api/v1/governance/assessments',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '已计算的年度考核',
          response: { 200: Type.Object({ items: Type.Array(Assessment) }), ...standardErrors },
        },
      },
      async () => listAssessments(ctx),
    );

    app.post(
      '/api/v1/governance/assessments',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '按当前权重计算某年度考核（各地得分、名次及所依据的数值）',
          body: Type.Object({ year: Type.Integer({ minimum: 2023, maximum: 2100 }) }, { additionalProperties: false }),
          response: { 201: Assessment, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await computeAssessment(ctx, signedInActorOf(request), request.body.year)),
    );

    app.get(
      '/api/v1/governance/assessments/:id/export',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '导出考核结果（Excel）',
          params: IdParams,
          response: { 200: Type.String({ description: 'Excel 文件' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const actor = signedInActorOf(request);
        const view = await getAssessment(ctx, request.params.id);
        const bytes = await workbookOf(view, actor.user.displayName || actor.user.username, ctx.clock());
        const name = `${view.year}年度考核-第${view.weightsVersion}版权重.xlsx`;
        return reply
          .header('content-type', XLSX_CONTENT_TYPE)
          .header(
            'content-disposition',
            `attachment; filename="assessment-${view.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(bytes as unknown as string);
      },
    );
  };
}
