import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { alertsRoutes } from './alerts/alerts.routes.ts';
import { bulletinsRoutes } from './bulletins/bulletins.routes.ts';
import { monitoringRoutes } from './indicators/monitoring.routes.ts';

/**
 * The monitoring module, one room per use case: refresh/ (pre-aggregates per enterprise-month),
 * indicators/ (indicators with targets, rankings, trend, map, drill-down), alerts/ (employment
 * alerts), bulletins/ (the monthly 通报 and its scheduler). Shared pieces (table, schemas, report
 * period, targets, regions, the result cache, test worlds) stay at this root.
 */
export function monitoringModuleRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(monitoringRoutes(ctx));
    await app.register(alertsRoutes(ctx));
    await app.register(bulletinsRoutes(ctx));
  };
}

/** The monthly 通报 on the 5th (registered by app.ts after the modules' routes). */
export { bulletinSchedulerPlugin } from './bulletins/bulletin-scheduler.ts';
