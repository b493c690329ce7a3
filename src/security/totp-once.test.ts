import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../modules/accounts/users.service.ts';
import { systemActor } from '../platform/auth/current-user.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../test/app.ts';
import { testDialects } from '../test/dialects.ts';

describe.each(testDialects())('TOTP codes on %s', (dialect) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const login = (username: string, totp: string, ip = '10.8.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: TEST_PASSWORD, totp },
      remoteAddress: ip,
    });
  const province = async () => {
    serial += 1;
    const username = `totp${serial}`;
    const { totpSecret } = await createUser(t.ctx, systemActor('test'), {
      username,
      displayName: '省厅',
      role: 'province_hrss',
      password: TEST_PASSWORD,
    });
    return { username, secret: totpSecret! };
  };

  it('accepts a code once: the same code again is refused', async () => {
    const { username, secret } = await province();
    const code = totpCode(secret, new Date());
    expect((await login(username, code)).statusCode).toBe(200);
    const again = await login(username, code, '10.8.0.2');
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'TOTP_INVALID' });
    expect(again.json().error.message).toContain('已使用');
  });

  it('refuses a code one step old once a newer one was used', async () => {
    const { username, secret } = await province();
    const now = Date.now();
    expect((await login(username, totpCode(secret, new Date(now + 30_000)))).statusCode).toBe(200);
    expect((await login(username, totpCode(secret, new Date(now)))).json().error.code).toBe('TOTP_INVALID');
  });

  it('gives one session, not several, to concurrent logins with one code', async () => {
    const { username, secret } = await province();
    const code = totpCode(secret, new Date());
    const responses = await Promise.all([1, 2, 3, 4].map((i) => login(username, code, `10.8.1.${i}`)));
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
  });

  it('uses real time, not the demo clock: a year ahead on business dates, the authenticator code still works', async () => {
    const { username, secret } = await province();
    t.advance(400 * 24 * 3_600_000);
    const businessTimeCode = totpCode(secret, t.ctx.clock());
    const realCode = totpCode(secret, new Date());
    if (businessTimeCode !== realCode)
      expect((await login(username, businessTimeCode)).json().error.code).toBe('TOTP_INVALID');
    expect((await login(username, realCode, '10.8.2.1')).statusCode).toBe(200);
  });
});
