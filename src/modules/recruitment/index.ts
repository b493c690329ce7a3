import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { campaignsRoutes } from './campaigns/campaigns.routes.ts';
import { applicationsRoutes } from './applications/applications.routes.ts';
import { regionApplicationsRoutes } from './applications/region-applications.routes.ts';
import { fairsRoutes } from './fairs/fairs.routes.ts';
import { seekersRoutes } from './seekers/seekers.routes.ts';
import { talentDemandRoutes } from './talent-demand/talent-demand.routes.ts';

/**
 * The recruitment zone's job-seeker side (SPEC §2.6), one room per use case: seekers/
 * (registration and profile), applications/ (applying and the enterprise's handling), fairs/
 * (专场招聘会). Postings and the public search register their own routes.
 */
export function seekerSideRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(seekersRoutes(ctx));
    await app.register(applicationsRoutes(ctx));
    await app.register(regionApplicationsRoutes(ctx));
    await app.register(fairsRoutes(ctx));
  };
}

/**
 * The recruitment zone's talent side: talent-demand/ (人才需求 exchange feed for the 人才服务云平台)
 * and campaigns/ (百名海外博士江苏行, 江苏招才月, 四对接, 东西部劳务协作).
 */
export function talentSideRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(talentDemandRoutes(ctx));
    await app.register(campaignsRoutes(ctx));
  };
}
