import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError, toErrorBody } from '../errors.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Serves the built web app; unknown non-API paths get index.html so client routes work on reload. */
export async function webAppPlugin(app: FastifyInstance): Promise<void> {
  if (!existsSync(WEB_DIST)) {
    app.log.warn('web/dist 不存在：请先运行 npm run build:web（npm start 会自动构建）');
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send(toErrorBody(new AppError('NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`)));
    }
    return reply.sendFile('index.html');
  });
}
