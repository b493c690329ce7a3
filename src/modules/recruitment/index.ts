import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { applicationsRoutes } from './applications/applications.routes.ts';
import { fairsRoutes } from './fairs/fairs.routes.ts';
import { seekersRoutes } from './seekers/seekers.routes.ts';

/**
 * The recruitment zone's job-seeker side (SPEC §2.6), one room per use case: seekers/
 * (registration and profile), applications/ (applying and the enterprise's handling), fairs/
 * (专场招聘会). Postings and the public search register their own routes.
 */
export function seekerSideRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(seekersRoutes(ctx));
    await app.register(applicationsRoutes(ctx));
    await app.register(fairsRoutes(ctx));
  };
}
