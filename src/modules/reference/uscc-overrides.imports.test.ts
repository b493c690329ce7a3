import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/current-user.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { rejectsCsvLines } from '../imports/rejects-file.ts';
import { findImportKind } from '../imports/kinds.ts';
import { runImport } from '../imports/runner.ts';
import { personIdNumber } from '../workforce/test-factories.ts';
import { earlyUsccWithWrongCheckChar, validUscc } from './uscc-overrides.fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-uscc-override-'));
const REGISTER_HEADER = '统一社会信用代码,企业名称,梯度类型,认定日期,有效期至,所在地区代码,行业代码,企业规模,联系人,联系电话';
const ROSTER_HEADER = '统一社会信用代码,公民身份号码,姓名,费款所属期,缴费基数,减员原因';
const CONTRIBUTIONS_HEADER = '统一社会信用代码,费款所属期,参保人数,养老保险单位缴费,失业保险单位缴费,失业保险个人缴费,工伤保险单位缴费';

let files = 0;
function writeCsv(header: string, lines: string[]): string {
  files += 1;
  const file = path.join(dir, `file-${files}.csv`);
  writeFileSync(file, `\ufeff${[header, ...lines].join('\n')}\n`);
  return file;
}

function registerLine(uscc: string, name: string): string {
  return [uscc, name, '专精特新中小企业', '2024-01-15', '2027-01-14', '320115', '34', '小型', '张敏', '13912345678'].join(',');
}

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const line of lines) out += line;
  return out;
}

/**
 * An early credit code (right shape, wrong 18th character) through every path that takes credit
 * codes: refused until an official records an override, taken while it is in force, refused by
 * new imports once it is revoked — what was taken stays.
 */
describe.each(testDialects())('imports and pushes with a credit-code override on %s', (dialect) => {
  let t: TestApp;
  let miit: string;
  let hrss: string;
  let overrideId: number;
  const early = earlyUsccWithWrongCheckChar();
  const valid = validUscc();
  const registerFile = () => writeCsv(REGISTER_HEADER, [registerLine(valid, '南京扬帆正常代码有限公司'), registerLine(early, '南京扬帆早期代码有限公司')]);
  let register: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    miit = (await t.loginAs('province_miit')).cookie;
    hrss = (await t.loginAs('province_hrss')).cookie;
    register = registerFile();
  });
  afterAll(() => t.close());

  const importFile = (kind: string, file: string) => runImport(t.ctx, systemActor('test'), findImportKind(kind)!, file);
  const rejectsOf = async (runId: number) => collect(rejectsCsvLines(t.ctx.db, runId));
  const countOf = async (table: 'enterprises' | 'enterprise_changes' | 'employment_spells' | 'contributions', uscc: string) =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('uscc', '=', uscc).executeTakeFirstOrThrow()).n);
  const detail = (uscc: string) => t.app.inject({ method: 'GET', url: `/api/v1/enterprises/${uscc}`, headers: { cookie: hrss } });
  const rosterFile = (period: string) => writeCsv(ROSTER_HEADER, [`${early},${personIdNumber(501)},张三,${period},6000,`, `${early},${personIdNumber(502)},李四,${period},5500,`]);
  const contributionsFile = (period: string) => writeCsv(CONTRIBUTIONS_HEADER, [`${early},${period},2,1920,57.5,57.5,23`]);

  it('refuses the early code in the register import while no override is recorded', async () => {
    const summary = await importFile('enterprises', register);
    expect(summary).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(await rejectsOf(summary.run_id)).toContain(`3,统一社会信用代码,USCC_CHECK_CHAR,统一社会信用代码第 18 位校验码不正确：${early}`);
    expect(await countOf('enterprises', early)).toBe(0);
  });

  it('takes the same file once the override is recorded, and changes nothing the second time', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/reference/uscc-overrides', headers: { cookie: miit }, payload: { uscc: early, evidence: '营业执照核验一致' } });
    expect(created.statusCode, created.body).toBe(201);
    overrideId = created.json().id;
    expect(await importFile('enterprises', register)).toMatchObject({ rows: 2, accepted: 1, unchanged: 1, rejected: 0 });
    expect(await countOf('enterprises', early)).toBe(1);
    const changes = await countOf('enterprise_changes', early);
    expect(await importFile('enterprises', registerFile())).toMatchObject({ rows: 2, accepted: 0, unchanged: 2, rejected: 0 });
    expect(await countOf('enterprise_changes', early)).toBe(changes);
  });

  it('shows on the enterprise detail that its code came in by a manual check', async () => {
    expect((await detail(early)).json().usccOverride).toEqual({ id: overrideId, isActive: true });
    expect((await detail(valid)).json().usccOverride).toBeNull();
  });

  it('takes the code in rosters and contributions, and in a push with a note on the item', async () => {
    expect(await importFile('roster', rosterFile('202401'))).toMatchObject({ rows: 2, accepted: 2, rejected: 0 });
    expect(await importFile('contributions', contributionsFile('202401'))).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
    expect(await countOf('employment_spells', early)).toBe(2);
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: { cookie: miit }, payload: { name: '工信培育库' } });
    const pushed = await t.app.inject({
      method: 'POST', url: '/api/v1/exchange/enterprises',
      headers: { authorization: `Bearer ${token.json().token as string}`, 'idempotency-key': 'override-push-1' },
      payload: { enterprises: [{ uscc: early.toLowerCase(), name: '南京扬帆早期代码有限公司', tier: '小巨人', recognized_on: '2025-07-01', valid_until: '2028-06-30', region_code: '320115', industry_code: '34', size: '小型' }] },
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect(pushed.json().results).toEqual([{
      index: 0, uscc: early, status: 'accepted', reasons: [],
      notes: [`统一社会信用代码第 18 位校验码不正确，已按人工核验例外（第 ${overrideId} 号）接收`],
    }]);
  });

  it('refuses the code in new imports once the override is revoked, keeping the rows already taken', async () => {
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/reference/uscc-overrides/${overrideId}/revoke`, headers: { cookie: miit }, payload: { reason: '经核实代码录入有误' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const roster = await importFile('roster', rosterFile('202402'));
    expect(roster).toMatchObject({ rows: 2, accepted: 0, rejected: 2 });
    expect(await rejectsOf(roster.run_id)).toContain('2,统一社会信用代码,USCC_CHECK_CHAR');
    expect(await importFile('contributions', contributionsFile('202402'))).toMatchObject({ accepted: 0, rejected: 1 });
    expect(await importFile('enterprises', registerFile())).toMatchObject({ rows: 2, unchanged: 1, rejected: 1 });
    expect(await countOf('enterprises', early)).toBe(1);
    expect(await countOf('employment_spells', early)).toBe(2);
    expect(await countOf('contributions', early)).toBe(1);
    expect((await detail(early)).json().usccOverride).toEqual({ id: overrideId, isActive: false });
  });
});
