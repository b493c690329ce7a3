import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { testDialects } from '../test/dialects.ts';

/** State-changing requests from another site's page are refused; the CLI, API tokens and our own pages pass. */
describe.each(testDialects())('cross-site requests (%s)', (dialect) => {
  let t: TestApp;
  let cookie: string;
  let bearer: { authorization: string };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    cookie = (await t.loginAs('province_miit')).cookie;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie },
      payload: { name: '跨站测试' },
    });
    expect(created.statusCode).toBe(201);
    bearer = { authorization: `Bearer ${created.json().token as string}` };
  });
  afterAll(() => t.close());

  const logoutWith = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, ...headers } });

  it('refuses a foreign Origin with 403 and a Chinese message, and the session lives on', async () => {
    const refused = await logoutWith({ origin: 'https://evil.example' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'ORIGIN_REFUSED',
      message: expect.stringContaining('其他网站'),
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('refuses a foreign Referer without Origin, and an opaque "null" origin', async () => {
    expect((await logoutWith({ referer: 'https://evil.example/page.html' })).statusCode).toBe(403);
    expect((await logoutWith({ origin: 'null' })).statusCode).toBe(403);
  });

  it('refuses a foreign Origin on anonymous routes too (login, calculator) and with a bearer token', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'x', password: 'y' },
    });
    expect(login.statusCode).toBe(403);
    const calc = await t.app.inject({
      method: 'POST',
      url: '/api/v1/policies/stable_jobs_refund/calc',
      headers: { origin: 'https://evil.example' },
      payload: { facts: {} },
    });
    expect(calc.statusCode).toBe(403);
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/v1/exchange/enterprises',
      headers: { ...bearer, origin: 'https://evil.example', 'idempotency-key': 'x1' },
      payload: { enterprises: [] },
    });
    expect(push.json().error.code).toBe('ORIGIN_REFUSED');
  });

  it('refuses text/plain bodies, the body a foreign form can send without asking', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: '{"username":"x","password":"y"}',
    });
    expect(login.statusCode).toBe(415);
    expect(login.json().error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('不支持的内容类型'),
    });
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(logout.statusCode).toBe(415);
  });

  it('lets GET from anywhere, a same-origin page, and callers naming no origin (CLI, API token) through', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'https://evil.example' } }))
        .statusCode,
    ).toBe(200);
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/v1/exchange/enterprises',
      headers: { ...bearer, 'idempotency-key': 'x2' },
      payload: { enterprises: [] },
    });
    expect(push.json().error?.code).not.toBe('ORIGIN_REFUSED');
    const sameSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: {
        host: 'yangfan.example:8443',
        origin: 'https://yangfan.example:8443',
        referer: 'https://yangfan.example:8443/login',
      },
      payload: { username: 'nobody', password: 'wrong-password' },
    });
    expect(sameSite.json().error.code).toBe('INVALID_CREDENTIALS');
    const ownPage = await logoutWith({ host: 'localhost:3000', origin: 'http://localhost:3000' });
    expect(ownPage.statusCode).toBeLessThan(300);
  });
});
