import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from './platform/access.ts';
import { roleMayCall } from './platform/access.ts';
import { ROLES, type Role } from './platform/roles.ts';
import { buildTestApp, type TestApp } from './test/app.ts';

/**
 * The reviewed role × route matrix (docs/access-matrix.json). Every /api route of the running
 * app must have an entry equal to its declaration, and every role must get exactly the
 * answer its entry promises: allowed roles pass the access check, others get 403 and an audit row.
 */
const MATRIX = JSON.parse(readFileSync(new URL('../docs/access-matrix.json', import.meta.url), 'utf8')) as Record<
  string,
  RouteAccess
>;

describe('role × route matrix', () => {
  let t: TestApp;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    for (const role of ROLES) cookies.set(role, (await t.loginAs(role)).cookie);
  });
  afterAll(() => t.close());

  const key = (method: string, url: string) => `${method} ${url}`;

  it('has an entry for every route, equal to what the route declares', () => {
    const declared = Object.fromEntries(t.app.declaredRoutes.map((r) => [key(r.method, r.url), r.access]));
    const missing = Object.keys(declared).filter((k) => !(k in MATRIX));
    expect(missing, `routes without an entry in docs/access-matrix.json: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !(k in declared));
    expect(stale, 'entries for routes that no longer exist').toEqual([]);
    for (const [route, access] of Object.entries(declared)) expect(access, route).toEqual(MATRIX[route]);
  });

  it('lets each role through exactly the routes its entry allows, and audits each refusal', async () => {
    const before = await countDenials();
    let refusals = 0;
    // Logout last: it ends the session the other calls use.
    const routes = [...t.app.declaredRoutes].sort(
      (a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')),
    );
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, '1');
      for (const role of ROLES) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie: cookies.get(role)! },
        });
        const allowed = roleMayCall(MATRIX[key(route.method, route.url)]!, role);
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 120)}`;
        // Allowed roles pass the access check; a service may still refuse for its own reason (another code).
        if (allowed) expect(response.statusCode === 401 || errorCode(response.body) === 'FORBIDDEN', label).toBe(false);
        else {
          expect(response.statusCode, label).toBe(403);
          expect(response.json().error.code, label).toBe('FORBIDDEN');
          refusals += 1;
        }
      }
    }
    expect(await countDenials()).toBe(before + refusals);
    // Every route × every role (≈ 4,000 requests): generous for a loaded CI machine.
  }, 180_000);

  it('answers 401 to anonymous callers on every route that needs a login', async () => {
    for (const route of t.app.declaredRoutes.filter((r) => r.access !== 'anyone')) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(/:[A-Za-z]+/g, '1'),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  function errorCode(body: string): string | undefined {
    try {
      return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined; // files, HTML or empty 204 bodies
    }
  }

  async function countDenials(): Promise<number> {
    const row = await t.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'access.denied')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
});
