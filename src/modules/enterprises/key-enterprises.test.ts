import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { buildEnterpriseCells, nextUscc, seedEnterprises } from './enterprises.fixtures.ts';

describe.each(testDialects())('key-enterprise lists on %s', (dialect) => {
  let t: TestApp;
  let nanjing: string;
  let wuxi: string;
  let commissioner: { cookie: string; id: number };
  let wuxiCommissionerId: number;
  const jiangning = nextUscc('320115');
  const xuanwu = nextUscc('320102');
  const xinwu = nextUscc('320214');
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    nanjing = (await t.loginAs('city_hrss')).cookie;
    wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    const login = await t.loginAs('commissioner', { regionCode: '320115' });
    commissioner = { cookie: login.cookie, id: await userId(login.username) };
    wuxiCommissionerId = await userId((await t.loginAs('commissioner', { regionCode: '320200' })).username);
    await seedEnterprises(t.ctx, [
      buildEnterpriseCells({ uscc: jiangning, name: '江宁重点企业' }),
      buildEnterpriseCells({ uscc: xuanwu, name: '玄武重点企业', region_code: '320102' }),
      buildEnterpriseCells({ uscc: xinwu, name: '新吴企业', region_code: '320214' }),
    ]);
  });
  afterAll(() => t.close());

  async function userId(username: string): Promise<number> {
    const row = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/key-enterprises${url}`,
      headers: { cookie },
      ...(payload ? { payload } : {}),
    });
  const auditActions = async (uscc: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', 'key_enterprise')
        .where('object_id', '=', uscc)
        .orderBy('id')
        .execute()
    ).map((a) => a.action);

  it('lets a city put its enterprise on its list with a commissioner of the city', async () => {
    const added = await call('POST', '', nanjing, {
      uscc: jiangning,
      commissionerId: commissioner.id,
      note: '智能制造重点',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      uscc: jiangning,
      listRegionCode: '320100',
      listRegionName: '南京市',
      commissionerId: commissioner.id,
      commissionerName: '测试 commissioner',
    });
    expect((await call('POST', '', nanjing, { uscc: xuanwu })).statusCode).toBe(201);
    expect(await auditActions(jiangning)).toEqual(['key_enterprise.add']);
  });

  it('refuses another region’s enterprise or commissioner (not found) and a second entry (conflict)', async () => {
    expect((await call('POST', '', nanjing, { uscc: xinwu })).statusCode).toBe(404);
    expect((await call('POST', '', wuxi, { uscc: jiangning })).statusCode).toBe(404);
    expect((await call('POST', '', wuxi, { uscc: xinwu, commissionerId: commissioner.id })).statusCode).toBe(404);
    expect((await call('POST', '', nanjing, { uscc: jiangning })).statusCode).toBe(409);
    const province = (await t.loginAs('province_hrss')).cookie;
    expect((await call('POST', '', province, { uscc: xinwu })).statusCode).toBe(403);
  });

  it('gives the commissioner exactly the enterprises assigned to them', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/enterprises',
      headers: { cookie: commissioner.cookie },
    });
    expect(list.json().items.map((i: { uscc: string }) => i.uscc)).toEqual([jiangning]);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/enterprises/${xuanwu}`,
          headers: { cookie: commissioner.cookie },
        })
      ).statusCode,
    ).toBe(404);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${jiangning}`,
      headers: { cookie: commissioner.cookie },
    });
    expect(detail.json().keyEnterprise).toEqual({
      regionCode: '320100',
      commissionerId: commissioner.id,
      commissionerName: '测试 commissioner',
    });
    expect((await call('GET', '', commissioner.cookie)).json().items.map((i: { uscc: string }) => i.uscc)).toEqual([
      jiangning,
    ]);
  });

  it('shows the province every list with commissioner names, a city only its own', async () => {
    const province = (await t.loginAs('province_miit')).cookie;
    const all = (await call('GET', '', province)).json();
    expect(all.total).toBe(2);
    expect(all.items.find((i: { uscc: string }) => i.uscc === jiangning).commissionerName).toBe('测试 commissioner');
    expect((await call('GET', '?region=320200', province)).json().total).toBe(0);
    expect((await call('GET', '', wuxi)).json().total).toBe(0);
    expect((await call('GET', '', nanjing)).json().total).toBe(2);
  });

  it('reassigns and removes entries of the own list only, auditing each change', async () => {
    expect((await call('PATCH', `/${jiangning}`, wuxi, { commissionerId: wuxiCommissionerId })).statusCode).toBe(404);
    expect((await call('PATCH', `/${jiangning}`, nanjing, { commissionerId: wuxiCommissionerId })).statusCode).toBe(
      404,
    );
    const cleared = await call('PATCH', `/${jiangning}`, nanjing, { commissionerId: null });
    expect(cleared.json()).toMatchObject({ commissionerId: null, commissionerName: null, note: '智能制造重点' });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/enterprises',
      headers: { cookie: commissioner.cookie },
    });
    expect(list.json().total).toBe(0);
    expect((await call('PATCH', `/${jiangning}`, nanjing, { commissionerId: commissioner.id })).statusCode).toBe(200);
    expect((await call('DELETE', `/${jiangning}`, wuxi)).statusCode).toBe(404);
    expect((await call('DELETE', `/${jiangning}`, nanjing)).statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/enterprises/${jiangning}`,
          headers: { cookie: commissioner.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(await auditActions(jiangning)).toEqual([
      'key_enterprise.add',
      'key_enterprise.assign',
      'key_enterprise.assign',
      'key_enterprise.remove',
    ]);
  });
});
