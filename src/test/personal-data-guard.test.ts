import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createPersonalDataGuard } from './personal-data-guard.ts';

describe('personal-data guard', () => {
  it('fails on a whole ID number in a log line', async () => {
    const guard = createPersonalDataGuard();
    await new Promise<void>((resolve) => guard.logStream.write('{"msg":"11010519491231002X"}\n', () => resolve()));
    expect(() => guard.assertClean()).toThrow('完整身份证号');
  });

  it('fails on a whole ID number in a response to a caller without the right, and passes masked ones', async () => {
    const guard = createPersonalDataGuard();
    const app = Fastify();
    app.decorateRequest('user', null);
    guard.watchResponses(app);
    app.get('/masked', async () => ({ id: '1101**********002X' }));
    app.get('/whole', async () => ({ id: '11010519491231002X' }));
    await app.inject('/masked');
    expect(() => guard.assertClean()).not.toThrow();
    await app.inject('/whole');
    expect(() => guard.assertClean()).toThrow('/whole');
  });
});
