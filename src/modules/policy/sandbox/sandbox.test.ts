import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../policy.fixtures.ts';

describe.each(testDialects())('政策沙盘 on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  let province: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    province = (await t.loginAs('province_hrss')).cookie;
  });
  afterAll(() => t.close());

  const run = (code: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/policies/${code}/sandbox`, headers: { cookie: province }, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: province } });
  const versions = async () => (await t.ctx.db.selectFrom('policy_versions').select('id').execute()).length;

  it('raises the SME refund rate to 90 % over the register: who gains, the cost by city, tier and industry', async () => {
    const before = await versions();
    const response = await run('stable_jobs_refund', {
      date: '2025-06-30',
      changes: { refund_rate_sme: [{ from: '2025-01-01', region: '320000', value: '90%' }] },
      note: '测算国办发〔2025〕25号上限',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    // No refund on record: E1 48,000.00 → 72,000.00 元; E2 (layoff rate 28.57 %) and E3 (11 months) stay at 0.
    expect(body.summary).toMatchObject({
      enterprises: 3,
      gainers: 1,
      losers: 0,
      changed: 1,
      total: {
        before_fen: 4_800_000,
        after_fen: 7_200_000,
        delta_fen: 2_400_000,
        before_eligible: 1,
        after_eligible: 1,
      },
      assumptions: [],
    });
    expect(body.summary.by_unit).toEqual([
      expect.objectContaining({ key: '320100', name: '南京市', before_fen: 4_800_000, after_fen: 7_200_000 }),
      expect.objectContaining({ key: '320200', name: '无锡市', before_fen: 0, after_fen: 0 }),
    ]);
    expect(body.summary.by_tier.map((x: { key: string; delta_fen: number }) => [x.key, x.delta_fen])).toEqual([
      ['innovative', 0],
      ['little_giant', 0],
      ['srdi', 2_400_000],
    ]);
    expect(body.summary.by_industry.map((x: { key: string; delta_fen: number }) => [x.key, x.delta_fen])).toEqual([
      ['制造业', 2_400_000],
      ['非制造业', 0],
    ]);
    expect(body.items).toEqual([
      expect.objectContaining({
        uscc: world.e1,
        before_outcome: 'eligible',
        before_fen: 4_800_000,
        after_fen: 7_200_000,
        delta_fen: 2_400_000,
      }),
    ]);
    expect(body).toMatchObject({ date: '2025-06-30', note: '测算国办发〔2025〕25号上限', total: 1 });
    // Live policy untouched: no new version, the calculator still answers 60 %.
    expect(await versions()).toBe(before);
    const calc = (await get(`/api/v1/policies/stable_jobs_refund/calc?uscc=${world.e1}&date=2025-06-30`)).json();
    expect(calc.amount_fen).toBe(4_800_000);
  });

  it('lists the losers of a cut, and keeps every run for later viewing', async () => {
    const body = (
      await run('stable_jobs_refund', {
        date: '2025-06-30',
        changes: { refund_rate_sme: [{ from: '2025-01-01', region: '320100', value: '30%' }] },
      })
    ).json();
    expect(body.summary).toMatchObject({ gainers: 0, losers: 1, total: { delta_fen: -2_400_000 } });
    const runs = (await get('/api/v1/policies/stable_jobs_refund/sandbox')).json();
    expect(runs).toMatchObject({ total: 2, page: 1 });
    expect(runs.items.map((r: { id: number }) => r.id)).toEqual([body.id, body.id - 1]);
    expect(runs.items[0]).toMatchObject({
      created_by: expect.any(String),
      losers: 1,
      changes: { refund_rate_sme: [{ region: '320100', value: '30%' }] },
    });
    expect((await get(`/api/v1/policies/stable_jobs_refund/sandbox/${body.id}?direction=loss`)).json().items).toEqual([
      expect.objectContaining({ uscc: world.e1, delta_fen: -2_400_000 }),
    ]);
    expect((await get(`/api/v1/policies/stable_jobs_refund/sandbox/${body.id}?direction=gain`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await get('/api/v1/policies/stable_jobs_refund/sandbox/99999')).statusCode).toBe(404);
    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'policy.sandbox.run')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('sums per-hire amounts by enterprise for 扩岗补助', async () => {
    const body = (
      await run('job_expansion_subsidy', {
        date: '2025-06-30',
        changes: { subsidy_per_hire: [{ from: '2024-01-01', region: '320000', value: 2000 }] },
      })
    ).json();
    // E1: P1 and P2 (2 × 1,500 → 2 × 2,000); E2: P4's first hire (1,500 → 2,000).
    expect(body.summary).toMatchObject({
      gainers: 2,
      rows: 6,
      total: { before_fen: 450_000, after_fen: 600_000, delta_fen: 150_000 },
    });
    expect(body.items.map((i: { uscc: string; delta_fen: number }) => [i.uscc, i.delta_fen])).toEqual([
      [world.e1, 100_000],
      [world.e2, 50_000],
    ]);
  });

  it('refuses a scenario the engine refuses', async () => {
    const unknown = await run('stable_jobs_refund', {
      changes: { no_such_rate: [{ from: '2025-01-01', region: '320000', value: '90%' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('SCENARIO_INVALID');
    const bare = await run('stable_jobs_refund', {
      changes: { refund_rate_sme: [{ from: '2025-01-01', region: '320000', value: 0.9 }] },
    });
    expect(bare.json().error).toMatchObject({ code: 'SCENARIO_INVALID' });
    expect(bare.json().error.message).toContain('%');
  });
});
