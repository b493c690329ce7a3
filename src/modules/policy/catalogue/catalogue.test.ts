import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES_DIR } from '../../../policies/load.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { findPolicyVersions } from './catalogue.repository.ts';
import { findPolicyInForce, syncPolicyCatalogue } from './catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../policy.fixtures.ts';

const SME_RATE_90 = { parameter: 'refund_rate_sme', from: '2025-01-01', region: '320000', value: '90%' };

describe.each(testDialects())('policy catalogue on %s', (dialect) => {
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

  const patch = (payload: Record<string, unknown>, cookie = province) =>
    t.app.inject({
      method: 'PATCH',
      url: '/api/v1/policies/stable_jobs_refund/parameters',
      headers: { cookie },
      payload,
    });
  const auditActions = async (action: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select(['outcome', 'object_id'])
        .where('action', '=', action)
        .orderBy('id')
        .execute()
    ).map((r) => r.outcome);

  it('mirrors the policy files once: a second start adds nothing', async () => {
    expect(await syncPolicyCatalogue(t.ctx)).toEqual([]);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/policies' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { code: string }) => i.code)).toEqual([
      'internship_subsidy',
      'job_expansion_subsidy',
      'skills_upgrade_subsidy',
      'social_insurance_subsidy',
      'stable_jobs_refund',
    ]);
    expect(items.at(-1)).toMatchObject({
      name: '失业保险稳岗返还',
      citation: '人社部发〔2024〕40号；人社部发〔2025〕18号；苏人社发〔2021〕69号',
      scope: ['320000'],
      valid: { from: '2024-01-01', to: '2025-12-31' },
      version: '2025.1',
      version_no: 1,
      refused_latest: null,
    });
  });

  it('shows parameters by date and region with their sources, to anyone', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/policies/stable_jobs_refund' })).json();
    const rate = body.parameters.find((p: { name: string }) => p.name === 'refund_rate_sme');
    expect(rate.values).toEqual([
      expect.objectContaining({
        from: '2024-01-01',
        region: '320000',
        value: '60%',
        source: expect.objectContaining({ doc: '人社部发〔2024〕40号' }),
      }),
      expect.objectContaining({
        from: '2025-01-01',
        region: '320000',
        value: '60%',
        source: expect.objectContaining({ doc: '人社部发〔2025〕18号' }),
      }),
    ]);
    expect(body.versions).toEqual([
      expect.objectContaining({ version_no: 1, source: 'file', status: 'active', created_by: null }),
    ]);
  });

  it('turns a parameter edit into a new version with who and why, used by the calculator at once', async () => {
    const response = await patch({
      reason: '国办发〔2025〕25号：提高中小微企业返还比例',
      changes: [SME_RATE_90],
      source: { doc: '国办发〔2025〕25号' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      version_no: 2,
      version: '2025.1-e1',
      source: 'edit',
      based_on: expect.any(Number),
      reason: '国办发〔2025〕25号：提高中小微企业返还比例',
    });
    const detail = (
      await t.app.inject({ method: 'GET', url: '/api/v1/policies/stable_jobs_refund', headers: { cookie: province } })
    ).json();
    expect(detail).toMatchObject({ version: '2025.1-e1', version_no: 2 });
    expect(
      detail.versions.map((v: { version_no: number; created_by: string | null }) => [
        v.version_no,
        v.created_by !== null,
      ]),
    ).toEqual([
      [2, true],
      [1, true],
    ]);
    const rate = detail.parameters.find((p: { name: string }) => p.name === 'refund_rate_sme');
    expect(rate.values[1]).toMatchObject({ from: '2025-01-01', value: '90%', source: { doc: '国办发〔2025〕25号' } });
    expect(await auditActions('policy.parameters.edit')).toEqual(['success']);
    // 80,000.00 元 × 90% = 72,000.00 元 under the new version.
    const calc = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/policies/stable_jobs_refund/calc?uscc=${world.e1}&date=2025-06-30`,
        headers: { cookie: province },
      })
    ).json();
    expect(calc).toMatchObject({ version: '2025.1-e1', version_no: 2, outcome: 'eligible', amount_fen: 7_200_000 });
  });

  it('refuses an edit that leaves a gap, with the engine’s message, and keeps the version in force', async () => {
    const gap = {
      parameter: 'refund_rate_large',
      from: '2024-01-01',
      to: '2024-06-30',
      region: '320000',
      value: '30%',
    };
    const response = await patch({ reason: '错误的调整', changes: [gap] });
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe('POLICY_INVALID');
    expect(error.message).toContain('参数「refund_rate_large」在地区 320000 的 2024-07-01 至 2024-12-31 没有取值');
    const overlap = await patch({
      reason: '重叠的调整',
      changes: [{ parameter: 'refund_rate_sme', from: '2024-01-01', to: '2025-03-31', region: '320000', value: '60%' }],
    });
    expect(overlap.json().error.message).toContain('取值重叠');
    expect((await findPolicyVersions(t.ctx.db, 'stable_jobs_refund')).map((v) => v.version_no)).toEqual([2, 1]);
    expect(await auditActions('policy.parameters.edit')).toEqual(['success', 'failure', 'failure']);
    expect((await patch({ reason: '', changes: [SME_RATE_90] })).statusCode).toBe(400);
    expect(
      (await patch({ reason: '没有此参数', changes: [{ ...SME_RATE_90, parameter: 'nope' }] })).json().error.code,
    ).toBe('VALIDATION_FAILED');
    const city = (await t.loginAs('city_hrss')).cookie;
    expect((await patch({ reason: '市级无权调整', changes: [SME_RATE_90] }, city)).statusCode).toBe(403);
  });

  it('refuses a refund rate above the ceiling of 国办发〔2025〕25号, with the reason, and keeps the ceiling', async () => {
    const above = await patch({ reason: '提高到 95%', changes: [{ ...SME_RATE_90, value: '95%' }] });
    expect(above.statusCode).toBe(422);
    expect(above.json().error).toMatchObject({ code: 'PARAMETER_ABOVE_CEILING' });
    expect(above.json().error.message).toContain(
      '「中型、小型、微型企业返还比例」取值 95% 超过上限 90%（国办发〔2025〕25号',
    );
    const large = await patch({
      reason: '大型企业提高到 55%',
      changes: [{ parameter: 'refund_rate_large', from: '2025-01-01', region: '320500', value: '55%' }],
    });
    expect(large.json().error.message).toContain('超过上限 50%');
    expect(
      (
        await patch({
          reason: '大型企业提高到 50%',
          changes: [{ parameter: 'refund_rate_large', from: '2025-01-01', region: '320500', value: '50%' }],
        })
      ).statusCode,
    ).toBe(200);
    const detail = (
      await t.app.inject({ method: 'GET', url: '/api/v1/policies/stable_jobs_refund', headers: { cookie: province } })
    ).json();
    const ceilings = detail.parameters
      .filter((p: { ceiling: unknown }) => p.ceiling !== null)
      .map((p: { name: string; ceiling: { value: string; source: { doc: string } } }) => [
        p.name,
        p.ceiling.value,
        p.ceiling.source.doc,
      ]);
    expect(ceilings).toEqual([
      ['refund_rate_sme', '90%', '国办发〔2025〕25号'],
      ['refund_rate_large', '50%', '国办发〔2025〕25号'],
    ]);
    expect(await auditActions('policy.parameters.edit')).toEqual([
      'success',
      'failure',
      'failure',
      'failure',
      'failure',
      'failure',
      'success',
    ]);
  });

  it('shows how good a source is to officials only', async () => {
    const quality = (body: { sources: { key: string; secondary: boolean | null; source_quality: string | null }[] }) =>
      body.sources.find((s) => s.key === 'nantong_2022');
    const official = (
      await t.app.inject({ method: 'GET', url: '/api/v1/policies/stable_jobs_refund', headers: { cookie: province } })
    ).json();
    expect(quality(official)).toMatchObject({
      doc: '南通市 2022 年稳岗返还规则',
      secondary: true,
      source_quality: '文号待核',
    });
    const anyone = (await t.app.inject({ method: 'GET', url: '/api/v1/policies/stable_jobs_refund' })).json();
    expect(quality(anyone)).toMatchObject({
      doc: '南通市 2022 年稳岗返还规则',
      secondary: null,
      note: null,
      source_quality: null,
    });
    expect(JSON.stringify(anyone)).not.toMatch(/待核|二手|转述|SPEC|DOMAIN/);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/policies' })).json();
    expect(JSON.stringify(list)).not.toMatch(/待核|二手|转述|SPEC|DOMAIN/);
  });

  it('runs the YAML cases against a version: the edit shows which cases it changes', async () => {
    const run = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/policies/stable_jobs_refund/test',
        headers: { cookie: province },
        payload,
      });
    const first = (await run({ version_no: 1 })).json();
    expect(first).toMatchObject({ version_no: 1, failed: 0 });
    expect(first.passed).toBeGreaterThanOrEqual(8);
    const current = (await run({})).json();
    expect(current.version_no).toBe(3);
    const failed = current.cases.filter((c: { passed: boolean }) => !c.passed).map((c: { name: string }) => c.name);
    expect(failed).toContain('裁员率恰为 5.5%（11 ÷ 200）仍符合');
    expect(
      current.cases.find((c: { name: string }) => c.name === '裁员率恰为 5.5%（11 ÷ 200）仍符合').differences[0],
    ).toContain('金额应为 30,000.00 元，实为 45,000.00 元');
  });

  it('records a changed file as a new version and a refused file with its reasons, keeping the last good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yangfan-policies-'));
    cpSync(POLICIES_DIR, dir, { recursive: true });
    const file = join(dir, 'internship_subsidy', 'policy.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/version: "[^"]+"/, 'version: "2099.1"'));
    expect(await syncPolicyCatalogue(t.ctx, dir)).toEqual([
      expect.objectContaining({ code: 'internship_subsidy', version_no: 2, version: '2099.1', status: 'active' }),
    ]);
    // The minimum-wage table now starts on 2024-02-01: January 2024 is left without a value → a gap.
    writeFileSync(
      file,
      original
        .replace(/version: "[^"]+"/, 'version: "2099.2"')
        .replace(/from: 2024-01-01\n {8}region: "320000"/, 'from: 2024-02-01\n        region: "320000"'),
    );
    const [refused] = await syncPolicyCatalogue(t.ctx, dir);
    expect(refused).toMatchObject({ code: 'internship_subsidy', version_no: 3, status: 'refused' });
    expect(refused!.problems.join('')).toContain('min_wage_last_year');
    expect((await findPolicyInForce(t.ctx.db, 'internship_subsidy')).row).toMatchObject({
      version_no: 2,
      version: '2099.1',
    });
    const item = (await t.app.inject({ method: 'GET', url: '/api/v1/policies' }))
      .json()
      .items.find((i: { code: string }) => i.code === 'internship_subsidy');
    expect(item).toMatchObject({ version_no: 2, refused_latest: { version_no: 3 } });
    expect(await auditActions('policy.version.refused')).toEqual(['failure']);
    expect(await syncPolicyCatalogue(t.ctx, dir)).toEqual([]);
  });
});
