import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUscc } from '../../platform/identifiers/uscc.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { earlyUsccWithWrongCheckChar, earlyUsccWithWrongOrgCheck, validUscc } from './uscc-overrides.fixtures.ts';

const URL = '/api/v1/reference/uscc-overrides';
const EVIDENCE = '营业执照原件核验一致；南京市江宁区市场监管局函〔2015〕12号';

describe.each(testDialects())('credit-code override register on %s', (dialect) => {
  let t: TestApp;
  let miit: string;
  let sysadmin: string;
  let hrss: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    miit = (await t.loginAs('province_miit')).cookie;
    sysadmin = (await t.loginAs('sysadmin')).cookie;
    hrss = (await t.loginAs('province_hrss')).cookie;
  });
  afterAll(() => t.close());

  const record = (cookie: string, uscc: string, evidence = EVIDENCE) => t.app.inject({ method: 'POST', url: URL, headers: { cookie }, payload: { uscc, evidence } });
  const revoke = (cookie: string, id: number, reason = '登记机关复函：该代码系录入错误') => t.app.inject({ method: 'POST', url: `${URL}/${id}/revoke`, headers: { cookie }, payload: { reason } });
  const list = (cookie: string, query = '') => t.app.inject({ method: 'GET', url: `${URL}${query}`, headers: { cookie } });
  const auditRows = (id: number) => t.ctx.db.selectFrom('audit_log').selectAll().where('object_type', '=', 'uscc_override').where('object_id', '=', String(id)).orderBy('id').execute();

  it('records a code failing its 18th character, normalised, with the validator’s reason and who recorded it', async () => {
    const early = earlyUsccWithWrongCheckChar();
    expect(checkUscc(early)).toMatchObject({ valid: false, reason: 'USCC_CHECK_CHAR' });
    const created = await record(miit, ` ${early.toLowerCase()} `);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      uscc: early, failureReason: 'USCC_CHECK_CHAR', failureMessage: expect.stringContaining('第 18 位校验码'), evidence: EVIDENCE,
      recordedBy: '测试 province_miit', isActive: true, revokedAt: null,
    });
    const audit = await auditRows(created.json().id);
    expect(audit.map((a) => [a.action, a.actor_role])).toEqual([['uscc_override.create', 'province_miit']]);
    expect(JSON.parse(audit[0]!.details!)).toEqual({ uscc: early, reason: 'USCC_CHECK_CHAR' });
  });

  it('records a code whose embedded organisation-code check fails, by the system administrator too', async () => {
    const early = earlyUsccWithWrongOrgCheck();
    const created = await record(sysadmin, early);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ failureReason: 'USCC_ORG_CODE_CHECK', recordedBy: '测试 sysadmin' });
  });

  it('refuses a passing code (not needed) and a malformed one (not allowed), recording nothing', async () => {
    const valid = validUscc();
    const before = (await list(miit)).json().total;
    const passing = await record(miit, valid);
    expect([passing.statusCode, passing.json().error.code]).toEqual([422, 'USCC_OVERRIDE_NOT_NEEDED']);
    const malformed = {
      USCC_LENGTH: valid.slice(0, 17),
      USCC_CHARSET: `${valid.slice(0, 10)}I${valid.slice(11)}`,
      USCC_REGION_FORMAT: `91A${valid.slice(3)}`,
    };
    for (const [reason, code] of Object.entries(malformed)) {
      expect(checkUscc(code)).toMatchObject({ valid: false, reason });
      const refused = await record(miit, code);
      expect([refused.statusCode, refused.json().error.code, refused.json().error.details], code).toEqual([422, 'USCC_OVERRIDE_NOT_ALLOWED', { reason }]);
    }
    const empty = await record(miit, earlyUsccWithWrongCheckChar(), '   ');
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await list(miit)).json().total).toBe(before);
  });

  it('refuses a second override of a code while one is in force', async () => {
    const early = earlyUsccWithWrongCheckChar();
    expect((await record(miit, early)).statusCode).toBe(201);
    const again = await record(sysadmin, early.toLowerCase());
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CONFLICT']);
  });

  it('revokes with who, when and why, keeps the row, and lets the code be recorded anew', async () => {
    const early = earlyUsccWithWrongCheckChar();
    const first = (await record(miit, early)).json();
    const revoked = await revoke(sysadmin, first.id);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ id: first.id, isActive: false, revokedBy: '测试 sysadmin', revokeReason: '登记机关复函：该代码系录入错误', revokedAt: expect.any(String) });
    const twice = await revoke(miit, first.id);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'CONFLICT']);
    expect((await revoke(miit, 999_999)).statusCode).toBe(404);
    const second = await record(miit, early);
    expect(second.statusCode).toBe(201);
    const both = (await list(hrss, `?q=${early}`)).json();
    expect(both.items.map((i: { id: number; isActive: boolean }) => [i.id, i.isActive])).toEqual([[second.json().id, true], [first.id, false]]);
    expect((await auditRows(first.id)).map((a) => a.action)).toEqual(['uscc_override.create', 'uscc_override.revoke']);
  });

  it('lists newest first with paging, a code-prefix or evidence filter and a status filter', async () => {
    const all = (await list(hrss, '?pageSize=2')).json();
    expect(all).toMatchObject({ page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.items[0].id).toBeGreaterThan(all.items[1].id);
    const page2 = (await list(hrss, '?pageSize=2&page=2')).json();
    expect(page2.items[0].id).toBeLessThan(all.items[1].id);
    const revoked = (await list(hrss, '?status=revoked')).json();
    expect(revoked.total).toBe(1);
    expect((await list(hrss, '?status=active')).json().total).toBe(all.total - 1);
    expect((await list(hrss, `?q=${encodeURIComponent('江宁区市场监管局')}`)).json().total).toBe(all.total);
    expect((await list(hrss, '?q=9132011')).json().total).toBe(all.total);
    expect((await list(hrss, '?q=91320200')).json().total).toBe(0);
  });

  it('lets 省人社 read but not record, and refuses city, enterprise and other roles with an audited 403', async () => {
    const early = earlyUsccWithWrongCheckChar();
    const city = (await t.loginAs('city_hrss')).cookie;
    const enterprise = (await t.loginAs('enterprise')).cookie;
    const auditor = (await t.loginAs('auditor')).cookie;
    const denialsBefore = await countDenials();
    expect((await record(hrss, early)).statusCode).toBe(403);
    expect((await revoke(hrss, 1)).statusCode).toBe(403);
    for (const cookie of [city, enterprise, auditor]) {
      expect((await list(cookie)).statusCode).toBe(403);
      expect((await record(cookie, early)).statusCode).toBe(403);
      expect((await revoke(cookie, 1)).statusCode).toBe(403);
    }
    expect(await countDenials()).toBe(denialsBefore + 11);
    expect((await list(hrss, `?q=${early}`)).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
  });

  it('answers the checking tool with the override in force, for any signed-in user; the evidence for officials only', async () => {
    const early = earlyUsccWithWrongCheckChar();
    const enterprise = (await t.loginAs('enterprise')).cookie;
    const city = (await t.loginAs('city_hrss')).cookie;
    const check = (cookie = enterprise) => t.app.inject({ method: 'GET', url: `/api/v1/tools/check/uscc?code=${early}`, headers: { cookie } });
    expect((await check()).json()).toEqual({ valid: false, reason: 'USCC_CHECK_CHAR', message: expect.any(String), normalized: early });
    const created = (await record(miit, early)).json();
    expect((await check()).json()).toEqual({
      valid: false, reason: 'USCC_CHECK_CHAR', message: expect.any(String), normalized: early,
      override: { id: created.id, recordedAt: created.recordedAt },
    });
    expect((await check(city)).json().override).toEqual({ id: created.id, evidence: EVIDENCE, recordedAt: created.recordedAt });
    await revoke(miit, created.id);
    expect((await check()).json().override).toBeUndefined();
  });

  it('creates an enterprise account for an early code only while an override accepts it', async () => {
    const early = earlyUsccWithWrongCheckChar();
    await expect(t.loginAs('enterprise', { uscc: early })).rejects.toMatchObject({ code: 'INVALID_USCC' });
    const created = (await record(miit, early)).json();
    await expect(t.loginAs('enterprise', { uscc: early.toLowerCase() })).resolves.toMatchObject({ cookie: expect.any(String) });
    const account = await t.ctx.db.selectFrom('users').select('uscc').where('role', '=', 'enterprise').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(account.uscc).toBe(early);
    await revoke(miit, created.id);
    await expect(t.loginAs('enterprise', { uscc: early })).rejects.toMatchObject({ code: 'INVALID_USCC' });
  });

  async function countDenials(): Promise<number> {
    const row = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'access.denied').executeTakeFirstOrThrow();
    return Number(row.n);
  }
});
