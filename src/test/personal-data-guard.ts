import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { findWholeIdNumbers } from '../platform/crypto/masking.ts';

/**
 * SPEC §7: no unmasked ID number in any response or log line of the whole suite for callers
 * without the right. Every test app routes its log lines and responses through this guard;
 * closing the app fails the test file if anything leaked.
 */
export function createPersonalDataGuard() {
  const leaks: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const id of findWholeIdNumbers(chunk.toString('utf8'))) leaks.push(`log line: ${id.slice(0, 4)}…`);
      done();
    },
  });
  return {
    logStream,
    watchResponses(app: FastifyInstance) {
      app.addHook('onSend', async (request, _reply, payload) => {
        if (typeof payload !== 'string' || request.user?.canViewPersonal) return payload;
        for (const id of findWholeIdNumbers(payload))
          leaks.push(`${request.method} ${request.url} → ${id.slice(0, 4)}…`);
        return payload;
      });
    },
    assertClean() {
      if (leaks.length > 0) throw new Error(`完整身份证号出现在响应或日志中：\n${leaks.slice(0, 10).join('\n')}`);
    },
  };
}
