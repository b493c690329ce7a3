import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './app-context.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { benefitsRoutes, outboxDispatcherPlugin } from './modules/benefits/index.ts';
import { commissionersRoutes } from './modules/accounts/commissioners.routes.ts';
import { demoRoutes } from './modules/accounts/demo.routes.ts';
import { securityRoutes } from './modules/accounts/security.routes.ts';
import { tokensRoutes } from './modules/accounts/tokens.routes.ts';
import { usersRoutes } from './modules/accounts/users.routes.ts';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.ts';
import { exchangeRoutes } from './modules/enterprises/exchange.routes.ts';
import { keyEnterprisesRoutes } from './modules/enterprises/key-enterprises.routes.ts';
import { notificationContactRoutes } from './modules/enterprises/notification-contact.routes.ts';
import {
  deadlineNoticesPlugin,
  escalationSchedulerPlugin,
  governanceModuleRoutes,
} from './modules/governance/index.ts';
import { postingsRoutes } from './modules/recruitment/postings/postings.routes.ts';
import { searchRoutes } from './modules/recruitment/search/search.routes.ts';
import { seekerSideRoutes, talentSideRoutes } from './modules/recruitment/index.ts';
import { compensationRoutes } from './modules/labour/compensation.routes.ts';
import { disputesRoutes } from './modules/labour/disputes.routes.ts';
import { relationsRoutes } from './modules/labour/relations.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { bulletinSchedulerPlugin, monitoringModuleRoutes } from './modules/monitoring/index.ts';
import { trainingRoutes } from './modules/skills/training/training.routes.ts';
import { internshipsRoutes } from './modules/skills/internships/internships.routes.ts';
import { talentRoutes } from './modules/skills/talent/talent.routes.ts';
import { opinionRoutes } from './modules/opinion/opinion.routes.ts';
import { policyRoutes } from './modules/policy/index.ts';
import { calendarRoutes } from './modules/reference/calendar.routes.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { toolsRoutes } from './modules/reference/tools.routes.ts';
import { usccOverridesRoutes } from './modules/reference/uscc-overrides.routes.ts';
import { workforceRoutes } from './modules/workforce/index.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { jobsRoutes } from './platform/jobs/jobs.routes.ts';
import { authPlugin } from './platform/auth/auth.plugin.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { loadHttpLimits } from './platform/http/http-limits.ts';
import { ErrorResponseSchema } from './platform/http/schemas.ts';
import { limitRequestBodies } from './platform/http/request-body.ts';
import { checkRequestOrigin } from './platform/http/request-origin.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { loggerOptions } from './platform/http/logging.ts';
import { sharedRateLimitStore } from './platform/http/rate-limit-store.ts';
import { webAppPlugin } from './platform/http/web-app.ts';

export interface BuildOptions {
  /** Serve the built web app from web/dist (off in API tests). */
  serveWebApp?: boolean;
  /** Where log lines go (tests scan them for personal data); stdout by default. */
  logStream?: NodeJS.WritableStream;
}

/**
 * The application in one visible list: platform plugins first (errors, cookies, rate limit,
 * OpenAPI, authentication and access), then each module's routes, then the web app.
 */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const limits = loadHttpLimits();
  const app = Fastify({
    logger: loggerOptions(ctx.config.logLevel, options.logStream),
    genReqId: () => randomUUID(),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: limits.bodyMaxBytes,
    requestTimeout: limits.requestReceiveTimeoutMs,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The one error shape every route references; a named component of the OpenAPI document.
  app.addSchema(ErrorResponseSchema);
  registerErrorHandler(app, { serveWebApp: options.serveWebApp });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // Bounded work per request, headers, and no state change from another site's page, before any route.
  limitRequestBodies(app, limits);
  await registerSecurityHeaders(app, { isProduction: ctx.config.environment === 'production' });
  checkRequestOrigin(app, ctx.config.allowedOrigins);
  await app.register(cookie);
  // PostgreSQL: counts in the database, so a limit holds across server processes; SQLite (one process): in memory.
  await app.register(rateLimit, {
    global: false,
    ...(ctx.dialect === 'postgres' ? { store: sharedRateLimitStore(ctx.db) } : {}),
  });
  await app.register(swagger, {
    // Shared schemas (app.addSchema) become components named by their $id, not def-0, def-1…
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      info: { title: '扬帆 Yangfan API', version: '1', description: '江苏专精特新企业就业创业扬帆计划信息系统接口' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yf_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { ctx });

  // Modules, in SPEC §2 order. Each declares access on every route.
  await app.register(healthRoutes(ctx));
  await app.register(accountsRoutes(ctx));
  await app.register(usersRoutes(ctx));
  await app.register(securityRoutes(ctx));
  await app.register(tokensRoutes(ctx));
  await app.register(commissionersRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(jobsRoutes(ctx));
  await app.register(demoRoutes(ctx));
  await app.register(referenceRoutes(ctx));
  await app.register(toolsRoutes(ctx));
  await app.register(usccOverridesRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(importsRoutes(ctx));
  await app.register(enterprisesRoutes(ctx));
  await app.register(exchangeRoutes(ctx));
  await app.register(opinionRoutes(ctx));
  await app.register(keyEnterprisesRoutes(ctx));
  await app.register(notificationContactRoutes(ctx));
  await app.register(workforceRoutes(ctx));
  await app.register(monitoringModuleRoutes(ctx));
  await app.register(trainingRoutes(ctx));
  await app.register(internshipsRoutes(ctx));
  await app.register(talentRoutes(ctx));
  await app.register(policyRoutes(ctx));
  // 免申即享 / 即申即享 / 直补快办: cases, review, 公示, payments and the ledger.
  await app.register(benefitsRoutes(ctx));
  // 服务专员 and the plan's governance: roster, contacts (无事不扰), requests (有求必应), 实施方案,
  // approved data collections and the 急需紧缺 catalogue, 调度, the annual assessment, 部门会商.
  await app.register(governanceModuleRoutes(ctx));
  // 招聘专区: job postings and their review with the discrimination check.
  await app.register(postingsRoutes(ctx));
  // The public job search (no login): published postings by Chinese words and filters.
  await app.register(searchRoutes(ctx));
  // Job seekers, their applications and 专场招聘会.
  await app.register(seekerSideRoutes(ctx));
  // 人才需求 exchange feed and recruitment campaigns (引才活动, 东西部劳务协作).
  await app.register(talentSideRoutes(ctx));
  // 劳动关系 (SPEC §2.9): compensation calculator, disputes, diagnosis, 柔性执法.
  await app.register(compensationRoutes(ctx));
  await app.register(disputesRoutes(ctx));
  await app.register(relationsRoutes(ctx));
  // The monthly 通报 on the 5th; off in tests (environment 'test'), claimed per row across processes.
  await app.register(bulletinSchedulerPlugin(ctx));
  // SMS, e-mail and payment notices leave through their gateways; off in tests, claimed per row across processes.
  await app.register(outboxDispatcherPlugin(ctx));
  // Overdue requests go up to the city, then the province; hourly, off in tests, one raise per row across processes.
  await app.register(escalationSchedulerPlugin(ctx));
  // Collections and 调度 rounds: reminders before their deadlines and late notices; hourly, off in tests, once per dedupe key.
  await app.register(deadlineNoticesPlugin(ctx));

  if (options.serveWebApp) await app.register(webAppPlugin);
  return app;
}
