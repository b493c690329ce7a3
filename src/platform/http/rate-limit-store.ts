import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../../db/database.ts';
import { countRequest } from './rate-limit.repository.ts';

/**
 * The store of @fastify/rate-limit when several processes serve one PostgreSQL database: the
 * counts live in `rate_limit_counters`, so a limit of 10 a minute is 10 a minute across all
 * processes, not 10 per process. Keys are prefixed with the route, as the plugin's own stores do.
 * A counting failure lets the request through (the login counters of ADR 0005 still hold).
 */
type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

type RouteOptions = Parameters<FastifyRateLimitStore['child']>[0];

export function sharedRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = 'global:',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = Date.now();
      countRequest(db, `${this.prefix}${key}`, now, timeWindow).then(
        ({ hits, windowEndsAt }) => callback(null, { current: hits, ttl: Math.max(0, windowEndsAt - now) }),
        () => callback(null, { current: 0, ttl: timeWindow }),
      );
    }

    child(routeOptions: RouteOptions): FastifyRateLimitStore {
      const route = (routeOptions as unknown as { routeInfo: { method: string; url: string } }).routeInfo;
      return new SharedRateLimitStore(undefined, `${route.method}${route.url}:`);
    }
  }
  return SharedRateLimitStore;
}
