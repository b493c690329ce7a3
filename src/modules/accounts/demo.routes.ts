import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { standardErrors } from '../../platform/http/schemas.ts';
import { listDemoLogins } from './demo-accounts.ts';
import { RoleSchema } from './accounts.schemas.ts';

const DemoLogin = Type.Object({
  username: Type.String(),
  password: Type.String(),
  role: RoleSchema,
  roleLabel: Type.String(),
  totpSecret: Type.Optional(Type.String()),
});

/**
 * The demo logins for the login page's hint, only on a server started in demo mode (`npm start`
 * or YANGFAN_DEMO=1, never production); elsewhere the route answers 404 like any unknown path.
 */
export function demoRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/demo/accounts',
      {
        config: { access: 'anyone' },
        schema: {
          tags: ['platform'],
          summary: '演示账号（仅演示模式）',
          response: { 200: Type.Object({ items: Type.Array(DemoLogin) }), ...standardErrors },
        },
      },
      async () => {
        if (!ctx.config.demo) throw new AppError('NOT_FOUND');
        const items = await listDemoLogins(ctx);
        if (items.length === 0) throw new AppError('NOT_FOUND', '未加载演示账号');
        return { items };
      },
    );
  };
}
