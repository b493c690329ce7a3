import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/dialects.ts';
import { skillsImport } from '../../workforce/registries/skills.import.ts';
import {
  createWorkforceTestContext,
  importRows,
  insertEnterprise,
  personIdNumber,
  type WorkforceTestContext,
} from '../../workforce/test-factories.ts';
import { digitalEngineersImport } from './digital-engineers.import.ts';
import {
  addTalentRecord,
  enterpriseTalent,
  listSelfEvaluationEnterprises,
  registerSelfEvaluation,
  setTalentRecordStatus,
} from './talent.service.ts';

const user = (role: string, regionCode: string | null, uscc: string | null = null) => ({
  user: {
    id: 1,
    username: role,
    displayName: role,
    role,
    regionCode,
    uscc,
    canViewPersonal: false,
    via: 'session',
  } as never,
  requestId: 't',
  ip: null,
});
const nanjing = user('city_hrss', '320100');
const suzhou = user('city_hrss', '320500');

describe.each(testDialects())('talent evaluation on %s', (dialect) => {
  let t: WorkforceTestContext;
  let uscc: string;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
    uscc = await insertEnterprise(t.ctx, { region_code: '320115', city_code: '320100' });
  });
  afterAll(() => t.close());

  const engineer = (serial: number, no: string, level: string) => ({
    id_number: personIdNumber(serial),
    name: `工程师${serial}`,
    certificate_no: no,
    field: '人工智能',
    level,
    issued_on: '2025-05-20',
    issuer_uscc: '',
  });

  it('imports 数字技术工程师 certificates once, refusing an unknown level and a number held by someone else', async () => {
    const first = await importRows(t.ctx, digitalEngineersImport, [
      engineer(1, 'SZJS-2025-0001', '中级'),
      engineer(2, 'SZJS-2025-0002', '高级'),
      engineer(3, 'SZJS-2025-0003', '特级'),
    ]);
    expect(first.accepted).toBe(2);
    expect(first.parseRejects.map((r) => r.column)).toEqual(['等级']);
    const again = await importRows(t.ctx, digitalEngineersImport, [engineer(1, 'SZJS-2025-0001', '中级')]);
    expect(again).toMatchObject({ accepted: 0, unchanged: 1 });
    const stolen = await importRows(t.ctx, digitalEngineersImport, [engineer(4, 'SZJS-2025-0001', '中级')]);
    expect(stolen.rejects.map((r) => r.code)).toEqual(['CERTIFICATE_NO_CONFLICT']);
  });

  it('registers a self-evaluating enterprise with its occupations, in the city’s region only', async () => {
    await expect(
      registerSelfEvaluation(t.ctx, nanjing, {
        uscc,
        occupation_codes: ['6-18-01'],
        approval_no: '宁人社评备〔2025〕3号',
        approved_on: '2025-03-01',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await registerSelfEvaluation(t.ctx, nanjing, {
      uscc,
      occupation_codes: ['6-18-01-01', '6-20-99-00'],
      approval_no: '宁人社评备〔2025〕3号',
      approved_on: '2025-03-01',
    });
    const listed = await listSelfEvaluationEnterprises(t.ctx, nanjing.user);
    expect(listed.items).toMatchObject([{ uscc, occupation_codes: ['6-18-01-01', '6-20-99-00'] }]);
    expect((await listSelfEvaluationEnterprises(t.ctx, suzhou.user)).items).toEqual([]);
    await expect(
      registerSelfEvaluation(t.ctx, suzhou, {
        uscc,
        occupation_codes: ['6-18-01-01'],
        approval_no: 'x',
        approved_on: '2025-03-01',
      }),
    ).rejects.toBeDefined();
  });

  it('keeps a station and a challenge on the enterprise page, the challenge moving to 已揭榜', async () => {
    const enterprise = user('enterprise', null, uscc);
    await addTalentRecord(t.ctx, nanjing, uscc, {
      kind: 'postdoc_station',
      title: '企业博士后工作站',
      field: '智能装备',
      level: '省级',
      approved_on: '2024-11-08',
    });
    await expect(
      addTalentRecord(t.ctx, enterprise, uscc, { kind: 'postdoc_station', title: '分站', field: '材料' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const { id } = await addTalentRecord(t.ctx, enterprise, uscc, {
      kind: 'challenge',
      title: '高精度减速器寿命提升',
      field: '精密制造',
      reward_yuan: 500_000,
      deadline: '2026-06-30',
    });
    await expect(setTalentRecordStatus(t.ctx, enterprise, uscc, id, 'active')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await setTalentRecordStatus(t.ctx, enterprise, uscc, id, 'solved');
    const page = await enterpriseTalent(t.ctx, enterprise.user, uscc);
    expect(page.records.map((r) => [r.kind, r.status, r.reward])).toEqual([
      ['challenge', 'solved', 500_000],
      ['postdoc_station', 'active', null],
    ]);
  });

  it('counts its people’s certificates by year with their equivalent titles, naming no one', async () => {
    await importRows(t.ctx, skillsImport, [
      {
        id_number: personIdNumber(1),
        name: '工程师1',
        occupation_code: '6-18-01-01',
        occupation: '车工',
        level: '技师',
        issued_on: '2024-09-01',
        certificate_no: 'JS-2024-000001',
      },
    ]);
    const persons = await t.ctx.db.selectFrom('persons').select('id').orderBy('id').execute();
    await t.ctx.db
      .insertInto('employment_spells')
      .values(
        persons.slice(0, 2).map((p) => ({
          person_id: Number(p.id),
          uscc,
          first_period: 202401,
          last_period: 202512,
          leave_reason: null,
          base_fen: 800_000,
        })),
      )
      .execute();
    const page = await enterpriseTalent(t.ctx, nanjing.user, uscc);
    expect(page.years).toEqual([
      expect.objectContaining({
        year: '2024',
        skill_certificates: 1,
        high_skill_certificates: 1,
        digital_engineers: 0,
      }),
      expect.objectContaining({ year: '2025', skill_certificates: 0, digital_engineers: 2 }),
    ]);
    expect(page.skill_levels.find((l) => l.name === '技师')).toEqual({
      name: '技师',
      count: 1,
      equivalent_title: '工程师',
    });
    expect(JSON.stringify(page)).not.toContain(personIdNumber(1));
    await expect(enterpriseTalent(t.ctx, suzhou.user, uscc)).rejects.toBeDefined();
  });

  it('records skill certificates issued by a self-evaluating enterprise, refusing those it could not issue', async () => {
    await registerSelfEvaluation(t.ctx, nanjing, {
      uscc,
      occupation_codes: ['6-18-01-01', '6-20-99-00'],
      approval_no: '宁人社评备〔2025〕3号',
      approved_on: '2025-03-01',
      valid_until: '2025-12-31',
    });
    const other = await insertEnterprise(t.ctx, { region_code: '320115', city_code: '320100' });
    const certificate = (serial: number, no: string, code: string, level: string, on: string, issuer = uscc) => ({
      id_number: personIdNumber(serial),
      name: `职工${serial}`,
      occupation_code: code,
      occupation: code === '6-18-01-01' ? '车工' : '其他',
      level,
      issued_on: on,
      certificate_no: no,
      issuer_uscc: issuer,
    });
    const rows = [
      certificate(11, 'ZP-2025-000011', '6-18-01-01', '高级工', '2025-06-01'),
      certificate(12, 'ZP-2025-000012', '6-18-01-01', '技师', '2025-07-01'),
      certificate(13, 'ZP-2025-000013', '6-18-01-01', '高级工', '2025-06-01', other),
      certificate(14, 'ZP-2025-000014', '6-01-01-01', '高级工', '2025-06-01'),
      certificate(15, 'ZP-2025-000015', '6-18-01-01', '高级工', '2025-01-10'),
      certificate(16, 'ZP-2025-000016', '6-18-01-01', '高级工', '2025-06-01', '12345'),
    ];
    const first = await importRows(t.ctx, skillsImport, rows);
    expect(first.accepted).toBe(2);
    expect(first.rejects.map((r) => [r.column, r.code])).toEqual([
      ['发证企业统一社会信用代码', 'ISSUER_NOT_SELF_EVALUATING'],
      ['发证企业统一社会信用代码', 'ISSUER_OCCUPATION_NOT_REGISTERED'],
      ['发证企业统一社会信用代码', 'ISSUER_OUTSIDE_VALIDITY'],
    ]);
    expect(first.rejects.every((r) => /[\u4e00-\u9fa5]/.test(r.message))).toBe(true);
    expect(first.parseRejects.map((r) => r.column)).toEqual(['发证企业统一社会信用代码']);
    expect(await importRows(t.ctx, skillsImport, rows.slice(0, 2))).toMatchObject({ accepted: 0, unchanged: 2 });
    // A file without the issuer column keeps the issuer recorded.
    const { issuer_uscc: _, ...withoutIssuer } = rows[0]!;
    expect(await importRows(t.ctx, skillsImport, [withoutIssuer])).toMatchObject({ accepted: 0, unchanged: 1 });

    const listed = (await listSelfEvaluationEnterprises(t.ctx, nanjing.user)).items.find((e) => e.uscc === uscc);
    expect(listed).toMatchObject({ valid_until: '2025-12-31', issued_total: 2 });
    expect(listed!.issued.map((c) => [c.occupation_code, c.count])).toEqual([
      ['6-18-01-01', 1],
      ['6-18-01-01', 1],
    ]);
    const page = await enterpriseTalent(t.ctx, nanjing.user, uscc);
    expect(page.self_issued.map((c) => c.level)).toEqual(listed!.issued.map((c) => c.level));
    expect(page.self_issued.reduce((n, c) => n + c.count, 0)).toBe(2);
    expect((await enterpriseTalent(t.ctx, nanjing.user, other)).self_issued).toEqual([]);
  });
});
