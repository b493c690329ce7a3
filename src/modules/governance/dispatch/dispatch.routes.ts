import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { XLSX_CONTENT_TYPE } from '../../../platform/http/excel-export.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { IdParams, Nullable } from '../collections/collections.schemas.ts';
import { dispatchWorkbook } from './dispatch-workbook.ts';
import { closeRound, getRound, listRounds, openRound, submitReturn } from './dispatch.service.ts';

const READERS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const Answer = Nullable(Type.Union([Type.Number(), Type.String()]));
const Round = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  period: Type.String({ description: '数据期间（YYYYMM、YYYYQn、YYYY）' }),
  deadline: Type.String(),
  isDeadlineProvisional: Type.Boolean(),
  state: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  openedAt: Type.String(),
  openedByName: Nullable(Type.String()),
  items: Type.Array(
    Type.Object({ key: Type.String(), label: Type.String(), unit: Type.String(), indicator: Nullable(Type.String()) }),
  ),
  units: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      prefill: Type.Record(Type.String(), Nullable(Type.Number())),
      answers: Nullable(Type.Record(Type.String(), Answer)),
      submittedAt: Nullable(Type.String()),
      submittedByName: Nullable(Type.String()),
      status: Type.Union([
        Type.Literal('on_time'),
        Type.Literal('late'),
        Type.Literal('missing'),
        Type.Literal('overdue'),
      ]),
      statusLabel: Type.String(),
    }),
  ),
  submitted: Type.Integer(),
  late: Type.Array(Type.String(), { description: '逾期报送或逾期未报的地区' }),
});

/** 调度 rounds: open (province), return (cities), the summary and its Excel export. */
export function dispatchRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/governance/dispatch-rounds',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '调度列表（市只看本地区的报送情况）',
          response: { 200: Type.Object({ items: Type.Array(Round) }), ...standardErrors },
        },
      },
      async (request) => listRounds(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/governance/dispatch-rounds',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '发起调度：按数据期间预填各地指标，截止日期默认按工作日推算',
          body: Type.Object(
            {
              title: Type.String({ minLength: 1, maxLength: 200 }),
              period: Type.String({ pattern: '^(\\d{6}|\\d{4}Q[1-4]|\\d{4}|plan)$' }),
              deadline: Type.Optional(Nullable(Type.String({ format: 'date' }))),
            },
            { additionalProperties: false },
          ),
          response: { 201: Round, ...standardErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await openRound(ctx, signedInActorOf(request), request.body)),
    );

    app.get(
      '/api/v1/governance/dispatch-rounds/:id',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '调度汇总（各地报送情况、预填数与报送数）',
          params: IdParams,
          response: { 200: Round, ...standardErrors },
        },
      },
      async (request) => getRound(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.put(
      '/api/v1/governance/dispatch-rounds/:id/return',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '报送调度表（截止后报送标记为逾期；再次报送替换上次）',
          params: IdParams,
          body: Type.Object({ answers: Type.Record(Type.String(), Answer) }, { additionalProperties: false }),
          response: { 200: Round, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request) => submitReturn(ctx, signedInActorOf(request), request.params.id, request.body.answers),
    );

    app.post(
      '/api/v1/governance/dispatch-rounds/:id/close',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '结束调度',
          params: IdParams,
          response: { 200: Round, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request) => closeRound(ctx, signedInActorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/governance/dispatch-rounds/:id/export',
      {
        config: { access: ['province_hrss', 'province_miit'] },
        schema: {
          tags: ['governance'],
          summary: '导出调度汇总（Excel）',
          params: IdParams,
          response: { 200: Type.String({ description: 'Excel 文件' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const actor = signedInActorOf(request);
        const round = await getRound(ctx, actor.user, request.params.id);
        const bytes = await dispatchWorkbook(round, actor.user.displayName || actor.user.username, ctx.clock());
        const name = `调度汇总-${round.id}.xlsx`;
        return reply
          .header('content-type', XLSX_CONTENT_TYPE)
          .header(
            'content-disposition',
            `attachment; filename="dispatch-${round.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(bytes as unknown as string);
      },
    );
  };
}
