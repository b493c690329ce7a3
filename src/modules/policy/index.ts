import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { calcRoutes } from './calculator/calc.routes.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { sandboxRoutes } from './sandbox/sandbox.routes.ts';

/**
 * The policy module (SPEC §2.5), one room per use case: catalogue/ (versions in the database,
 * parameter edits, the YAML test cases), facts/ (each policy's facts computed in SQL),
 * calculator/ (one policy for one enterprise, or for anyone from a form), sandbox/ (政策沙盘),
 * records/ (benefits already held: by cases and the imported history).
 * Shared pieces (tables, schemas, stored versions → compiled policies, row evaluation, the
 * register's coverage queries, test fixtures) stay at this root.
 */
export function policyRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(catalogueRoutes(ctx));
    await app.register(calcRoutes(ctx));
    await app.register(sandboxRoutes(ctx));
  };
}
