import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { actorOf, signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { runIdempotent } from './idempotency.ts';

/** Runs a signed-in write request once per Idempotency-Key; a replay carries `idempotent-replayed: true`. */
export async function idempotentWrite<T>(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (trx: Db, actor: Actor & { user: CurrentUser }) => Promise<T>,
): Promise<T> {
  const actor = signedInActorOf(request);
  return answer(
    reply,
    await runIdempotent(
      ctx,
      actor,
      routeKey(request),
      keyOf(request),
      { params: request.params, body: request.body },
      (trx) => work(trx, actor),
    ),
  );
}

/** The same for routes open to anyone (the key is scoped to the caller's address). */
export async function idempotentPublicWrite<T>(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (trx: Db, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  return answer(
    reply,
    await runIdempotent(
      ctx,
      actor,
      routeKey(request),
      keyOf(request),
      { params: request.params, body: request.body },
      (trx) => work(trx, actor),
    ),
  );
}

function answer<T>(reply: FastifyReply, result: { replayed: boolean; response: T }): T {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return result.response;
}

function routeKey(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

function keyOf(request: FastifyRequest): string {
  return String(request.headers['idempotency-key']);
}
