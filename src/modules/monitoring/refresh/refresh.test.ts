import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../app-context.ts';
import { testDialects } from '../../../test/dialects.ts';
import { createMonitoringTestContext } from '../monitoring.fixtures.ts';
import { buildMonitoringWorld, type MonitoringWorld } from '../monitoring.world.ts';
import { refreshMonitoringAggregates } from './refresh.service.ts';

/** The pre-aggregates of the hand-counted world (see monitoring.world.ts for the table). */
describe.each(testDialects())('monitoring pre-aggregates (%s)', (dialect) => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  let w: MonitoringWorld;

  beforeAll(async () => {
    ({ ctx, close } = await createMonitoringTestContext(dialect));
    w = await buildMonitoringWorld(ctx);
    await refreshMonitoringAggregates(ctx);
  });
  afterAll(() => close());

  async function row(uscc: string, period: number) {
    const r = await ctx.db
      .selectFrom('enterprise_month_stats')
      .selectAll()
      .where('uscc', '=', uscc)
      .where('period', '=', period)
      .executeTakeFirstOrThrow();
    return {
      monitored: Number(r.is_monitored),
      tier: r.tier,
      insured: Number(r.insured),
      hires: Number(r.hires),
      separations: Number(r.separations),
      layoff: Number(r.layoff_separations),
      absorbed: Number(r.absorbed),
      fen: Number(r.contributions_fen),
      unit: r.unit_code,
    };
  }

  it('covers every register enterprise for every month from the earliest data to the latest', async () => {
    // A's rosters start 2023-11, the others' 2024-01, all end 2024-06: 8 months × 5 enterprises.
    const months = await ctx.db.selectFrom('monitoring_months').select('period').orderBy('period').execute();
    expect(months.map((m) => Number(m.period))).toEqual([
      202311, 202312, 202401, 202402, 202403, 202404, 202405, 202406,
    ]);
    const n = await ctx.db
      .selectFrom('enterprise_month_stats')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(40);
  });

  it('marks a month monitored when a recognition is valid on its last day', async () => {
    // C is valid until 2024-03-30: monitored in February, not in March (03-31 is past it).
    expect((await row(w.C, 202402)).monitored).toBe(1);
    expect((await row(w.C, 202403)).monitored).toBe(0);
    // D is valid until 2024-03-31: the last day still counts, so March is monitored, April not.
    expect((await row(w.D, 202403)).monitored).toBe(1);
    expect((await row(w.D, 202404)).monitored).toBe(0);
    // U is recognised from 2024-05-01: April is not monitored, May is.
    expect((await row(w.U, 202404)).monitored).toBe(0);
    expect(await row(w.U, 202405)).toMatchObject({ monitored: 1, tier: 'srdi' });
    expect(await row(w.B, 202401)).toMatchObject({ tier: 'little_giant', unit: '320583' });
    expect((await row(w.C, 202401)).unit).toBe('320500');
  });

  it('counts insured people, hires after the opening stock, and separations the month after the last one', async () => {
    // A: P4 (stock 202311), P2 from 202312, P1 202402–202403, P5 from 202402, P6 from 202403.
    expect(await row(w.A, 202311)).toMatchObject({ insured: 1, hires: 0 });
    expect(await row(w.A, 202312)).toMatchObject({ insured: 2, hires: 1 });
    expect(await row(w.A, 202402)).toMatchObject({ insured: 4, hires: 2 });
    expect(await row(w.A, 202403)).toMatchObject({ insured: 5, hires: 1, separations: 0 });
    // P1 leaves after March (contract ended): counted in April, a non-natural loss.
    expect(await row(w.A, 202404)).toMatchObject({ insured: 4, hires: 0, separations: 1, layoff: 1 });
    // B: P9 and P10 are the opening stock of 2024-01 — no hires; P10 retires after February.
    expect(await row(w.B, 202401)).toMatchObject({ insured: 2, hires: 0 });
    expect(await row(w.B, 202403)).toMatchObject({ insured: 1, separations: 1, layoff: 0 });
    // C: P14's spell ends in March without a reason; C's April roster is on file, so April counts it.
    expect(await row(w.C, 202404)).toMatchObject({ insured: 3, hires: 1, separations: 1, layoff: 1 });
    // Open spells end at the last month on file: no separation is invented for 2024-07.
    expect(await row(w.U, 202406)).toMatchObject({ insured: 4, hires: 1, separations: 0 });
  });

  it('stores separations by reason', async () => {
    const rows = await ctx.db
      .selectFrom('enterprise_month_separations')
      .select(['uscc', 'period', 'reason', 'separations'])
      .orderBy('period')
      .execute();
    expect(rows.map((r) => [r.uscc, Number(r.period), r.reason, Number(r.separations)])).toEqual(
      [
        [w.B, 202403, 'retirement', 1],
        [w.A, 202404, 'contract_ended', 1],
        [w.C, 202404, 'unspecified', 1],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
  });

  it('keeps one first absorption per person inside the plan window at a monitored enterprise', async () => {
    const rows = await ctx.db.selectFrom('absorbed_persons').selectAll().orderBy('person_id').execute();
    const byPerson = new Map(rows.map((r) => [Number(r.person_id), r]));
    const p = w.persons;
    // In: P1 (A 202402, not again at B), P5, P6, P12 (C still monitored in Feb), P16 (D in March), P7, P19, P8.
    // Out: P2 (hired 202312, before the window), P3 (U not yet monitored), P13 (C lapsed), P17 (D lapsed), stock.
    expect([...byPerson.keys()].sort((a, b) => a - b)).toEqual(
      [p.P1, p.P5, p.P6, p.P12, p.P16, p.P7, p.P19, p.P8].map(Number).sort((a, b) => a - b),
    );
    expect(byPerson.get(p.P1!)).toMatchObject({ uscc: w.A, is_graduate: 1 });
    expect(Number(byPerson.get(p.P1!)!.period)).toBe(202402);
    expect(byPerson.get(p.P5!)).toMatchObject({
      is_graduate: 0,
      high_skill_since: '2024-05-10',
      senior_title_since: null,
    });
    expect(byPerson.get(p.P7!)).toMatchObject({
      uscc: w.B,
      is_graduate: 0,
      high_skill_since: null,
      senior_title_since: null,
    });
    expect(byPerson.get(p.P19!)).toMatchObject({ is_graduate: 1, high_skill_since: null });
    expect(byPerson.get(p.P8!)).toMatchObject({ high_skill_since: '2020-01-01', senior_title_since: '2024-07-01' });
    expect((await row(w.A, 202402)).absorbed).toBe(2);
  });

  it('rebuilds to the same figures, and a partial refresh of one month changes nothing else', async () => {
    const before = await ctx.db
      .selectFrom('enterprise_month_stats')
      .selectAll()
      .orderBy('uscc')
      .orderBy('period')
      .execute();
    const summary = await refreshMonitoringAggregates(ctx, { periods: [202404] });
    expect(summary.periods).toEqual([202404]);
    const snapshot = () =>
      ctx.db.selectFrom('enterprise_month_stats').selectAll().orderBy('uscc').orderBy('period').execute();
    expect(await snapshot()).toEqual(before);
    await refreshMonitoringAggregates(ctx);
    expect(await snapshot()).toEqual(before);
  });
});
