import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';

describe.each(testDialects())('reference routes on %s', (dialect) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    cookie = (await t.loginAs('city_hrss')).cookie;
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = { cookie }) => t.app.inject({ method: 'GET', url, headers });

  it('lists regions without a login (public codes) but asks for one for industries', async () => {
    expect((await get('/api/v1/reference/regions?level=city', {})).statusCode).toBe(200);
    expect((await get('/api/v1/reference/industries', {})).statusCode).toBe(401);
  });

  it('lists the 13 cities', async () => {
    const response = await get('/api/v1/reference/regions?level=city&pageSize=50');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 13, page: 1, pageSize: 50 });
  });

  it("lists 苏州's divisions with 昆山 marked as directly administered", async () => {
    const { items } = (await get('/api/v1/reference/regions?city=320500')).json();
    expect(items).toHaveLength(9);
    expect(items).toContainEqual({
      code: '320583', name: '昆山市', level: 'county', kind: 'county_city', cityCode: '320500', isDirectlyAdministered: true,
    });
  });

  it('refuses a page size over 200 and a malformed city', async () => {
    for (const url of ['/api/v1/reference/regions?pageSize=500', '/api/v1/reference/regions?city=苏州']) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('filters the 31 manufacturing divisions', async () => {
    const body = (await get('/api/v1/reference/industries?level=division&manufacturing=true&pageSize=200')).json();
    expect(body.total).toBe(31);
    expect(body.items[0]).toEqual({ code: '13', name: '农副食品加工业', level: 'division', section: 'C', isManufacturing: true });
  });

  it('filters digital occupations by text', async () => {
    const body = (await get(`/api/v1/reference/occupations?digital=true&q=${encodeURIComponent('大数据')}`)).json();
    expect(body.items).toEqual([{ code: '2-02-38-03', name: '大数据工程技术人员', majorGroup: '2', isDigital: true, isGreen: false }]);
    expect((await get('/api/v1/reference/occupations?majorGroup=9')).statusCode).toBe(400);
  });
});
