import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { TONES, TOPICS } from './classify.ts';
import { advanceMessage, decideLink, MESSAGE_STATES } from './handling.service.ts';
import { listHotspots } from './hotspots.service.ts';
import { SOURCES } from './intake.service.ts';
import { getMessage, listMessages, listOpenItems } from './messages.service.ts';
import { pushMessages } from './push.service.ts';

// 舆情 is the HRSS side's: the province reads all, a city or county bureau handles its region,
// a commissioner the messages naming their enterprises.
const READ_ROLES: readonly Role[] = ['province_hrss', 'city_hrss', 'commissioner'];
const PUSH_ROLES: readonly Role[] = ['province_hrss'];

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Enum = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Link = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  name: Type.String(),
  alias: Type.String({ description: '留言中出现的名称' }),
  status: Enum(['linked', 'ambiguous', 'confirmed', 'rejected']),
});
const summaryFields = {
  id: Type.Integer(),
  source: Enum(SOURCES),
  receivedAt: Type.String(),
  title: Type.String(),
  topic: Enum(TOPICS),
  tone: Enum(TONES),
  state: Enum(MESSAGE_STATES),
  regionCode: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  deadline: Nullable(Type.String()),
  ageDays: Type.Integer(),
  isOverdue: Type.Boolean(),
  links: Type.Array(Link),
};
const MessageSummary = Type.Object(summaryFields);
const MessageDetail = Type.Object({
  ...summaryFields,
  content: Type.String({ description: '承办单位看全文，其他人看遮蔽后的文本' }),
  sender: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  isWhole: Type.Boolean(),
  canHandle: Type.Boolean(),
  rulesVersion: Type.String(),
  highlights: Type.Array(
    Type.Object({
      start: Type.Integer(),
      end: Type.Integer(),
      kind: Enum(['enterprise', 'ambiguous', 'topic', 'negative', 'positive']),
      label: Type.String(),
    }),
  ),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const conflictErrors = { ...standardErrors, 409: ErrorResponse } as const;

/** 舆情监测: messages with filters, one message highlighted, link decisions, 研处 steps, open items, hotspots, push. */
export function opinionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/opinion/messages',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['opinion'],
          summary: '舆情留言列表（按主题、倾向、地区、状态、来源、企业、热点筛选）',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({
              topic: Type.Optional(Enum(TOPICS)),
              tone: Type.Optional(Enum(TONES)),
              region: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
              state: Type.Optional(Enum(MESSAGE_STATES)),
              source: Type.Optional(Enum(SOURCES)),
              uscc: Type.Optional(Type.String({ maxLength: 40 })),
              hotspot: Type.Optional(Type.Integer({ minimum: 1, description: '只看该热点背后的留言' })),
            }),
          ]),
          response: { 200: PageOf(MessageSummary), ...standardErrors },
        },
      },
      async (request) => listMessages(ctx, signedInActorOf(request).user, request.query),
    );

    app.get(
      '/api/v1/opinion/messages/:id',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['opinion'],
          summary: '一条留言（标出企业名称与关键词；承办单位看全文，记入审计）',
          params: IdParams,
          response: { 200: MessageDetail, ...standardErrors },
        },
      },
      async (request) => getMessage(ctx, signedInActorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/opinion/messages/:id/links/:linkId',
      {
        config: { access: ['city_hrss', 'commissioner', 'province_hrss'] },
        schema: {
          tags: ['opinion'],
          summary: '确认或排除一个待确认的企业关联',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }), linkId: Type.Integer({ minimum: 1 }) }),
          body: Type.Object({ decision: Enum(['confirm', 'reject']) }, { additionalProperties: false }),
          response: { 200: Type.Object({ id: Type.Integer(), status: Type.String() }), ...conflictErrors },
        },
      },
      async (request) =>
        decideLink(
          ctx,
          signedInActorOf(request),
          request.params.id,
          request.params.linkId,
          request.body.decision as 'confirm' | 'reject',
        ),
    );

    app.post(
      '/api/v1/opinion/messages/:id/transition',
      {
        config: { access: ['city_hrss', 'commissioner', 'province_hrss'] },
        schema: {
          tags: ['opinion'],
          summary: '研处：受理（待处理→处理中）、答复（→已答复，须填答复）、办结（→已办结）',
          params: IdParams,
          body: Type.Object(
            { action: Enum(['start', 'reply', 'close']), reply: Type.Optional(Type.String({ maxLength: 5000 })) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ id: Type.Integer(), state: Enum(MESSAGE_STATES) }), ...conflictErrors },
        },
      },
      async (request) =>
        advanceMessage(
          ctx,
          signedInActorOf(request),
          request.params.id,
          request.body.action as 'start' | 'reply' | 'close',
          request.body.reply,
        ),
    );

    app.get(
      '/api/v1/opinion/open-items',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['opinion'],
          summary: '未办结留言：按承办地区、状态与已过天数',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  regionCode: Nullable(Type.String()),
                  regionName: Nullable(Type.String()),
                  pending: Type.Integer(),
                  processing: Type.Integer(),
                  replied: Type.Integer(),
                  overdue: Type.Integer(),
                  ages: Type.Object({
                    upTo3: Type.Integer(),
                    upTo10: Type.Integer(),
                    upTo30: Type.Integer(),
                    over30: Type.Integer(),
                  }),
                }),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => listOpenItems(ctx, signedInActorOf(request).user),
    );

    app.get(
      '/api/v1/opinion/hotspots',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['opinion'],
          summary: '舆情热点（近 1 日或近 7 日条数远高于基线的主题×地区或企业，近 30 日）',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  kind: Enum(['topic_region', 'enterprise']),
                  topic: Nullable(Type.String()),
                  regionCode: Nullable(Type.String()),
                  regionName: Nullable(Type.String()),
                  uscc: Nullable(Type.String()),
                  enterpriseName: Nullable(Type.String()),
                  window: Enum(['day', 'week']),
                  detectedOn: Type.String(),
                  count: Type.Integer(),
                  baseline: Type.Number(),
                  messageCount: Type.Integer(),
                }),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => listHotspots(ctx, signedInActorOf(request).user),
    );

    const Text = (maxLength: number, description: string) => Type.String({ maxLength, description });
    app.post(
      '/api/v1/exchange/messages',
      {
        config: { access: PUSH_ROLES, allowApiToken: true },
        schema: {
          tags: ['exchange'],
          summary: '推送舆情留言（12333、局长信箱、新媒体；每次 ≤ 500 条，逐条返回结果，同一留言重复推送不变）',
          body: Type.Object(
            {
              items: Type.Array(
                Type.Object(
                  {
                    source: Text(20, '来源：12333 / 局长信箱 / 新媒体'),
                    received_at: Text(30, '时间 YYYY-MM-DD HH:mm[:ss]（北京时间）'),
                    title: Text(400, '标题'),
                    content: Text(10000, '内容'),
                    sender: Type.Optional(Nullable(Text(200, '来电/来信人（加密保存）'))),
                    region: Type.Optional(Nullable(Text(12, '地区代码'))),
                  },
                  { additionalProperties: false },
                ),
                { minItems: 1, maxItems: 500 },
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              accepted: Type.Integer(),
              unchanged: Type.Integer(),
              rejected: Type.Integer(),
              results: Type.Array(
                Type.Object({
                  index: Type.Integer(),
                  status: Enum(['accepted', 'unchanged', 'rejected']),
                  id: Nullable(Type.Integer()),
                  reasons: Type.Array(
                    Type.Object({ code: Type.String(), column: Nullable(Type.String()), message: Type.String() }),
                  ),
                }),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => pushMessages(ctx, signedInActorOf(request), request.body.items),
    );
  };
}
