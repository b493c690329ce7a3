import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { accountNameForLogin } from '../../modules/accounts/seeker-logins.ts';
import { seekerNamesOf } from '../../modules/accounts/seeker-names.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { addDays } from '../iso-date.ts';
import { shanghaiDayStart } from '../time.ts';
import { PageOf, PageQuery, pageWindow, standardErrors } from '../http/schemas.ts';
import { appendAudit } from './audit.ts';
import { XLSX_CONTENT_TYPE, sendWorkbook } from '../http/excel-export.ts';
import { exportAuditLog, type AuditExportQuery } from './audit-export.ts';
import { listAuditRows, type AuditFilter } from './audit.repository.ts';
import { verifyAuditChain } from './audit-verify.ts';

const AuditRow = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.Union([Type.String(), Type.Null()], {
    description: '求职者以脱敏的手机号码或邮箱显示（其账号名是内部摘要）；其他账号为 null',
  }),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.String(), Type.Null()]),
});

const AuditFilters = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 64 })),
  username: Type.Optional(Type.String({ maxLength: 64, description: '账号名；求职者可填其手机号码或邮箱' })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')])),
  from: Type.Optional(Type.String({ format: 'date', description: '起始日期（含）' })),
  to: Type.Optional(Type.String({ format: 'date', description: '截止日期（含）' })),
});
const AuditQuery = Type.Composite([PageQuery, AuditFilters]);

// Dates are Beijing days: from its first moment to the first moment of the day after `to`.
// A job seeker is found by the phone or e-mail they sign in with (their account name is a digest of it).
function auditFilterOf(ctx: AppContext, query: AuditExportQuery): AuditFilter {
  const { from, to, ...rest } = query;
  return {
    ...rest,
    username: rest.username ? accountNameForLogin(ctx.cipher, rest.username) : undefined,
    from: from ? shanghaiDayStart(from) : undefined,
    to: to ? shanghaiDayStart(addDays(to, 1)) : undefined,
  };
}

/** The auditor's view of the log and the chain check; reading the log is itself audited. */
export function auditRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/audit',
      {
        config: { access: ['auditor'] },
        schema: {
          tags: ['audit'],
          summary: '审计日志',
          querystring: AuditQuery,
          response: { 200: PageOf(AuditRow), ...standardErrors },
        },
      },
      async (request) => {
        const { page, pageSize, offset } = pageWindow(request.query);
        const { from: _from, to: _to, ...rest } = request.query;
        const { items, total } = await listAuditRows(ctx.db, auditFilterOf(ctx, request.query), offset, pageSize);
        const seekerNames = await seekerNamesOf(
          ctx,
          items.flatMap((r) => (r.actor_name ? [r.actor_name] : [])),
        );
        await appendAudit(
          ctx.db,
          ctx.dialect,
          actorOf(request),
          { action: 'audit.read', outcome: 'success', details: { filter: rest, page } },
          ctx.clock(),
        );
        return {
          items: items.map((r) => ({
            id: toNumber(r.id),
            at: r.at,
            actorName: r.actor_name,
            actorLabel: (r.actor_name && seekerNames.get(r.actor_name)) ?? null,
            actorRole: r.actor_role,
            action: r.action,
            objectType: r.object_type,
            objectId: r.object_id,
            outcome: r.outcome,
            requestId: r.request_id,
            ip: r.ip,
            details: r.details,
          })),
          total: toNumber(total),
          page,
          pageSize,
        };
      },
    );

    app.get(
      '/api/v1/audit/export',
      {
        config: { access: ['auditor'] },
        schema: {
          tags: ['audit'],
          summary: '导出审计日志 Excel（筛选条件同列表，个人信息与 IP 末段遮盖，导出留痕）',
          querystring: AuditFilters,
          response: { 200: Type.String({ description: XLSX_CONTENT_TYPE }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const { fileName, content } = await exportAuditLog(
          ctx,
          actorOf(request),
          request.query,
          auditFilterOf(ctx, request.query),
        );
        return sendWorkbook(reply, fileName, 'audit-log.xlsx', content);
      },
    );

    app.post(
      '/api/v1/audit/verify',
      {
        config: { access: ['auditor'] },
        schema: {
          tags: ['audit'],
          summary: '校验审计日志（带密钥哈希链与签名检查点）',
          response: {
            200: Type.Object({
              ok: Type.Boolean(),
              checked: Type.Integer(),
              first_broken: Type.Optional(
                Type.Object({
                  id: Type.Integer(),
                  reason: Type.String({
                    description:
                      'link_mismatch 链接断裂 | hash_mismatch 内容被修改 | recomputed 哈希被重算 | truncated 截断 | checkpoint_invalid 检查点无效',
                  }),
                }),
              ),
              keyed_from: Type.Optional(Type.Integer({ description: '自此序号起以 HMAC-SM3 链接' })),
              last_checkpoint: Type.Optional(
                Type.Object({ seq: Type.Integer(), row_count: Type.Integer(), at: Type.String() }),
              ),
              unsealed: Type.Optional(
                Type.Object(
                  { count: Type.Integer(), oldest_at: Type.Union([Type.String(), Type.Null()]) },
                  { description: 'PostgreSQL：校验时刚提交、尚待封链的记录（下次校验纳入）' },
                ),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => {
        const result = await verifyAuditChain(ctx.db);
        await appendAudit(
          ctx.db,
          ctx.dialect,
          actorOf(request),
          { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', details: { ...result } },
          ctx.clock(),
        );
        return result;
      },
    );
  };
}
