import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../app-context.ts';
import { testDialects } from '../../../test/dialects.ts';
import { computeIndicators } from './indicators.service.ts';
import { createMonitoringTestContext } from '../monitoring.fixtures.ts';
import { buildMonitoringWorld } from '../monitoring.world.ts';
import { mapRegions, rankRegions } from './ranking.service.ts';
import { refreshMonitoringAggregates } from '../refresh/refresh.service.ts';
import { computeTrend } from './trend.service.ts';

/** Indicators of the hand-counted world (monitoring.world.ts); each figure is worked out in a comment. */
describe.each(testDialects())('monitoring indicators (%s)', (dialect) => {
  let ctx: AppContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ctx, close } = await createMonitoringTestContext(dialect));
    await buildMonitoringWorld(ctx);
    await refreshMonitoringAggregates(ctx);
  });
  afterAll(() => close());

  const actuals = (report: Awaited<ReturnType<typeof computeIndicators>>) =>
    Object.fromEntries(Object.entries(report.indicators).map(([key, value]) => [key, value.actual]));

  it('gives the plan to date with targets and progress against time', async () => {
    const report = await computeIndicators(ctx, { period: 'plan' }, null);
    expect(report).toMatchObject({
      period: 'plan',
      region: '320000',
      months: { from: 202401, to: 202406 },
      report_date: '2024-06-30',
      data_through: 202406,
    });
    expect(actuals(report)).toMatchObject({
      monitored_enterprises: 3, // A, B, U on 2024-06-30 (C lapsed 03-30, D 03-31; U recognised 05-01)
      insured_employees: 11, // A 4 (P4 P2 P5 P6) + B 3 (P9 P1 P7) + U 4 (P18 P3 P19 P8)
      new_hires: 9, // Feb P1 P5 (A) P12 (C); Mar P6 (A) P16 (D); Apr P1 (B); May P7 (B) P19 (U); Jun P8 (U)
      separations: 2, // A's P1 in April (contract ended), B's P10 in March (retired); C's P14 falls after C lapsed
      net_change: 7,
      absorbed_insured: 8, // P1 P5 P6 P12 P16 P7 P19 P8 — P1 once though hired twice
      absorbed_graduate_share: 0.25, // P1 (24 months) and P19 (hire month) of 8
      absorbed_high_skill_share: 0.25, // P5 (高级工 from 05-10) and P8 (level 2) of 8
      absorbed_senior_title_share: 0.125, // P6 副高级; P8's 正高级 comes 2024-07-01, after the report date
      contributions_paid_fen: 910_000, // A 6 × 100,000 + B 5 × 50,000 + C Jan–Feb 2 × 30,000
      policies_enjoyed: 0, // no benefit paid in this world (policies-enjoyed.test.ts pays some)
      policies_enjoyed_amount_fen: 0,
    });
    const absorbed = report.indicators.absorbed_insured!;
    expect(absorbed).toMatchObject({
      target: 100_000,
      target_basis: 'cumulative',
      progress: 0.0001,
      expected_progress: 0.25,
      period_actual: 8,
      available: true,
    });
    expect(absorbed.target_source).toContain('苏人社发〔2023〕63号');
    expect(report.indicators.absorbed_graduate_share).toMatchObject({ target: 0.15, progress: 1.6667 });
    expect(report.indicators.separations!.breakdown).toEqual([
      { reason: 'contract_ended', label: '解除/终止合同', count: 1 },
      { reason: 'retirement', label: '退休', count: 1 },
    ]);
  });

  it('counts the recruitment zone and the skills module live, not 暂无数据', async () => {
    const report = await computeIndicators(ctx, { period: 'plan' }, null);
    // 专场招聘会 comes from the recruitment zone: a real count (no fair recorded here).
    expect(report.indicators.job_fairs).toMatchObject({ available: true, actual: 0, progress: 0 });
    expect(report.indicators.job_fairs).not.toHaveProperty('source');
    // Training and internship bases come from the skills module: zero until records exist.
    for (const key of ['training_person_times', 'demonstration_internship_bases'])
      expect(report.indicators[key], key).toMatchObject({ available: true, actual: 0, progress: 0 });
    // 发布岗位信息 comes from the recruitment zone: a real count (none published here), not 暂无数据.
    expect(report.indicators.job_postings).toMatchObject({ available: true, actual: 0 });
    expect(report.indicators.job_postings).not.toHaveProperty('source');
    expect(report.indicators.training_person_times!.target).toBe(50_000);
    // A tier segment is not what training is counted by: still 暂无数据 there.
    const segment = await computeIndicators(ctx, { period: 'plan', tier: 'srdi' }, null);
    expect(segment.indicators.training_person_times).toMatchObject({ available: false, actual: null });
    expect(report.indicators.job_fairs).toMatchObject({ target: 100, target_basis: 'annual', expected_progress: 0.5 });
    // 政策享受 comes from the benefits ledger now: a figure, even when it is zero.
    expect(report.indicators.policies_enjoyed).toMatchObject({ available: true, actual: 0 });
  });

  it('reads stocks at the month end and counts skills at that report date', async () => {
    const april = await computeIndicators(ctx, { period: '202404' }, null);
    expect(actuals(april)).toMatchObject({
      monitored_enterprises: 2, // A, B (D lapsed on 03-31)
      insured_employees: 6, // A 4 + B 2 (P9, P1)
      new_hires: 1, // P1 at B; P13 (C) and P17 (D) are at lapsed enterprises
      separations: 1, // P1 leaving A
      absorbed_insured: 5, // P1 P5 P12 (Feb), P6 P16 (Mar)
      absorbed_graduate_share: 0.2, // P1
      absorbed_high_skill_share: 0, // P5's certificate is dated 2024-05-10, after 2024-04-30
      absorbed_senior_title_share: 0.2, // P6
      contributions_paid_fen: 150_000, // A 100,000 + B 50,000
    });
    expect(april.indicators.absorbed_insured!.period_actual).toBe(0);
    expect(april.indicators.absorbed_insured!.expected_progress).toBe(0.1667); // 4 of 24 months
  });

  it('sums a quarter and a year', async () => {
    const q1 = await computeIndicators(ctx, { period: '2024Q1' }, null);
    // Stocks at 2024-03: A 5, B 1, D 2; hires Feb 3 + Mar 2; B's P10 retires in March.
    expect(actuals(q1)).toMatchObject({
      monitored_enterprises: 3,
      insured_employees: 8,
      new_hires: 5,
      separations: 1,
      absorbed_insured: 5,
      contributions_paid_fen: 510_000,
    });
    const year = await computeIndicators(ctx, { period: '2024' }, null);
    expect(year.months).toEqual({ from: 202401, to: 202406 });
    expect(actuals(year)).toMatchObject({ new_hires: 9, absorbed_insured: 8 });
  });

  it('filters by region (a city holds its directly-administered county), tier and industry', async () => {
    const suzhou = await computeIndicators(ctx, { period: 'plan', region: '320500' }, null);
    // B (昆山) and U at 06; hires P12 (C), P1 P7 (B), P19 P8 (U); absorbed P12 P7 P19 P8.
    expect(actuals(suzhou)).toMatchObject({
      monitored_enterprises: 2,
      insured_employees: 7,
      new_hires: 5,
      absorbed_insured: 4,
    });
    expect(suzhou.indicators.absorbed_insured!.target).toBeUndefined(); // the notice's target is the province's
    expect(suzhou.indicators.absorbed_graduate_share!.target).toBe(0.15);
    const kunshan = await computeIndicators(ctx, { period: 'plan', region: '320583' }, null);
    expect(actuals(kunshan)).toMatchObject({ monitored_enterprises: 1, insured_employees: 3, absorbed_insured: 1 });
    const giants = await computeIndicators(ctx, { period: 'plan', tier: 'little_giant' }, null);
    expect(actuals(giants)).toMatchObject({ monitored_enterprises: 1, new_hires: 2, absorbed_insured: 1 });
    const manufacturing = await computeIndicators(ctx, { period: 'plan', industry: 'manufacturing' }, null);
    // A (34), B (39), U (34): P1 P5 P6 P7 P19 P8; graduates P1 P19.
    expect(actuals(manufacturing)).toMatchObject({
      monitored_enterprises: 3,
      absorbed_insured: 6,
      absorbed_graduate_share: 0.3333,
    });
    const software = await computeIndicators(ctx, { period: 'plan', industry: '65' }, null);
    expect(actuals(software)).toMatchObject({ monitored_enterprises: 0, absorbed_insured: 1 }); // C: P12
  });

  it('gives null, not zero, for a period without data', async () => {
    const report = await computeIndicators(ctx, { period: '2025' }, null);
    expect(report.months).toBeNull();
    expect(report.indicators.absorbed_insured).toMatchObject({ actual: null, progress: null, target: 100_000 });
    await expect(computeIndicators(ctx, { period: '2024-06' }, null)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('ranks the sixteen addressees with 昆山 on its own row and draws whole cities on the map', async () => {
    const ranking = await rankRegions(ctx, { indicator: 'absorbed_insured', period: 'plan' }, null);
    expect(ranking.rows).toHaveLength(16);
    // 南京: A (P1 P5 P6) + D (P16) = 4; 苏州 without 昆山: C (P12) + U (P19 P8) = 3; 昆山: B (P7) = 1.
    expect(ranking.rows.slice(0, 3).map((r) => [r.code, r.value, r.rank])).toEqual([
      ['320100', 4, 1],
      ['320500', 3, 2],
      ['320583', 1, 3],
    ]);
    expect(ranking.rows[3]).toMatchObject({ value: 0, rank: 4 });
    expect(ranking.rows[15]).toMatchObject({ value: 0, rank: 4 });
    const suzhou = ranking.rows.find((r) => r.code === '320500')!;
    expect(suzhou).toMatchObject({ name: '苏州市（不含昆山市）', wholeCityValue: 4 });
    const map = await mapRegions(ctx, { indicator: 'absorbed_graduate_share', period: 'plan' }, null);
    expect(map.rows.map((r) => r.code)).toEqual([...map.rows.map((r) => r.code)].sort());
    expect(map.rows.find((r) => r.code === '320100')).toMatchObject({ value: 0.25 }); // P1 of 4
    expect(map.rows.find((r) => r.code === '320200')).toMatchObject({ value: null, rank: null }); // no one absorbed
    const districts = await rankRegions(
      ctx,
      { indicator: 'insured_employees', period: 'plan', region: '320500' },
      null,
    );
    expect(districts.rows.slice(0, 2).map((r) => [r.code, r.value])).toEqual([
      ['320506', 4],
      ['320583', 3],
    ]);
  });

  it('gives monthly trends with the absorbed count accumulating', async () => {
    const trend = await computeTrend(ctx, { period: 'plan' }, null);
    expect(trend.periods).toEqual([202401, 202402, 202403, 202404, 202405, 202406]);
    expect(trend.series.absorbed_insured).toEqual([0, 3, 5, 5, 7, 8]);
    expect(trend.series.monitored_enterprises).toEqual([4, 4, 3, 2, 3, 3]);
    expect(trend.series.new_hires).toEqual([0, 3, 2, 1, 2, 1]);
    expect(trend.series.absorbed_graduate_share![0]).toBeNull();
  });
});
