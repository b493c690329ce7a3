import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../modules/accounts/demo-accounts.ts';
import { passwordWeakness } from '../platform/auth/password-rules.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { loadSecuritySettings } from '../platform/security-settings.ts';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../test/app.ts';
import { testDialects } from '../test/dialects.ts';

const MIN = loadSecuritySettings().passwordMinLength;

describe('password rules', () => {
  it('needs 12 characters of three classes, refuses spaces at either end and common passwords, in Chinese', () => {
    expect(MIN).toBeGreaterThanOrEqual(12);
    expect(passwordWeakness('Password1!', MIN)).toContain(`至少 ${MIN} 位`);
    expect(passwordWeakness('          Aa1', MIN)).toBe('密码首尾不能有空格');
    expect(passwordWeakness('Abcdefgh123! ', MIN)).toBe('密码首尾不能有空格');
    expect(passwordWeakness('abcdefghijkl', MIN)).toContain('至少三类');
    expect(passwordWeakness('Password2026!', MIN)).toContain('常见');
    expect(passwordWeakness('P@ssw0rd!2026', MIN)).toContain('常见');
    expect(passwordWeakness('Qwerty@123456', MIN)).toContain('常见');
    expect(passwordWeakness('Nanjing.Office7', MIN, 'nanjing')).toContain('用户名');
    expect(passwordWeakness('Yangfan@2026', MIN)).toBeNull();
    expect(passwordWeakness('河畔小楼 Spring-2026', MIN)).toBeNull();
  });
});

describe.each(testDialects())('changing and resetting passwords on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const login = (payload: Record<string, string>, ip = '10.9.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });
  const cookieOf = (response: { headers: Record<string, unknown> }) =>
    String(response.headers['set-cookie']).split(';')[0]!;

  it('lets every user change the password with the current one; a weak one is refused with the reason', async () => {
    const { cookie, username } = await t.loginAs('enterprise');
    const weak = await call('POST', '/api/v1/auth/password', cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Password1!',
    });
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD' });
    const wrong = await call('POST', '/api/v1/auth/password', cookie, {
      currentPassword: 'Not@MyPassword1',
      newPassword: 'Riverside#Walk2026',
    });
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(
      (
        await call('POST', '/api/v1/auth/password', cookie, {
          currentPassword: TEST_PASSWORD,
          newPassword: 'Riverside#Walk2026',
        })
      ).statusCode,
    ).toBe(204);
    expect((await login({ username, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await login({ username, password: 'Riverside#Walk2026' })).statusCode).toBe(200);
  });

  it('asks an account with TOTP for its code too', async () => {
    const { cookie, totpSecret } = await t.loginAs('province_hrss');
    const without = await call('POST', '/api/v1/auth/password', cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Riverside#Walk2026',
    });
    expect(without.json().error.code).toBe('TOTP_REQUIRED');
    const withCode = await call('POST', '/api/v1/auth/password', cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Riverside#Walk2026',
      totp: totpCode(totpSecret!, new Date(Date.now() + 30_000)),
    });
    expect(withCode.statusCode).toBe(204);
  });

  it('the security administrator resets a password: sessions end, and the next login must change it first', async () => {
    const user = await t.loginAs('city_hrss');
    const { cookie: secadmin } = await t.loginAs('secadmin');
    const reset = await call('POST', `/api/v1/security/users/${user.username}/password-reset`, secadmin);
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    expect((await call('GET', '/api/v1/auth/me', user.cookie)).statusCode).toBe(401);
    const again = await login({ username: user.username, password: temporaryPassword });
    expect(again.json().user.mustChangePassword).toBe(true);
    const cookie = cookieOf(again);
    const blocked = await call('GET', '/api/v1/enterprises', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (
        await call('POST', '/api/v1/auth/password', cookie, {
          currentPassword: temporaryPassword,
          newPassword: 'Riverside#Walk2026',
        })
      ).statusCode,
    ).toBe(204);
    expect((await call('GET', '/api/v1/auth/me', cookie)).json().user.mustChangePassword).toBe(false);
    expect((await call('GET', '/api/v1/enterprises', cookie)).statusCode).toBe(200);
  });

  it('the system administrator resets a password and a TOTP secret from the users page', async () => {
    const { username, totpSecret: oldSecret } = await t.loginAs('province_hrss');
    const { cookie: sysadmin } = await t.loginAs('sysadmin');
    const row = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const reset = await call('POST', `/api/v1/users/${row.id}/credentials-reset`, sysadmin, {
      password: true,
      totp: true,
    });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword, totpSecret } = reset.json() as { temporaryPassword: string; totpSecret: string };
    expect(totpSecret).not.toBe(oldSecret);
    const refused = await login({
      username,
      password: temporaryPassword,
      totp: totpCode(oldSecret!, new Date(Date.now() + 30_000)),
    });
    expect(refused.json().error.code).toBe('TOTP_INVALID');
    const signedIn = await login({ username, password: temporaryPassword, totp: totpCode(totpSecret, new Date()) });
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', username).execute();
    expect(audit.map((a) => a.action)).toContain('user.credentials.reset');
  });

  it('demo accounts must change the public demo password on first login outside demo mode', async () => {
    await seedDemoAccounts(t.ctx);
    const outside = await login({ username: 'public_demo', password: DEMO_PASSWORD }, '10.9.1.1');
    expect(outside.json().user.mustChangePassword).toBe(true);
    t.ctx.config.demo = true;
    try {
      const inDemo = await login({ username: 'enterprise_demo', password: DEMO_PASSWORD }, '10.9.1.2');
      expect(inDemo.json().user.mustChangePassword).toBe(false);
    } finally {
      t.ctx.config.demo = false;
    }
  }, 60_000);

  it('lists the demo logins only on a server started in demo mode, never because NODE_ENV is unset', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' })).statusCode).toBe(404);
    const keys = {
      YANGFAN_SM4_KEY: '00'.repeat(16),
      YANGFAN_MAC_KEY: '00'.repeat(32),
      YANGFAN_INDEX_KEY: '00'.repeat(32),
    };
    expect(loadConfig(keys as NodeJS.ProcessEnv).demo).toBe(false);
    expect(loadConfig({ ...keys, YANGFAN_DEMO: '1' } as NodeJS.ProcessEnv).demo).toBe(true);
    expect(() => loadConfig({ ...keys, YANGFAN_DEMO: '1', NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(
      '演示模式',
    );
    t.ctx.config.demo = true;
    try {
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' });
      expect(listed.statusCode).toBe(200);
    } finally {
      t.ctx.config.demo = false;
    }
  });
});
