import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/dialects.ts';
import { computeIndicators } from '../../monitoring/indicators/indicators.service.ts';
import { computeSkillsTab } from '../../monitoring/indicators/skills-tab.service.ts';
import {
  countWorkforceRows,
  createWorkforceTestContext,
  importRows,
  insertEnterprise,
  personIdNumber,
  type WorkforceTestContext,
} from '../../workforce/test-factories.ts';
import { trainingImport } from './training.import.ts';
import { trainingBreakdown } from './training-indicators.service.ts';
import { createProgramme } from './training.service.ts';

const province = {
  id: 1,
  username: 'p',
  displayName: '省厅',
  role: 'province_hrss',
  regionCode: '320000',
  uscc: null,
  canViewPersonal: false,
  via: 'session',
} as const;
const actor = { user: province, requestId: 't', ip: null };

const row = (serial: number, programme: string, occupation: string, overrides: Record<string, string> = {}) => ({
  id_number: personIdNumber(serial),
  name: `学员${serial}`,
  programme_no: programme,
  occupation_code: occupation,
  start_date: '2024-03-01',
  end_date: '2024-04-30',
  is_completed: '是',
  certificate_no: '',
  subsidy: '1,200.50',
  ...overrides,
});

describe.each(testDialects())('training programmes and records on %s', (dialect) => {
  let t: WorkforceTestContext;
  let factory: string;
  let software: string;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
    factory = await insertEnterprise(t.ctx, { industry_code: '34', region_code: '320115', city_code: '320100' });
    software = await insertEnterprise(t.ctx, { industry_code: '65', region_code: '320211', city_code: '320200' });
    const programme = (no: string, uscc: string, occupation: string, isSubsidised = true) =>
      createProgramme(t.ctx, actor, {
        programme_no: no,
        name: `项目${no}`,
        type: 'order',
        provider: '江苏技师学院',
        occupation_code: occupation,
        start_date: '2024-03-01',
        end_date: '2024-12-31',
        is_subsidised: isSubsidised,
        usccs: [uscc],
      });
    await programme('PX-001', factory, '2-02-07-01');
    await programme('PX-002', software, '2-02-10-03');
    await programme('PX-003', software, '6-18-01-01', false);
  });
  afterAll(() => t.close());

  it('imports records, classes them by the cited rule, refuses unknown programmes, and changes nothing twice', async () => {
    const rows = [
      row(1, 'PX-001', '2-02-07-01'), // manufacturing enterprise (section C)
      row(2, 'PX-002', '2-02-10-03'), // software enterprise, digital occupation (S)
      row(3, 'PX-002', '6-18-01-01', { end_date: '2026-01-31' }), // ends after the plan window
      row(4, 'PX-003', '6-18-01-01'), // not subsidised
      row(5, 'PX-404', '6-18-01-01'),
      row(6, 'PX-001', '6-18-01-01', { start_date: '2024-05-01', end_date: '2024-04-01' }),
    ];
    const first = await importRows(t.ctx, trainingImport, rows);
    expect(first.accepted).toBe(4);
    expect(first.rejects.map((r) => [r.line, r.code])).toEqual([[6, 'PROGRAMME_NOT_FOUND']]);
    expect(first.parseRejects.map((r) => [r.line, r.code])).toEqual([[7, 'DATE_RANGE_INVALID']]);
    const stored = await t.ctx.db
      .selectFrom('training_records')
      .select(['programme_no', 'uscc', 'subsidy_fen', 'is_manufacturing', 'is_digital', 'rule_version'])
      .orderBy('programme_no')
      .orderBy('occupation_code')
      .execute();
    expect(
      stored.map((r) => [
        r.programme_no,
        r.uscc,
        Number(r.subsidy_fen),
        Number(r.is_manufacturing),
        Number(r.is_digital),
      ]),
    ).toEqual([
      ['PX-001', factory, 120050, 1, 0],
      ['PX-002', software, 120050, 0, 1],
      ['PX-002', software, 120050, 1, 0],
      ['PX-003', software, 120050, 1, 0],
    ]);
    const before = await countWorkforceRows(t.ctx);
    const again = await importRows(t.ctx, trainingImport, rows);
    expect(again).toMatchObject({ accepted: 0, unchanged: 4 });
    expect(await countWorkforceRows(t.ctx)).toEqual(before);
    const people = await t.ctx.db.selectFrom('persons').select(['id_enc', 'id_index']).execute();
    expect(people.every((p) => !p.id_enc.includes(personIdNumber(1)))).toBe(true);
  });

  it('counts subsidised person-times in the plan window on the dashboard and drills down by city and enterprise', async () => {
    const report = await computeIndicators(t.ctx, { period: 'plan' }, null);
    expect(report.indicators.training_person_times).toMatchObject({ available: true, actual: 2, target: 50000 });
    expect(report.indicators.training_manufacturing_person_times).toMatchObject({ actual: 1, target: 40000 });
    expect(report.indicators.training_digital_person_times).toMatchObject({ actual: 1, target: 10000 });
    const byCity = await trainingBreakdown(t.ctx, province, { by: 'city' });
    expect(byCity.rows.map((r) => [r.key, r.name, r.total])).toEqual([
      ['320100', '南京市', 1],
      ['320200', '无锡市', 1],
    ]);
    const byEnterprise = await trainingBreakdown(t.ctx, province, { by: 'enterprise', city: '320200' });
    expect(byEnterprise.rows.map((r) => [r.key, r.total, r.digital])).toEqual([[software, 1, 1]]);
  });

  it('gives the dashboard’s 技能人才 tab the figures of GET /kpi and of the 技能人才 page, by month and by city', async () => {
    await t.ctx.db
      .insertInto('internship_bases')
      .values({
        uscc: factory,
        region_code: '320115',
        posts: 10,
        mentors: 2,
        note: null,
        status: 'approved',
        level: 'province',
        applied_at: '2024-02-01T00:00:00.000Z',
        applied_by: null,
        decided_at: '2024-02-10T00:00:00.000Z',
        decided_by: null,
        is_demonstration: 1,
        demonstration_at: '2024-06-01T00:00:00.000Z',
        demonstration_by: null,
        demonstration_score_run: null,
      })
      .execute();
    const report = await computeIndicators(t.ctx, { period: 'plan' }, null);
    const tab = await computeSkillsTab(t.ctx, { period: 'plan' }, province);
    expect(tab).toMatchObject({ region: '320000', available: true, window: { from: 202401, to: 202512 } });
    const keys = [
      'training_person_times',
      'training_manufacturing_person_times',
      'training_digital_person_times',
    ] as const;
    for (const key of keys) {
      const actual = report.indicators[key]!.actual;
      expect(tab.months.reduce((n, m) => n + m[key], 0)).toBe(actual);
      expect(tab.cities.reduce((n, c) => n + c[key], 0)).toBe(actual);
    }
    expect(tab.months.find((m) => m.period === 202404)?.training_person_times).toBe(2);
    expect(tab.cities.reduce((n, c) => n + c.demonstration_internship_bases, 0)).toBe(
      report.indicators.demonstration_internship_bases!.actual,
    );
    const page = await trainingBreakdown(t.ctx, province, { by: 'city' });
    expect(tab.cities.map((c) => [c.code, c.name, c.training_person_times])).toEqual(
      page.rows.map((r) => [r.key, r.name, r.total]),
    );
    expect(tab.cities.find((c) => c.code === '320100')?.demonstration_internship_bases).toBe(1);
    const segmented = await computeSkillsTab(t.ctx, { period: 'plan', tier: 'little_giant' }, province);
    expect(segmented).toMatchObject({ available: false, months: [], cities: [] });
  });
});
