import type { FastifyInstance } from 'fastify';
import type { AppContext } from './app-context.ts';
import { buildApp } from './app.ts';
import { warmDashboard } from './modules/monitoring/indicators/warm-dashboard.ts';

/**
 * Starts the HTTP server: buildApp → listen → close gracefully on SIGINT/SIGTERM, so
 * in-flight requests and transactions finish before the database closes.
 */
export async function startServer(
  ctx: AppContext & { close(): Promise<void> },
  port: number,
): Promise<FastifyInstance> {
  const app = await buildApp(ctx, { serveWebApp: true });
  await app.listen({ host: ctx.config.host, port });
  // A started process answers the dashboard's first requests from its cache, as after a refresh.
  void warmDashboard(ctx);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, '正在关闭服务');
    await app.close();
    // Jobs in hand finish (or are left to another worker's takeover) before the database closes.
    await ctx.jobQueue?.stop();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app;
}
