import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { standardErrors } from '../../platform/http/schemas.ts';

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  time: Type.String(),
});

/** GET /api/v1/health answers without login: load balancers and monitors call it. */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/health',
      {
        config: { access: 'anyone' },
        schema: { tags: ['platform'], summary: '健康检查', response: { 200: Health, ...standardErrors } },
      },
      async () => {
        await sql`select 1`.execute(ctx.db);
        return { status: 'ok' as const, database: ctx.dialect, time: ctx.clock().toISOString() };
      },
    );
  };
}
