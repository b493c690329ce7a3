import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/dialects.ts';
import { contributionsImport } from '../contributions/contributions.import.ts';
import { graduatesImport } from './graduates.import.ts';
import { povertyImport } from './poverty.import.ts';
import { skillsImport } from './skills.import.ts';
import {
  buildEnterprise,
  countWorkforceRows,
  createWorkforceTestContext,
  importRows,
  insertEnterprise,
  personIdNumber,
  type WorkforceTestContext,
} from '../test-factories.ts';
import { titlesImport } from './titles.import.ts';
import { unemploymentImport } from './unemployment.import.ts';

const person = (serial: number) => ({ id_number: personIdNumber(serial), name: `人员${serial}` });

describe.each(testDialects())('contributions and person registries on %s', (dialect) => {
  let t: WorkforceTestContext;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
  });
  afterAll(() => t.close());

  it('upserts contribution totals in fen by (enterprise, month), counting repeats as unchanged', async () => {
    const uscc = await insertEnterprise(t.ctx);
    const row = (period: string, pension: string) => ({
      uscc,
      period,
      insured: '35',
      pension,
      unemployment_unit: '400.10',
      unemployment_personal: '400.10',
      injury: '120',
    });
    const first = await importRows(t.ctx, contributionsImport, [row('202312', '12,000.50'), row('202401', '12000.5')]);
    expect(first).toMatchObject({ accepted: 2, unchanged: 0, rejects: [] });
    const stored = await t.ctx.db
      .selectFrom('contributions')
      .selectAll()
      .where('uscc', '=', uscc)
      .orderBy('period')
      .execute();
    expect(
      stored.map((r) => [Number(r.period), Number(r.pension_fen), Number(r.unemployment_unit_fen), Number(r.insured)]),
    ).toEqual([
      [202312, 1_200_050, 40_010, 35],
      [202401, 1_200_050, 40_010, 35],
    ]);
    const again = await importRows(t.ctx, contributionsImport, [row('202312', '12000.50'), row('202401', '13000')]);
    expect(again).toMatchObject({ accepted: 1, unchanged: 1 });
    const corrected = await t.ctx.db
      .selectFrom('contributions')
      .select('pension_fen')
      .where('uscc', '=', uscc)
      .where('period', '=', 202401)
      .executeTakeFirstOrThrow();
    expect(Number(corrected.pension_fen)).toBe(1_300_000);
    const stranger = await importRows(t.ctx, contributionsImport, [
      { ...row('202401', '1'), uscc: buildEnterprise().uscc },
    ]);
    expect(stranger.rejects.map((r) => r.code)).toEqual(['ENTERPRISE_NOT_IN_REGISTER']);
  });

  it('upserts graduations by (person, degree, date) and is idempotent', async () => {
    const rows = [
      { ...person(1), school: '南京大学', degree: '本科', graduated_on: '2020-06-30' },
      { ...person(1), school: '东南大学', degree: '硕士研究生', graduated_on: '2023/6/30' },
    ];
    expect(await importRows(t.ctx, graduatesImport, rows)).toMatchObject({ accepted: 2, unchanged: 0 });
    const before = await countWorkforceRows(t.ctx);
    expect(await importRows(t.ctx, graduatesImport, rows)).toMatchObject({ accepted: 0, unchanged: 2 });
    expect(await countWorkforceRows(t.ctx)).toEqual(before);
    expect(await importRows(t.ctx, graduatesImport, [{ ...rows[1]!, school: '东南大学（九龙湖校区）' }])).toMatchObject(
      { accepted: 1 },
    );
    expect((await countWorkforceRows(t.ctx)).graduates).toBe(before.graduates);
  });

  it('keys certificates by number, refusing a number already held by someone else', async () => {
    const cert = {
      ...person(2),
      occupation_code: '6-18-01-01',
      occupation: '车工',
      level: '三级/高级工',
      issued_on: '2023-09-15',
      certificate_no: 'y000032010001234',
    };
    expect(await importRows(t.ctx, skillsImport, [cert])).toMatchObject({ accepted: 1 });
    expect(await importRows(t.ctx, skillsImport, [cert])).toMatchObject({ accepted: 0, unchanged: 1 });
    expect(await importRows(t.ctx, skillsImport, [{ ...cert, level: '技师' }])).toMatchObject({ accepted: 1 });
    const stored = await t.ctx.db.selectFrom('skill_certificates').selectAll().execute();
    expect(stored.map((s) => [s.certificate_no, Number(s.level)])).toEqual([['Y000032010001234', 2]]);
    const stolen = await importRows(t.ctx, skillsImport, [{ ...cert, ...person(3) }]);
    expect(stolen).toMatchObject({ accepted: 0, rejects: [{ column: '证书编号', code: 'CERTIFICATE_NO_CONFLICT' }] });
  });

  it('upserts titles by (person, series, level)', async () => {
    const title = { ...person(4), series: '工程', level: '副高级', obtained_on: '2021-12-20' };
    expect(
      await importRows(t.ctx, titlesImport, [title, { ...title, level: '正高', obtained_on: '2025-01-10' }]),
    ).toMatchObject({ accepted: 2 });
    expect(await importRows(t.ctx, titlesImport, [title])).toMatchObject({ accepted: 0, unchanged: 1 });
    const levels = await t.ctx.db.selectFrom('professional_titles').select('level').orderBy('level').execute();
    expect(levels.map((l) => l.level)).toEqual(['deputy_senior', 'senior']);
  });

  it('closes an unemployment registration later, and a file without the closing date never reopens it', async () => {
    const open = { ...person(5), registered_on: '2024-01-05', closed_on: '' };
    expect(await importRows(t.ctx, unemploymentImport, [open])).toMatchObject({ accepted: 1 });
    expect(await importRows(t.ctx, unemploymentImport, [{ ...open, closed_on: '2024-04-01' }])).toMatchObject({
      accepted: 1,
    });
    expect(await importRows(t.ctx, unemploymentImport, [open])).toMatchObject({ accepted: 0, unchanged: 1 });
    const stored = await t.ctx.db.selectFrom('unemployment_registrations').selectAll().execute();
    expect(stored.map((r) => [r.registered_on, r.closed_on])).toEqual([['2024-01-05', '2024-04-01']]);
  });

  it('keeps one poverty status per person, the latest file deciding', async () => {
    expect(
      await importRows(t.ctx, povertyImport, [
        { ...person(6), category: '脱贫人口' },
        { ...person(6), category: '监测对象' },
      ]),
    ).toMatchObject({ accepted: 1, unchanged: 1 });
    expect(await importRows(t.ctx, povertyImport, [{ ...person(6), category: '防止返贫监测对象' }])).toMatchObject({
      accepted: 0,
      unchanged: 1,
    });
    const stored = await t.ctx.db.selectFrom('poverty_status').select('category').execute();
    expect(stored).toEqual([{ category: 'monitored' }]);
  });

  it('stores every person of the registries once, with the number encrypted', async () => {
    const persons = await t.ctx.db.selectFrom('persons').selectAll().execute();
    expect(persons).toHaveLength(6);
    expect(JSON.stringify(persons)).not.toMatch(/\d{17}[\dX]/);
  });
});
