import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app-context.ts';
import { resolveApiToken, resolveSession } from '../../modules/accounts/sessions.service.ts';
import { roleMayCall, type RouteAccess } from '../access.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError, isAppError } from '../errors.ts';
import type { Actor, CurrentUser } from './current-user.ts';

export const SESSION_COOKIE = 'yf_session';

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  allowApiToken: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access: the source of the role × route matrix. */
    declaredRoutes: DeclaredRoute[];
  }
}

/** The actor of a request, for audit rows. */
export function actorOf(request: FastifyRequest): Actor {
  return { user: request.user, requestId: request.id, ip: request.ip };
}

/** The signed-in actor; routes declared for roles only run with a user, so this never throws there. */
export function signedInActorOf(request: FastifyRequest): Actor & { user: CurrentUser } {
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  return { user: request.user, requestId: request.id, ip: request.ip };
}

/**
 * Authentication and access in one place: every /api route must declare `config.access`
 * (start-up fails otherwise); each request resolves its cookie or bearer token and is
 * checked against the declaration; refusals are audited.
 */
export const authPlugin = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  app.decorate('declaredRoutes', [] as DeclaredRoute[]);
  app.decorateRequest('user', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config as object), access: 'anyone' };
      return;
    }
    const config = route.config as { access?: RouteAccess; allowApiToken?: boolean } | undefined;
    if (!config?.access) throw new Error(`路由 ${String(route.method)} ${route.url} 未声明访问权限 (config.access)`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.declaredRoutes.push({
        method,
        url: route.url,
        access: config.access,
        allowApiToken: config.allowApiToken === true,
      });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    await authenticate(ctx, request);
    if (!roleMayCall(access, request.user?.role)) await refuse(ctx, request, access);
    // After a reset, or with a public demo password, the account changes its password first.
    if (
      request.user?.mustChangePassword &&
      access !== 'anyone' &&
      !request.routeOptions.config.allowPendingPasswordChange
    ) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });
});

async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    if (!request.routeOptions.config.allowApiToken) throw new AppError('FORBIDDEN', '该接口不接受系统对接令牌');
    request.user = await resolveApiToken(ctx, bearer);
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  try {
    request.user = await resolveSession(ctx, token);
  } catch (error) {
    // An expired cookie on a public route is simply ignored; on a protected one it is the answer.
    if (!isAppError(error) || request.routeOptions.config.access !== 'anyone') throw error;
  }
}

async function refuse(ctx: AppContext, request: FastifyRequest, access: RouteAccess): Promise<never> {
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actorOf(request),
    {
      action: 'access.denied',
      outcome: 'denied',
      objectType: 'route',
      objectId: `${request.method} ${request.routeOptions.url}`,
      details: { allowed: access },
    },
    ctx.clock(),
  );
  throw new AppError('FORBIDDEN');
}
