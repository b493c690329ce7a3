import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { testDialects } from '../../../test/dialects.ts';
import { paidBenefitsByEnterpriseMonth } from '../../benefits/payments/ledger.service.ts';
import { drillIntoRegion } from './drilldown.service.ts';
import { computeIndicators, type IndicatorQuery } from './indicators.service.ts';
import { createMonitoringTestContext } from '../monitoring.fixtures.ts';
import { buildMonitoringWorld, type MonitoringWorld } from '../monitoring.world.ts';
import { addBenefitCase, importBankResults } from '../paid-benefits.fixtures.ts';
import { rankRegions } from './ranking.service.ts';
import { refreshMonitoringAggregates } from '../refresh/refresh.service.ts';
import { computeTrend } from './trend.service.ts';

/**
 * 政策享受 over the hand-counted world (monitoring.world.ts: data 2023-11 to 2024-06; A 南京江宁
 * monitored throughout, B 昆山 and U 苏州吴中 in May, C 苏州虎丘 lapsed on 2024-03-30), with the
 * bank's results imported on the clock of each payment:
 *
 * case  enterprise  amount (fen)  bank's answer              counts?
 * a     A 南京       4,800,001     paid 2024-03-12            yes, in 202403
 * b     B 昆山         150,003     paid 2024-05-20            yes, in 202405
 * c     U 苏州吴中     300,000     failed 2024-05-20          no
 * d     A 南京          77,777     none (approved, unpaid)    no
 * e     C 苏州虎丘      50,000     paid 2024-05-20            no: C is not monitored in May
 * f     A 南京          12,345     paid 2024-07-15            not yet: 202407 has no data on file
 */
describe.each(testDialects())('policies enjoyed (%s)', (dialect) => {
  let ctx: AppContext;
  let setNow: (iso: string) => void;
  let close: () => Promise<void>;
  let w: MonitoringWorld;

  beforeAll(async () => {
    ({ ctx, setNow, close } = await createMonitoringTestContext(dialect, '2024-03-01T02:00:00.000Z'));
    w = await buildMonitoringWorld(ctx);
    await refreshMonitoringAggregates(ctx);
  }, 60_000);
  afterAll(() => close());

  const figures = async (query: IndicatorQuery, user: CurrentUser | null = null) => {
    const report = await computeIndicators(ctx, query, user);
    return [report.indicators.policies_enjoyed!.actual, report.indicators.policies_enjoyed_amount_fen!.actual];
  };
  const cityOfficial = (regionCode: string): CurrentUser => ({
    id: 9_000 + Number(regionCode.slice(2, 4)),
    username: `city-${regionCode}`,
    displayName: regionCode,
    role: 'city_hrss',
    regionCode,
    uscc: null,
    canViewPersonal: false,
    via: 'session',
  });

  it('is a computed figure: zero cases and zero fen before any payment', async () => {
    const report = await computeIndicators(ctx, { period: 'plan' }, null);
    expect(report.indicators.policies_enjoyed).toMatchObject({ available: true, actual: 0, unit: '次', kind: 'flow' });
    expect(report.indicators.policies_enjoyed_amount_fen).toMatchObject({ available: true, actual: 0, unit: '分' });
    expect(report.indicators.policies_enjoyed!.source).toBeUndefined();
  });

  it('counts a payment as soon as the bank result is imported, though the answer was cached', async () => {
    setNow('2024-03-01T02:00:00.000Z');
    const a = await addBenefitCase(ctx, {
      uscc: w.A,
      regionCode: '320115',
      policy: 'stable_jobs_refund',
      period: '2024',
      amountFen: 4_800_001,
      state: 'payment_instructed',
    });
    await addBenefitCase(ctx, {
      uscc: w.A,
      regionCode: '320115',
      policy: 'social_insurance_subsidy',
      period: '2024',
      amountFen: 77_777,
      state: 'approved',
    });
    expect(await figures({ period: 'plan' })).toEqual([0, 0]); // instructed and approved cases are not enjoyed yet
    setNow('2024-03-12T02:00:00.000Z');
    expect(await importBankResults(ctx, [{ instruction: a.instruction!, result: '成功' }])).toMatchObject({
      accepted: 1,
      rejected: 0,
    });
    expect(await figures({ period: 'plan' })).toEqual([1, 4_800_001]);
    expect(await figures({ period: '202403' })).toEqual([1, 4_800_001]);
    expect(await figures({ period: '202402' })).toEqual([0, 0]);
  });

  it('leaves out failed payments, approved cases, enterprises outside the monitored set and months without data', async () => {
    setNow('2024-05-10T02:00:00.000Z');
    const b = await addBenefitCase(ctx, {
      uscc: w.B,
      regionCode: '320583',
      policy: 'job_expansion_subsidy',
      period: '202404',
      amountFen: 150_003,
      state: 'payment_instructed',
    });
    const c = await addBenefitCase(ctx, {
      uscc: w.U,
      regionCode: '320506',
      policy: 'job_expansion_subsidy',
      period: '202405',
      amountFen: 300_000,
      state: 'payment_instructed',
    });
    const e = await addBenefitCase(ctx, {
      uscc: w.C,
      regionCode: '320505',
      policy: 'internship_subsidy',
      period: '2024',
      amountFen: 50_000,
      state: 'payment_instructed',
    });
    const f = await addBenefitCase(ctx, {
      uscc: w.A,
      regionCode: '320115',
      policy: 'skills_upgrade_subsidy',
      period: '2024',
      amountFen: 12_345,
      state: 'payment_instructed',
    });
    setNow('2024-05-20T02:00:00.000Z');
    const may = await importBankResults(ctx, [
      { instruction: b.instruction!, result: '成功' },
      { instruction: c.instruction!, result: '失败', reason: '账户名不符' },
      { instruction: e.instruction!, result: '成功' },
    ]);
    expect(may).toMatchObject({ accepted: 3, rejected: 0 });
    setNow('2024-07-15T02:00:00.000Z');
    expect(await importBankResults(ctx, [{ instruction: f.instruction!, result: '成功' }])).toMatchObject({
      accepted: 1,
    });
    // The ledger has a, b, e and f settled; the indicator keeps a and b (e: C lapsed; f: July has no data yet).
    const ledger = await paidBenefitsByEnterpriseMonth(ctx, {});
    expect(ledger.reduce((sum, r) => sum + r.amount_fen, 0)).toBe(4_800_001 + 150_003 + 50_000 + 12_345);
    expect(await figures({ period: 'plan' })).toEqual([2, 4_950_004]);
    expect(await figures({ period: '2024Q2' })).toEqual([1, 150_003]);
    expect(await figures({ period: '202405' })).toEqual([1, 150_003]);
    expect(await figures({ period: '202406' })).toEqual([0, 0]);
    expect(await figures({ period: '202407' })).toEqual([null, null]); // no data on file for July: no figure, not zero
  });

  it("belongs to the enterprise's region: its city (昆山 inside 苏州) and the province, no other city", async () => {
    expect(await figures({ period: 'plan', region: '320100' })).toEqual([1, 4_800_001]);
    expect(await figures({ period: 'plan', region: '320500' })).toEqual([1, 150_003]);
    expect(await figures({ period: 'plan', region: '320583' })).toEqual([1, 150_003]);
    expect(await figures({ period: 'plan', region: '320506' })).toEqual([0, 0]); // U's payment failed
    expect(await figures({ period: 'plan', region: '320200' })).toEqual([0, 0]);
    expect(await figures({ period: 'plan' }, cityOfficial('320100'))).toEqual([1, 4_800_001]);
    expect(await figures({ period: 'plan' }, cityOfficial('320200'))).toEqual([0, 0]);
    expect(await figures({ period: 'plan', tier: 'little_giant' })).toEqual([1, 150_003]); // B
    expect(await figures({ period: 'plan', industry: '34' })).toEqual([1, 4_800_001]); // A
  });

  it('ranks the sixteen addressees and drills into a city by count and by amount', async () => {
    const ranking = await rankRegions(ctx, { indicator: 'policies_enjoyed_amount_fen', period: 'plan' }, null);
    expect(ranking).toMatchObject({ available: true, unit: '分' });
    expect(ranking.rows.slice(0, 2).map((r) => [r.code, r.value, r.rank])).toEqual([
      ['320100', 4_800_001, 1],
      ['320583', 150_003, 2],
    ]);
    expect(ranking.rows.find((r) => r.code === '320500')).toMatchObject({
      name: '苏州市（不含昆山市）',
      value: 0,
      wholeCityValue: 150_003,
    });
    const counts = await rankRegions(ctx, { indicator: 'policies_enjoyed', period: 'plan' }, null);
    expect(
      counts.rows
        .filter((r) => r.value === 1)
        .map((r) => r.code)
        .sort(),
    ).toEqual(['320100', '320583']);

    const suzhou = await drillIntoRegion(ctx, '320500', { period: 'plan' }, null);
    const kunshan = suzhou.children.find((child) => child.code === '320583')!;
    expect(kunshan.values).toMatchObject({ policies_enjoyed: 1, policies_enjoyed_amount_fen: 150_003 });
    expect(suzhou.children.find((child) => child.code === '320506')!.values).toMatchObject({
      policies_enjoyed: 0,
      policies_enjoyed_amount_fen: 0,
    });
    expect(suzhou.enterprises.items.find((item) => item.uscc === w.B)).toMatchObject({
      policiesEnjoyed: 1,
      policiesEnjoyedFen: 150_003,
    });
    expect(suzhou.enterprises.items.find((item) => item.uscc === w.U)).toMatchObject({
      policiesEnjoyed: 0,
      policiesEnjoyedFen: 0,
    });
  });

  it('gives the month of each payment in the trend', async () => {
    const trend = await computeTrend(ctx, { period: 'plan' }, null);
    expect(trend.periods).toEqual([202401, 202402, 202403, 202404, 202405, 202406]);
    expect(trend.series.policies_enjoyed).toEqual([0, 0, 1, 0, 1, 0]);
    expect(trend.series.policies_enjoyed_amount_fen).toEqual([0, 0, 4_800_001, 0, 150_003, 0]);
  });
});
