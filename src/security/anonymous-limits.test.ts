import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPolicyCatalogue } from '../modules/policy/catalogue/catalogue.service.ts';
import { loadHttpLimits } from '../platform/http/http-limits.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';

const CALC = '/api/v1/policies/stable_jobs_refund/calc';
const factsOf = (count: number) => ({
  facts: Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])),
});

/** Anonymous routes do bounded work: small bodies, few keys, short error lists. No timing assertions. */
describe('bounded work for anonymous callers', () => {
  const limits = loadHttpLimits();
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    await syncPolicyCatalogue(t.ctx);
  });
  afterAll(() => t.close());

  it('refuses the 6.6 MB calculator body of 400,000 facts with 413 and a short Chinese answer', async () => {
    const payload = JSON.stringify(factsOf(400_000));
    expect(payload.length).toBeGreaterThan(limits.anonymousBodyMaxBytes);
    const response = await t.app.inject({
      method: 'POST',
      url: CALC,
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' });
    expect(response.body.length).toBeLessThan(500);
  });

  it('refuses a body under the size limit with more keys than allowed', async () => {
    const payload = JSON.stringify(factsOf(limits.anonymousJsonMaxValues + 1));
    expect(payload.length).toBeLessThan(limits.anonymousBodyMaxBytes);
    const response = await t.app.inject({
      method: 'POST',
      url: CALC,
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain(`不能超过 ${limits.anonymousJsonMaxValues} 个`);
  });

  it('lists the first problems of many, then their count', async () => {
    const count = limits.anonymousJsonMaxValues - 10;
    const response = await t.app.inject({ method: 'POST', url: CALC, payload: factsOf(count) });
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as { error: { code: string; message: string; details: string[] } };
    expect(error.code).toBe('FACTS_INVALID');
    expect(error.details).toHaveLength(limits.errorProblemsMax + 1);
    expect(error.details.at(-1)).toBe(`……另有 ${count - limits.errorProblemsMax} 处问题未列出`);
    expect(error.message).toContain(`有 ${count} 处问题`);
  });

  it('keeps signed-in routes at the larger limit and answers the calculator normally', async () => {
    const ok = await t.app.inject({ method: 'POST', url: CALC, payload: { facts: {} } });
    expect(ok.statusCode).toBe(200);
    const { cookie } = await t.loginAs('city_hrss');
    const payload = JSON.stringify({ note: 'x'.repeat(limits.anonymousBodyMaxBytes * 2) });
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'content-type': 'application/json' },
      payload,
    });
    expect(logout.statusCode).toBeLessThan(300);
  });
});
