import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';

/** Security headers on pages and API answers; personal data never cached; HSTS only in production. */
describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('sends CSP without inline script, no framing, nosniff, a same-origin referrer and no HSTS outside production', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('marks every API answer no-store, errors included', async () => {
    const { cookie } = await t.loginAs('city_hrss');
    for (const [url, headers] of [
      ['/api/v1/auth/me', { cookie }],
      ['/api/v1/auth/me', {}],
      ['/api/v1/no-such-route', {}],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url, headers });
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(response.headers['content-security-policy'], url).toBeDefined();
    }
  });

  it('adds HSTS and upgrade-insecure-requests in production', async () => {
    const app = await buildApp({
      ...t.ctx,
      config: { ...t.ctx.config, environment: 'production', logLevel: 'silent' },
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+; includeSubDomains/);
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await app.close();
    }
  });
});
