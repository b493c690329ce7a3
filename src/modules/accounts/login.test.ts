import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../platform/auth/totp.ts';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { createUser } from './users.service.ts';
import { systemActor } from '../../platform/auth/current-user.ts';

describe.each(testDialects())('login and sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const login = (payload: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

  it('logs in a city official without a second factor and answers /auth/me', async () => {
    const { cookie, username } = await t.loginAs('city_hrss');
    const response = await me(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      username,
      role: 'city_hrss',
      regionCode: '320100',
      regionName: '南京市',
      scope: 'region',
    });
  });

  it('asks a province official for the TOTP code, refuses a wrong one, accepts the right one', async () => {
    const { totpSecret } = await createUser(t.ctx, systemActor(), {
      username: 'prov_totp',
      displayName: '省厅',
      role: 'province_hrss',
      password: TEST_PASSWORD,
    });
    const missing = await login({ username: 'prov_totp', password: TEST_PASSWORD });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('TOTP_REQUIRED');
    const wrong = await login({
      username: 'prov_totp',
      password: TEST_PASSWORD,
      totp: '000000' === totpCode(totpSecret!, t.ctx.clock()) ? '111111' : '000000',
    });
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    const right = await login({
      username: 'prov_totp',
      password: TEST_PASSWORD,
      totp: totpCode(totpSecret!, t.ctx.clock()),
    });
    expect(right.statusCode).toBe(200);
    expect(String(right.headers['set-cookie'])).toMatch(/yf_session=.*HttpOnly.*SameSite=Strict/i);
  });

  it('locks an account after 5 failures in 15 minutes, even for the right password, then lets it in again', async () => {
    await createUser(t.ctx, systemActor(), {
      username: 'lock_me',
      displayName: '锁定测试',
      role: 'public',
      password: TEST_PASSWORD,
    });
    for (let i = 0; i < 5; i++) {
      const failure = await login({ username: 'lock_me', password: 'Wrong@Password1' });
      expect(failure.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await login({ username: 'lock_me', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    t.advance(16 * 60_000);
    expect((await login({ username: 'lock_me', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('audits successes, failures and denials of logins', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_name'])
      .where('object_id', '=', 'lock_me')
      .execute();
    const outcomes = rows.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'failure')).toHaveLength(5);
    expect(outcomes).toContain('denied');
    expect(outcomes).toContain('success');
  });

  it('ends a session after 30 idle minutes', async () => {
    const { cookie } = await t.loginAs('enterprise');
    t.advance(29 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    t.advance(31 * 60_000);
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('ends an active session after 12 hours in all', async () => {
    const { cookie } = await t.loginAs('enterprise');
    const step = 25 * 60_000;
    for (let elapsed = step; elapsed < 12 * 3_600_000; elapsed += step) {
      t.advance(step);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    t.advance(step);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('logs out: the cookie no longer works', async () => {
    const { cookie } = await t.loginAs('commissioner');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('rate-limits repeated login attempts for one username from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await login({ username: 'sprayed', password: 'Wrong@Password1' })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[20]).toBe(429);
    const limited = await login({ username: 'sprayed', password: 'Wrong@Password1' });
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    const other = await login({ username: 'someone_else', password: 'Wrong@Password1' });
    expect(other.statusCode).toBe(401);
  });

  it('answers malformed login bodies with a Chinese validation message', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.json().error.message).toContain('缺少必填字段 password');
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.message).toBe('请求体不是有效的 JSON');
  });
});
