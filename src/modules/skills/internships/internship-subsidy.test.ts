import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { testDialects } from '../../../test/dialects.ts';
import { createMatchRun, executeMatchRun } from '../../benefits/match/match.service.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { graduatesImport } from '../../workforce/registries/graduates.import.ts';
import {
  createWorkforceTestContext,
  importRows,
  insertEnterprise,
  personIdNumber,
  type WorkforceTestContext,
} from '../../workforce/test-factories.ts';
import { unemploymentImport } from '../../workforce/registries/unemployment.import.ts';
import { applyForBase, decideBase } from './internships.service.ts';
import { traineesImport } from './trainees.import.ts';

const nanjing = {
  user: {
    id: 1,
    username: 'nj',
    displayName: 'nj',
    role: 'city_hrss',
    regionCode: '320100',
    uscc: null,
    canViewPersonal: false,
    via: 'session',
  } as never,
  requestId: 't',
  ip: null,
};

describe.each(testDialects())('就业见习补贴 from trainee records on %s', (dialect) => {
  let t: WorkforceTestContext;
  let base2025: string;
  let base2024: string;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
    await syncPolicyCatalogue(t.ctx);
    base2025 = await insertEnterprise(t.ctx, { region_code: '320115', city_code: '320100' });
    base2024 = await insertEnterprise(t.ctx, { region_code: '320115', city_code: '320100' });
    for (const uscc of [base2025, base2024]) {
      await applyForBase(t.ctx, nanjing, { uscc, posts: 10, mentors: 2 });
      await decideBase(t.ctx, nanjing, uscc, { decision: 'approve' });
    }
    const person = (serial: number) => ({ id_number: personIdNumber(serial), name: `见习${serial}` });
    await importRows(t.ctx, graduatesImport, [
      { ...person(1), school: '南京大学', degree: '本科', graduated_on: '2024-06-30' },
      { ...person(2), school: '东南大学', degree: '本科', graduated_on: '2023-06-30' },
    ]);
    await importRows(t.ctx, unemploymentImport, [
      { ...person(1), registered_on: '2024-07-01', closed_on: '' },
      { ...person(2), registered_on: '2023-07-01', closed_on: '' },
    ]);
    const trainee = (serial: number, uscc: string, start: string, end: string) => ({
      ...person(serial),
      uscc,
      post: '技术员',
      start_date: start,
      end_date: end,
      is_completed: '是',
      is_retained: '否',
      allowance: '2000',
    });
    const imported = await importRows(t.ctx, traineesImport, [
      trainee(1, base2025, '2025-03-01', '2025-08-31'), // 6 whole months in 2025
      trainee(2, base2024, '2024-01-02', '2024-04-15'), // 3 whole months in 2024
    ]);
    expect(imported).toMatchObject({ accepted: 2, rejects: [] });
  });
  afterAll(() => t.close());

  const run = async (period: string) => {
    const actor = systemActor('test');
    return executeMatchRun(t.ctx, actor, await createMatchRun(t.ctx, t.ctx.db, actor, 'internship_subsidy', period));
  };
  const casesOf = () =>
    t.ctx.db
      .selectFrom('benefit_cases')
      .select(['uscc', 'period', 'amount_fen'])
      .where('policy_code', '=', 'internship_subsidy')
      .orderBy('period')
      .execute();

  it('pays each month served once, at 60 % of the year’s minimum wage, for 2024 and 2025', async () => {
    const first = await run('2025');
    expect(first.summary).toMatchObject({ rows_evaluated: 6, candidates_new: 1 });
    const second = await run('2024');
    expect(second.summary).toMatchObject({ rows_evaluated: 3, candidates_new: 1 });
    expect((await casesOf()).map((c) => [c.uscc, c.period, Number(c.amount_fen)])).toEqual([
      [base2024, '2024', 3 * 136_800], // 2,280 × 60 % × 3
      [base2025, '2025', 6 * 149_400], // 2,490 × 60 % × 6
    ]);
    const again = await run('2025');
    expect(again.summary).toMatchObject({ candidates_new: 0 });
    expect(await casesOf()).toHaveLength(2);
  });
});
