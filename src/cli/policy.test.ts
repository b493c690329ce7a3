import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));

/** Runs the real command line, as a user would. */
function yangfan(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

function factsFile(facts: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'yangfan-policy-')), 'facts.json');
  writeFileSync(file, JSON.stringify(facts));
  return file;
}

const MEDIUM_ENTERPRISE = {
  enterprise_size: '中型',
  ui_months_paid_last_year: 12,
  insured_jan_last_year: 129,
  insured_dec_last_year: 125,
  retired_or_deceased_last_year: 0,
  insured_avg_last_year: 125,
  ui_contributions_last_year: 80000,
  refunded_for_last_year: false,
};

describe('yangfan policy', () => {
  it('lists the five starter policies with 文号, validity and version', () => {
    const result = yangfan('policy', 'list', '--json');
    expect(result.status).toBe(0);
    const { policies } = JSON.parse(result.stdout);
    expect(policies.map((p: { code: string }) => p.code)).toHaveLength(5);
    expect(policies.find((p: { code: string }) => p.code === 'stable_jobs_refund')).toMatchObject({
      name: '失业保险稳岗返还',
      documents: ['人社部发〔2024〕40号', '人社部发〔2025〕18号', '苏人社发〔2021〕69号'],
      valid: { from: '2024-01-01', to: '2025-12-31' },
      version: '2025.1',
    });
  });

  it('runs the YAML cases and exits 0 when all pass', () => {
    const result = yangfan('policy', 'test', 'stable_jobs_refund', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      failed: 0,
      policies: [{ code: 'stable_jobs_refund', failed: 0 }],
    });
  });

  it('calculates from a facts file with the explanation and the version', () => {
    const result = yangfan(
      'policy',
      'calc',
      'stable_jobs_refund',
      '--facts',
      factsFile(MEDIUM_ENTERPRISE),
      '--date',
      '2024-06-01',
      '--json',
    );
    expect(result.status).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ outcome: 'eligible', amount_fen: 4_800_000, version: '2025.1', missing_facts: [] });
    expect(answer.explanation).toContain(
      '→ 返还 = 上年失业保险缴费 80,000.00 元 × 60% = 48,000.00 元（人社部发〔2024〕40号）',
    );
  });

  it('names the missing facts when it cannot decide', () => {
    const { ui_contributions_last_year: _, ...rest } = MEDIUM_ENTERPRISE;
    const answer = JSON.parse(
      yangfan(
        'policy',
        'calc',
        'stable_jobs_refund',
        '--facts',
        factsFile(rest),
        '--date',
        '2025-03-01',
        '--region',
        '320583',
        '--json',
      ).stdout,
    );
    expect(answer).toMatchObject({
      outcome: 'undetermined',
      amount_fen: null,
      missing_facts: [{ name: 'ui_contributions_last_year', label: '上年失业保险缴费' }],
    });
  });

  it('answers --uscc of an enterprise not in the register with NOT_FOUND and exit 1 (facts come from the database)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yangfan-policy-db-'));
    const result = spawnSync(
      process.execPath,
      [BIN, 'policy', 'calc', 'stable_jobs_refund', '--uscc', '91440300708461136T', '--date', '2025-06-30', '--json'],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, YANGFAN_DATA_DIR: dir, YANGFAN_DB: join(dir, 'yangfan.db'), DATABASE_URL: '' },
      },
    );
    expect(result.status, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout).error.code).toBe('NOT_FOUND');
  });

  it('refuses unknown facts and unknown policies as bad usage (exit 2)', () => {
    const unknownFact = yangfan('policy', 'calc', 'stable_jobs_refund', '--facts', factsFile({ layoff: 1 }), '--json');
    expect(unknownFact.status).toBe(2);
    expect(JSON.parse(unknownFact.stdout).error).toMatchObject({ code: 'FACTS_INVALID' });
    expect(yangfan('policy', 'calc', 'no_such_policy', '--facts', factsFile({}), '--json').status).toBe(2);
  });
});
