import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../platform/identifiers/id-number.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { graduatesImport } from '../registries/graduates.import.ts';
import { rosterImport } from '../roster/roster.import.ts';
import { skillsImport } from '../registries/skills.import.ts';
import { importRows, insertEnterprise, personIdNumber } from '../test-factories.ts';
import { titlesImport } from '../registries/titles.import.ts';

const WHOLE_ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

describe.each(testDialects())('enterprise employees endpoint on %s', (dialect) => {
  let t: TestApp;
  let nanjing: string;
  let kunshan: string;
  const responses: LightMyRequestResponse[] = [];
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    nanjing = await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC });
    kunshan = await insertEnterprise(t.ctx, { region_code: '320583', city_code: '320500' });
    const row = (uscc: string, serial: number, period: number, base = '6000') => ({
      uscc,
      id_number: personIdNumber(serial),
      name: `员工${serial}`,
      period: String(period),
      base,
    });
    await importRows(t.ctx, rosterImport, [
      row(nanjing, 1, 202312),
      row(nanjing, 1, 202401),
      row(nanjing, 1, 202402, '8000.50'),
      row(nanjing, 2, 202401),
      row(nanjing, 3, 202402),
      row(kunshan, 4, 202402),
    ]);
    await importRows(t.ctx, graduatesImport, [
      { id_number: personIdNumber(1), name: '员工1', school: '南京大学', degree: '本科', graduated_on: '2019-06-30' },
      { id_number: personIdNumber(1), name: '员工1', school: '南京大学', degree: '硕士', graduated_on: '2022-06-30' },
    ]);
    await importRows(t.ctx, skillsImport, [
      {
        id_number: personIdNumber(1),
        name: '员工1',
        occupation_code: '6-18-01-01',
        occupation: '车工',
        level: '高级工',
        issued_on: '2023-01-01',
        certificate_no: 'CERT000001',
      },
    ]);
    await importRows(t.ctx, titlesImport, [
      { id_number: personIdNumber(3), name: '员工3', series: '工程', level: '中级', obtained_on: '2020-01-01' },
      { id_number: personIdNumber(3), name: '员工3', series: '工程', level: '副高', obtained_on: '2024-01-01' },
    ]);
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.nanjingCity = (await t.loginAs('city_hrss')).cookie;
    cookies.kunshanCity = (await t.loginAs('city_hrss', { regionCode: '320583' })).cookie;
    cookies.enterprise = (await t.loginAs('enterprise')).cookie;
    const commissioner = await t.loginAs('commissioner');
    cookies.commissioner = commissioner.cookie;
    const user = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', commissioner.username)
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('key_enterprises')
      .values({
        uscc: kunshan,
        region_code: '320583',
        commissioner_id: user.id,
        note: null,
        added_at: new Date().toISOString(),
        added_by: null,
      })
      .execute();
    cookies.public = (await t.loginAs('public')).cookie;
  });
  afterAll(() => t.close());

  async function get(url: string, who: string): Promise<LightMyRequestResponse> {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
    responses.push(response);
    return response;
  }

  it('lists the persons insured in a month with masked ID numbers, base in yuan and registry tags', async () => {
    const response = await get(`/api/v1/enterprises/${nanjing}/employees?period=202402`, 'province');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20, period: 202402 });
    const id1 = personIdNumber(1);
    expect(body.items).toEqual([
      {
        name: '员工1',
        id_number: `${id1.slice(0, 4)}**********${id1.slice(-4)}`,
        phone: null,
        first_period: 202312,
        last_period: 202402,
        base: 8000.5,
        graduate_degree: 'master',
        skill_level: 3,
        title_level: null,
      },
      expect.objectContaining({
        name: '员工3',
        first_period: 202402,
        graduate_degree: null,
        skill_level: null,
        title_level: 'deputy_senior',
      }),
    ]);
  });

  it('defaults to the latest reported month and pages', async () => {
    const latest = await get(`/api/v1/enterprises/${nanjing}/employees?pageSize=1&page=2`, 'province');
    expect(latest.json()).toMatchObject({ period: 202402, total: 2, page: 2, pageSize: 1, items: [{ name: '员工3' }] });
    const january = await get(`/api/v1/enterprises/${nanjing.toLowerCase()}/employees?period=202401`, 'province');
    expect(january.json().items.map((i: { name: string }) => i.name)).toEqual(['员工1', '员工2']);
    expect((await get(`/api/v1/enterprises/${nanjing}/employees?period=202413`, 'province')).statusCode).toBe(400);
  });

  it('shows each caller only the enterprises in their scope and answers 404 for the others', async () => {
    const cases: [string, string, number][] = [
      ['nanjingCity', nanjing, 200],
      ['nanjingCity', kunshan, 404],
      ['kunshanCity', kunshan, 200],
      ['kunshanCity', nanjing, 404],
      ['enterprise', nanjing, 200],
      ['enterprise', kunshan, 404],
      ['commissioner', kunshan, 200],
      ['commissioner', nanjing, 404],
      ['province', '91320115MA00000000', 404],
    ];
    for (const [who, uscc, status] of cases) {
      const response = await get(`/api/v1/enterprises/${uscc}/employees?period=202402`, who);
      expect(response.statusCode, `${who} ${uscc}`).toBe(status);
      if (status === 404) expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await get(`/api/v1/enterprises/${nanjing}/employees`, 'public')).statusCode).toBe(403);
  });

  it('never sends a whole ID number in any response of this suite', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const response of responses) {
      const whole = (response.body.match(WHOLE_ID_NUMBER) ?? []).filter((m) => checkIdNumber(m).valid);
      expect(whole, response.body.slice(0, 200)).toEqual([]);
      for (const serial of [1, 2, 3, 4]) expect(response.body).not.toContain(personIdNumber(serial));
    }
  });
});
