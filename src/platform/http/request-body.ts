import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { HttpLimits } from './http-limits.ts';

/**
 * Bounded work per request (a flood of anonymous calculator calls must not stall the server):
 * routes anyone may call take a small body, have a handling time budget, and their JSON may hold
 * only so many keys and array elements; every body is JSON — text/plain, the one body a foreign
 * page can send without asking, is refused with 415. Call on the root instance before any route.
 */
export function limitRequestBodies(app: FastifyInstance, limits: HttpLimits): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access !== 'anyone') return;
    route.bodyLimit ??= limits.anonymousBodyMaxBytes;
    route.handlerTimeout ??= limits.anonymousRequestTimeBudgetMs;
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, String(body), (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const max = isAnonymousRoute(request) ? limits.anonymousJsonMaxValues : limits.jsonMaxValues;
      if (exceedsValueCount(value, max)) {
        return done(new AppError('PAYLOAD_TOO_LARGE', `请求内容过多：字段与数组元素合计不能超过 ${max} 个`), undefined);
      }
      done(null, value);
    });
  });
}

function isAnonymousRoute(request: FastifyRequest): boolean {
  return request.routeOptions.config.access === 'anyone';
}

/** Whether a parsed JSON value holds more than `max` keys and array elements; stops counting at max. */
export function exceedsValueCount(value: unknown, max: number): boolean {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    const children = Array.isArray(next) ? next : Object.values(next as Record<string, unknown>);
    count += children.length;
    if (count > max) return true;
    for (const child of children) if (child !== null && typeof child === 'object') pending.push(child);
  }
  return false;
}
