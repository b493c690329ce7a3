import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/dialects.ts';
import { computeIndicators } from '../../monitoring/indicators/indicators.service.ts';
import {
  createWorkforceTestContext,
  importRows,
  insertEnterprise,
  personIdNumber,
  type WorkforceTestContext,
} from '../../workforce/test-factories.ts';
import {
  applyForBase,
  decideBase,
  latestRanking,
  listBaseTrainees,
  scoreInternshipBases,
  selectDemonstrationBase,
} from './internships.service.ts';
import { traineesImport } from './trainees.import.ts';

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
const province = user('province_hrss', '320000');
const nanjing = user('city_hrss', '320100');

const trainee = (serial: number, uscc: string, completed: boolean, retained: boolean, end = '2024-09-30') => ({
  id_number: personIdNumber(serial),
  name: `见习${serial}`,
  uscc,
  post: '工艺助理',
  start_date: '2024-04-01',
  end_date: end,
  is_completed: completed ? '是' : '否',
  is_retained: retained ? '是' : '否',
  allowance: '2,000',
});

describe.each(testDialects())('internship bases on %s', (dialect) => {
  let t: WorkforceTestContext;
  let good: string;
  let weak: string;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
    good = await insertEnterprise(t.ctx, { region_code: '320115', city_code: '320100' });
    weak = await insertEnterprise(t.ctx, { region_code: '320115', city_code: '320100' });
  });
  afterAll(() => t.close());

  it('applies, approves, imports trainees, scores with the versioned formula and selects a demonstration base', async () => {
    await applyForBase(t.ctx, user('enterprise', null, good), { posts: 20, mentors: 4 });
    await applyForBase(t.ctx, nanjing, { uscc: weak, posts: 5, mentors: 1 });
    const early = await importRows(t.ctx, traineesImport, [trainee(1, good, true, true)]);
    expect(early.rejects.map((r) => r.code)).toEqual(['BASE_NOT_APPROVED']);
    await decideBase(t.ctx, nanjing, good, { decision: 'approve' });
    await decideBase(t.ctx, nanjing, weak, { decision: 'approve' });
    await expect(decideBase(t.ctx, nanjing, weak, { decision: 'approve', level: 'province' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const rows = [
      trainee(1, good, true, true),
      trainee(2, good, true, true),
      trainee(3, good, true, false),
      trainee(4, weak, true, false),
      trainee(5, weak, false, false),
      trainee(6, weak, true, false),
      trainee(7, weak, false, false, ''),
    ];
    expect(await importRows(t.ctx, traineesImport, rows)).toMatchObject({ accepted: 7, rejects: [] });
    expect(await importRows(t.ctx, traineesImport, rows)).toMatchObject({ accepted: 0, unchanged: 7 });
    const listed = await listBaseTrainees(t.ctx, nanjing.user, good);
    expect(listed.items[0]!.id_number).toMatch(/^\d{4}\*+\d{3}[\dX]$/);

    const run = await scoreInternshipBases(t.ctx, province);
    expect(run).toMatchObject({ formula_version: '2026.1', bases: 2 });
    const ranking = await latestRanking(t.ctx, province.user);
    // good: completion 3/3, retention 2/3, posts 20/20 → (35 + 40 × 2/3 + 15) / 90 × 100 (no satisfaction recorded)
    expect(ranking.items.map((r) => [r.uscc, r.rank, r.score])).toEqual([
      [good, 1, 85.1852],
      [weak, 2, 30.0926], // completion 2/3, retention 0, posts 5/20: (35 × 2/3 + 15 × 0.25) / 90 × 100
    ]);
    await selectDemonstrationBase(t.ctx, province, good);
    await expect(selectDemonstrationBase(t.ctx, province, good)).rejects.toMatchObject({ code: 'CONFLICT' });
    const report = await computeIndicators(t.ctx, { period: 'plan' }, null);
    expect(report.indicators.demonstration_internship_bases).toMatchObject({ available: true, actual: 1, target: 50 });
  });
});
