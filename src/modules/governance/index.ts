import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { collectionsRoutes } from './collections/collections.routes.ts';
import { shortageRoutes } from './shortage/shortage.routes.ts';
import { dispatchRoutes } from './dispatch/dispatch.routes.ts';
import { assessmentRoutes } from './assessment/assessment.routes.ts';
import { meetingsRoutes } from './meetings/meetings.routes.ts';
import { contactsRoutes } from './contacts.routes.ts';
import { plansRoutes } from './plans.routes.ts';
import { requestsRoutes } from './requests.routes.ts';
import { rosterRoutes } from './roster.routes.ts';

/**
 * The governance module (SPEC §2.7). At its root: the commissioner roster, the contact log (无事不扰),
 * enterprise requests (有求必应) and the cities' 实施方案. Rooms, one per use case: collections/
 * (approved data collections and the burden per enterprise), shortage/ (the 急需紧缺职业 survey and
 * catalogue), dispatch/ (调度 rounds), assessment/ (the annual assessment), meetings/ (部门会商).
 */
export function governanceModuleRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(rosterRoutes(ctx));
    await app.register(contactsRoutes(ctx));
    await app.register(requestsRoutes(ctx));
    await app.register(plansRoutes(ctx));
    await app.register(collectionsRoutes(ctx));
    await app.register(shortageRoutes(ctx));
    await app.register(dispatchRoutes(ctx));
    await app.register(assessmentRoutes(ctx));
    await app.register(meetingsRoutes(ctx));
  };
}

/** Overdue requests go up to the city, then the province (registered by app.ts after the modules' routes). */
export { escalationSchedulerPlugin } from './escalation.ts';

/** Reminders before the deadlines of collections and 调度 rounds, and late notices (hourly, off in tests). */
export { deadlineNoticesPlugin } from './deadline-notices.ts';
