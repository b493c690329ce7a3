import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses state-changing requests sent by a page of another site (cross-site request forgery),
 * beyond what the SameSite cookie gives: a browser names the page's origin in `Origin` (or, failing
 * that, `Referer`); it must be this server's own host or one listed in YANGFAN_ALLOWED_ORIGINS.
 * A request naming no origin at all comes from no browser page (the CLI, a system holding an API
 * token, tests) and carries no ambient cookie of a victim, so it passes.
 */
export function checkRequestOrigin(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const source = sourceOrigin(request);
    if (source === undefined) return;
    if (isSameHost(source, request) || allowed.has(source.toLowerCase())) return;
    request.log.warn({ origin: source }, 'cross-site request refused');
    throw new AppError('ORIGIN_REFUSED');
  });
}

/** The origin a browser names for the page that sent the request, if any. */
function sourceOrigin(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== '') return origin;
  const referer = request.headers.referer;
  if (referer === undefined || referer === '') return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

function isSameHost(origin: string, request: FastifyRequest): boolean {
  try {
    return new URL(origin).host.toLowerCase() === request.host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}
