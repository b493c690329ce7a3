import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { registerAndLogin } from '../recruitment/seekers/seekers.fixtures.ts';

describe.each(testDialects())('account administration on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = (await t.loginAs('sysadmin', { canViewPersonal: true })).cookie;
  });
  afterAll(() => t.close());

  const create = (payload: Record<string, unknown>, cookie = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie }, payload });

  it('creates a city official and lists it with the phone number masked and stored encrypted', async () => {
    const response = await create({
      username: 'wuxi_city',
      displayName: '无锡市人社局',
      role: 'city_hrss',
      regionCode: '320200',
      password: 'Wuxi@City2026',
      phone: '13912345678',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({ regionName: '无锡市', phone: '139****5678' });
    expect(response.json().totpSecret).toBeUndefined();
    const row = await t.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'wuxi_city')
      .executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13912345678');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users?q=wuxi', headers: { cookie: admin } });
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body).not.toContain('13912345678');
  });

  it('shows job-seeker accounts by their masked phone or e-mail, not the digest username, and finds them by it', async () => {
    await registerAndLogin(t, '13812341234', '王芳');
    t.advance(120_000);
    await registerAndLogin(t, 'Chen.Jing@example.com', '陈静');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?role=job_seeker',
      headers: { cookie: admin },
    });
    const items = list.json().items as { username: string; loginName: string; displayName: string }[];
    expect(items.map((i) => [i.displayName, i.loginName])).toEqual(
      expect.arrayContaining([
        ['王芳', '138****1234'],
        ['陈静', 'c***@example.com'],
      ]),
    );
    expect(items.every((i) => i.username.startsWith('js'))).toBe(true);
    expect(list.body).not.toContain('13812341234');
    expect(list.body.toLowerCase()).not.toContain('chen.jing@');
    const byPhone = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=13812341234',
      headers: { cookie: admin },
    });
    expect(byPhone.json().items.map((i: { displayName: string }) => i.displayName)).toEqual(['王芳']);
    // Officials keep their username as the login name.
    const officials = await t.app.inject({ method: 'GET', url: '/api/v1/users?q=wuxi', headers: { cookie: admin } });
    expect(officials.json().items[0]).toMatchObject({ username: 'wuxi_city', loginName: 'wuxi_city' });
  });

  it('returns a TOTP secret once for a province account', async () => {
    const response = await create({
      username: 'prov_miit2',
      displayName: '省工信厅',
      role: 'province_miit',
      password: 'Province@2026',
    });
    expect(response.json().totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('accepts a directly-administered county for a city official but refuses a district', async () => {
    expect(
      (
        await create({
          username: 'kunshan2',
          displayName: '昆山',
          role: 'city_hrss',
          regionCode: '320583',
          password: 'Kunshan@2026',
        })
      ).statusCode,
    ).toBe(201);
    const district = await create({
      username: 'jiangning',
      displayName: '江宁',
      role: 'city_hrss',
      regionCode: '320115',
      password: 'Riverside@2026',
    });
    expect(district.statusCode).toBe(400);
    expect(district.json().error.code).toBe('INVALID_REGION');
  });

  it('refuses an enterprise account with a wrong credit code, and weak passwords, with reasons', async () => {
    const badCode = await create({
      username: 'ent_bad',
      displayName: '企业',
      role: 'enterprise',
      uscc: TEST_ENTERPRISE_USCC.slice(0, 17) + '0',
      password: 'Enterprise@2026',
    });
    expect(badCode.json().error.code).toBe('INVALID_USCC');
    const weak = await create({ username: 'weakling', displayName: '弱口令', role: 'public', password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('密码至少 12 位');
    const taken = await create({
      username: 'wuxi_city',
      displayName: '重复',
      role: 'public',
      password: 'Another@2026',
    });
    expect(taken.statusCode).toBe(409);
  });

  it('shows a phone number whole only to a holder of the right, and audits the view', async () => {
    const id = (
      await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'wuxi_city').executeTakeFirstOrThrow()
    ).id;
    const whole = await t.app.inject({ method: 'GET', url: `/api/v1/users/${id}/phone`, headers: { cookie: admin } });
    expect(whole.json()).toEqual({ phone: '13912345678' });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'personal_data.view')
      .execute();
    expect(audit.map((a) => a.object_id)).toContain('wuxi_city');
    const secadmin = (await t.loginAs('secadmin')).cookie;
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${id}/phone`,
      headers: { cookie: secadmin },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PERSONAL_DATA_RIGHT_REQUIRED');
  });

  it('disables an account and ends its sessions at once', async () => {
    const { cookie, username } = await t.loginAs('public');
    const id = (
      await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
    ).id;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { cookie: admin },
      payload: { isActive: false },
    });
    expect(patched.json().user.isActive).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe.each(testDialects())('API tokens on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('issues a token shown once, accepted only on routes that allow tokens, and revocable by its owner only', async () => {
    const miit = (await t.loginAs('province_miit')).cookie;
    const hrss = (await t.loginAs('province_hrss')).cookie;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: miit },
      payload: { name: '工信培育库' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^yf_/);
    const stored = await t.ctx.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);
    // A token is not a session: routes without allowApiToken refuse it.
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(403);
    // Another province official cannot see or revoke it: 404, not 403.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: hrss } });
    expect(list.json().items).toEqual([]);
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${id}`,
      headers: { cookie: hrss },
    });
    expect(foreign.statusCode).toBe(404);
    const own = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: { cookie: miit } });
    expect(own.statusCode).toBe(204);
  });
});

describe.each(testDialects())('commissioner list on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('offers a city official the commissioners of their own region only', async () => {
    await t.loginAs('commissioner', { username: 'zy_nanjing', regionCode: '320115' });
    await t.loginAs('commissioner', { username: 'zy_wuxi', regionCode: '320200' });
    const city = (await t.loginAs('city_hrss', { regionCode: '320100' })).cookie;
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/commissioners', headers: { cookie: city } });
    expect(list.json().items.map((c: { regionCode: string }) => c.regionCode)).toEqual(['320115']);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: city } });
    expect(me.json().user.canViewPersonal).toBe(false);
  });
});
