import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { addDays } from '../iso-date.ts';
import { shanghaiDayStart } from '../time.ts';
import { PageOf, PageQuery, pageWindow, standardErrors } from '../http/schemas.ts';
import { appendAudit } from './audit.ts';
import { listAuditRows } from './audit.repository.ts';
import { verifyAuditChain } from './audit-verify.ts';

const AuditRow = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Composite([PageQuery, Type.Object({
  action: Type.Optional(Type.String({ maxLength: 64 })),
  username: Type.Optional(Type.String({ maxLength: 64 })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')])),
  from: Type.Optional(Type.String({ format: 'date', description: '起始日期（含）' })),
  to: Type.Optional(Type.String({ format: 'date', description: '截止日期（含）' })),
})]);

/** The auditor's view of the log and the chain check; reading the log is itself audited. */
export function auditRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/audit', {
      config: { access: ['auditor'] },
      schema: { tags: ['audit'], summary: '审计日志', querystring: AuditQuery, response: { 200: PageOf(AuditRow), ...standardErrors } },
    }, async (request) => {
      const { page, pageSize, offset } = pageWindow(request.query);
      const { from, to, ...rest } = request.query;
      const filter = { ...rest, from: from ? shanghaiDayStart(from) : undefined, to: to ? shanghaiDayStart(addDays(to, 1)) : undefined };
      const { items, total } = await listAuditRows(ctx.db, filter, offset, pageSize);
      await appendAudit(ctx.db, ctx.dialect, actorOf(request), { action: 'audit.read', outcome: 'success', details: { filter: rest, page } }, ctx.clock());
      return {
        items: items.map((r) => ({
          id: toNumber(r.id), at: r.at, actorName: r.actor_name, actorRole: r.actor_role, action: r.action,
          objectType: r.object_type, objectId: r.object_id, outcome: r.outcome, requestId: r.request_id, ip: r.ip, details: r.details,
        })),
        total: toNumber(total), page, pageSize,
      };
    });

    app.post('/api/v1/audit/verify', {
      config: { access: ['auditor'] },
      schema: {
        tags: ['audit'], summary: '校验审计日志哈希链',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            first_broken: Type.Optional(Type.Object({ id: Type.Integer(), reason: Type.String() })),
          }),
          ...standardErrors,
        },
      },
    }, async (request) => {
      const result = await verifyAuditChain(ctx.db);
      await appendAudit(ctx.db, ctx.dialect, actorOf(request), { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', details: { ...result } }, ctx.clock());
      return result;
    });
  };
}

