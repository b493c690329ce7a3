import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the built web app. Registered unencapsulated so that `reply.sendFile` reaches the
 * root not-found handler, which answers client-side page paths with index.html.
 */
export const webAppPlugin = fp(async (app: FastifyInstance) => {
  if (!existsSync(WEB_DIST)) {
    app.log.warn('web/dist 不存在：请先运行 npm run build:web（npm start 会自动构建）');
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
});
