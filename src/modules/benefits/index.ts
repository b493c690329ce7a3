import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { applicationsRoutes } from './applications/applications.routes.ts';
import { declaredFactsRoutes } from './applications/declared-facts.routes.ts';
import { selfApplicationRoutes } from './applications/self-application.routes.ts';
import { casesRoutes } from './cases/cases.routes.ts';
import { publicNoticesRoutes } from './cases/public-notices.routes.ts';
import { reviewRoutes } from './cases/review.routes.ts';
import { inboxRoutes } from './delivery/inbox.routes.ts';
import { outboxRoutes } from './delivery/outbox.routes.ts';
import { paymentsRoutes } from './payments/payments.routes.ts';

/**
 * The benefits module (免申即享 / 即申即享 / 直补快办), one room per use case:
 * match/ (match runs), cases/ (cases, review, 公示 and objections), applications/ (applications,
 * materials, declared facts, self-application, bank accounts), delivery/ (notices, inbox, outbox),
 * payments/ (instructions, bank results, ledger), history/ (benefits already received).
 * Shared pieces (tables, schemas, settings, idempotency, policy names) stay at this root.
 */
export function benefitsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(casesRoutes(ctx));
    await app.register(applicationsRoutes(ctx));
    await app.register(declaredFactsRoutes(ctx));
    await app.register(selfApplicationRoutes(ctx));
    await app.register(reviewRoutes(ctx));
    await app.register(paymentsRoutes(ctx));
    await app.register(publicNoticesRoutes(ctx));
    await app.register(inboxRoutes(ctx));
    await app.register(outboxRoutes(ctx));
  };
}

/** SMS, e-mail and payment notices leave through their gateways (registered by app.ts after the routes). */
export { outboxDispatcherPlugin } from './delivery/outbox-dispatcher.ts';
