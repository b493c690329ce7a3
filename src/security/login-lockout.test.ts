import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { AppContext } from '../app-context.ts';
import { openDatabase } from '../db/database.ts';
import { createUser } from '../modules/accounts/users.service.ts';
import { systemActor } from '../platform/auth/current-user.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { loadSecuritySettings } from '../platform/security-settings.ts';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../test/app.ts';
import { testDialects } from '../test/dialects.ts';

const WRONG = 'Wrong@Password1';
const settings = loadSecuritySettings();

// ADR 0005: counters in the database, claimed by one conditional upsert before the password check.
describe.each(testDialects())('login failure handling on %s', (dialect) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const login = (payload: Record<string, string>, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });
  const newAccount = async (role: 'public' | 'province_hrss' = 'public') => {
    serial += 1;
    const username = `guarded${serial}`;
    const { totpSecret } = await createUser(t.ctx, systemActor('test'), {
      username,
      displayName: '锁定测试',
      role,
      password: TEST_PASSWORD,
    });
    return { username, totpSecret };
  };
  const codes = (responses: { statusCode: number; json(): { error?: { code: string } } }[]) =>
    responses.map((r) => (r.statusCode === 200 ? 'OK' : r.json().error!.code));

  it('19 concurrent wrong passwords and the right one get no more than the configured tries', async () => {
    const { username } = await newAccount();
    const attempts = [...Array.from({ length: 19 }, () => WRONG), TEST_PASSWORD];
    const results = codes(await Promise.all(attempts.map((password) => login({ username, password }, '10.1.0.1'))));
    const evaluated = results.filter((c) => c === 'OK' || c === 'INVALID_CREDENTIALS');
    expect(evaluated.length).toBeLessThanOrEqual(settings.loginFailureLimit);
    expect(results.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(
      20 - settings.loginFailureLimit,
    );
  });

  it('19 concurrent wrong TOTP codes and the right one get no more than the configured tries', async () => {
    const { username, totpSecret } = await newAccount('province_hrss');
    const right = totpCode(totpSecret!, new Date());
    const wrong = (i: number) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
    const attempts = [...Array.from({ length: 19 }, (_, i) => wrong(i)), right];
    const results = codes(
      await Promise.all(attempts.map((totp) => login({ username, password: TEST_PASSWORD, totp }, '10.1.0.2'))),
    );
    const evaluated = results.filter((c) => c === 'OK' || c === 'TOTP_INVALID');
    expect(evaluated.length).toBeLessThanOrEqual(settings.loginFailureLimit);
  });

  it('failures from one address lock that address only: the owner still signs in from another', async () => {
    const { username } = await newAccount();
    for (let i = 0; i < settings.loginFailureLimit; i++)
      expect((await login({ username, password: WRONG }, '10.1.1.1')).statusCode).toBe(401);
    const locked = await login({ username, password: TEST_PASSWORD }, '10.1.1.1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('安全管理员');
    expect((await login({ username, password: TEST_PASSWORD }, '10.1.1.2')).statusCode).toBe(200);
  });

  it('locks a source longer each time (progressive), then lets it in again', async () => {
    const { username } = await newAccount();
    const fail = async () => {
      for (let i = 0; i < settings.loginFailureLimit; i++) await login({ username, password: WRONG }, '10.1.2.1');
    };
    await fail();
    t.advance((settings.loginLockMinutes + 1) * 60_000);
    await fail(); // second lock: twice as long
    t.advance((settings.loginLockMinutes + 1) * 60_000);
    expect((await login({ username, password: TEST_PASSWORD }, '10.1.2.1')).statusCode).toBe(423);
    t.advance(settings.loginLockMinutes * 60_000);
    expect((await login({ username, password: TEST_PASSWORD }, '10.1.2.1')).statusCode).toBe(200);
  }, 60_000);

  it('an account attacked from many addresses locks; its owner unlocks it with password and TOTP, or the security administrator does', async () => {
    const { username, totpSecret } = await newAccount('province_hrss');
    const sources = Math.ceil(settings.loginAccountFailureLimit / settings.loginFailureLimit);
    for (let s = 0; s < sources; s++) {
      for (let i = 0; i < settings.loginFailureLimit; i++) await login({ username, password: WRONG }, `10.2.${s}.1`);
    }
    // Locked from everywhere: a wrong password with a right code says nothing about the password.
    const guess = await login({ username, password: WRONG, totp: totpCode(totpSecret!, new Date()) }, '10.3.0.1');
    expect(guess.json().error.code).toBe('ACCOUNT_LOCKED');
    const owner = await login(
      { username, password: TEST_PASSWORD, totp: totpCode(totpSecret!, new Date(Date.now() + 30_000)) },
      '10.3.0.2',
    );
    expect(owner.statusCode).toBe(200);

    const plain = await newAccount();
    for (let s = 0; s < sources; s++) {
      for (let i = 0; i < settings.loginFailureLimit; i++)
        await login({ username: plain.username, password: WRONG }, `10.4.${s}.1`);
    }
    expect((await login({ username: plain.username, password: TEST_PASSWORD }, '10.5.0.1')).statusCode).toBe(423);
    const { cookie } = await t.loginAs('secadmin');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/security/lockouts', headers: { cookie } });
    expect(list.json().items.map((l: { username: string }) => l.username)).toContain(plain.username);
    const clear = await t.app.inject({
      method: 'POST',
      url: `/api/v1/security/lockouts/${plain.username}/clear`,
      headers: { cookie },
    });
    expect(clear.statusCode).toBe(204);
    expect((await login({ username: plain.username, password: TEST_PASSWORD }, '10.5.0.1')).statusCode).toBe(200);
  }, 240_000);

  it('limits one address across random usernames, writing one counter row and no row per attempt', async () => {
    const before = await t.ctx.db
      .selectFrom('login_guards')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const results: string[] = [];
    for (let i = 0; i < settings.loginIpFailureLimit + 5; i++) {
      results.push(...codes([await login({ username: `nobody${i}x${serial}`, password: WRONG }, '10.6.0.1')]));
    }
    expect(results.slice(0, settings.loginIpFailureLimit).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(results.slice(settings.loginIpFailureLimit).every((c) => c === 'RATE_LIMITED')).toBe(true);
    const after = await t.ctx.db
      .selectFrom('login_guards')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
    const { username } = await newAccount();
    expect((await login({ username, password: TEST_PASSWORD }, '10.6.0.2')).statusCode).toBe(200);
  }, 120_000);

  it('shares the address limit between server processes on one database', async () => {
    const second = openDatabase(t.database.config!);
    const ctx2: AppContext = { ...t.ctx, db: second.db };
    const app2 = await buildApp(ctx2);
    try {
      const half = Math.ceil(settings.loginIpFailureLimit / 2);
      for (let i = 0; i < half; i++) await login({ username: `spray${i}`, password: WRONG }, '10.7.0.1');
      const fromSecond: number[] = [];
      for (let i = 0; i < settings.loginIpFailureLimit - half + 1; i++) {
        fromSecond.push(
          (
            await app2.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: `spray2${i}`, password: WRONG },
              remoteAddress: '10.7.0.1',
            })
          ).statusCode,
        );
      }
      expect(fromSecond.at(-1)).toBe(429);
      expect(fromSecond.slice(0, -1).every((s) => s === 401)).toBe(true);
    } finally {
      await app2.close();
      await second.close();
    }
  }, 120_000);
});
