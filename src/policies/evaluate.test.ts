import { describe, expect, it } from 'vitest';
import { explainCode } from './codes.ts';
import { evaluatePolicy } from './evaluate.ts';
import { explainEvaluation } from './explain.ts';
import { readFacts } from './facts.ts';
import { loadDocument, samplePolicyDocument } from './fixtures.ts';
import { loadPolicy } from './load.ts';
import { applyScenario } from './scenario.ts';

const sample = loadDocument(samplePolicyDocument());
const refund = loadPolicy('stable_jobs_refund');

function evaluateSample(facts: Record<string, unknown>, region = '320100', date = '2024-09-01') {
  return evaluatePolicy(sample, { facts: readFacts(sample, facts), date, region });
}

describe('three-valued evaluation', () => {
  it('is eligible with the amount in fen when every condition holds', () => {
    const result = evaluateSample({ paid: 80000, headcount: 120, layoff_rate: '3.2%', size: '中型' });
    expect(result).toMatchObject({ outcome: 'eligible', amountFen: 4_800_000, code: 0 });
  });

  it('never reads a missing fact as zero: it is undetermined and names the fact', () => {
    const result = evaluateSample({ headcount: 120, layoff_rate: '3.2%', size: '中型' });
    expect(result.outcome).toBe('undetermined');
    expect(result.amountFen).toBeNull();
    expect(result.missing.map((fact) => fact.name)).toEqual(['paid']);
  });

  it('lets a false condition decide even when other facts are missing (Kleene)', () => {
    const result = evaluateSample({ size: '大型' });
    expect(result).toMatchObject({ outcome: 'ineligible', failed: { id: 'not_large' }, missing: [] });
  });

  it('lists every missing fact of every undecided condition and of the amount', () => {
    const result = evaluateSample({ size: '中型' });
    expect(result.missing.map((fact) => fact.name).sort()).toEqual(['headcount', 'layoff_rate', 'paid']);
  });

  it('an exception decides when its condition holds, and is named', () => {
    const result = evaluateSample({ paid: 10000, headcount: 30, layoff_rate: '20%', size: '中型' });
    expect(result.outcome).toBe('eligible');
    expect(result.exceptions.map((exception) => exception.id)).toEqual(['small_enterprise']);
    expect(evaluateSample({ paid: 10000, headcount: 31, layoff_rate: '20%', size: '中型' }).failed?.id).toBe('layoff');
  });

  it('uses the city value in the city and the province value elsewhere', () => {
    expect(evaluateSample({ paid: 100, headcount: 50, layoff_rate: 0, size: '中型' }, '320205').amountFen).toBe(8_000);
    expect(evaluateSample({ paid: 100, headcount: 50, layoff_rate: 0, size: '中型' }, '320205', '2024-06-30').amountFen).toBe(6_000);
  });

  it('refuses dates outside the validity window and regions outside the scope as ineligible', () => {
    expect(evaluateSample({}, '320100', '2026-01-01')).toMatchObject({ outcome: 'ineligible', failed: { id: 'validity_window' }, code: 255 });
    expect(evaluateSample({}, '330100')).toMatchObject({ outcome: 'ineligible', failed: { id: 'region_scope' }, code: 254 });
  });
});

describe('explanations', () => {
  const facts = {
    enterprise_size: '中型', ui_months_paid_last_year: 12, insured_jan_last_year: 129, insured_dec_last_year: 125,
    retired_or_deceased_last_year: 0, insured_avg_last_year: 125, ui_contributions_last_year: 80000, refunded_for_last_year: false,
  };

  it('renders the numbers, the formula and the legal basis, with the 文号 only', () => {
    const lines = explainEvaluation(evaluatePolicy(refund, { facts: readFacts(refund, facts), date: '2024-06-01', region: '320000' }));
    expect(lines.slice(-2)).toEqual([
      '上年度裁员率 3.2% ≤ 5.5%（人社部发〔2024〕40号）',
      '→ 返还 = 上年失业保险缴费 80,000.00 元 × 60% = 48,000.00 元（人社部发〔2024〕40号）',
    ]);
    expect(lines[1]).toBe('上年度裁员率 = 上年度裁员人数 4 人 ÷ 上年度月均参保人数 125 人 = 3.2%（南通市 2022 年稳岗返还规则；苏人社发〔2021〕69号）');
  });

  it('states a failed comparison the other way round, with enough decimals to differ', () => {
    const lines = explainEvaluation(evaluatePolicy(refund, {
      facts: readFacts(refund, { ...facts, insured_jan_last_year: 1137, insured_dec_last_year: 1000, insured_avg_last_year: 2489 }),
      date: '2024-06-01', region: '320000',
    }));
    expect(lines.at(-1)).toBe('不符合：上年度裁员率 5.5042% > 5.5%（人社部发〔2024〕40号）');
  });

  it('names the missing data with its description', () => {
    const lines = explainEvaluation(evaluatePolicy(refund, { facts: readFacts(refund, { ...facts, ui_contributions_last_year: null }), date: '2024-06-01', region: '320000' }));
    expect(lines[0]).toBe('缺少数据：上年失业保险缴费——企业及其职工上年度实际缴纳的失业保险费合计（单位部分 + 个人部分），元');
  });

  it('marks what-if values of the sandbox', () => {
    const scenario = applyScenario(refund, { refund_rate_sme: [{ from: '2025-01-01', region: '320583', value: '90%' }] });
    const result = evaluatePolicy(scenario, { facts: readFacts(scenario, facts), date: '2025-03-01', region: '320583' });
    expect(result.amountFen).toBe(7_200_000);
    expect(scenario.version).toBe('2025.1+沙盘');
    expect(explainEvaluation(result)[0]).toBe('沙盘假设：中型、小型、微型企业返还比例 = 90%（地区 320583，自 2025-01-01；非现行政策，仅供测算）');
  });

  it('renders short lines from the explanation code alone', () => {
    expect(explainCode(refund, 'ineligible', 2 | (1 << 8))).toEqual([
      '不符合：上年度裁员率不高于控制标准（人社部发〔2024〕40号）',
      '适用例外：上年度月均参保 30 人（含）以下的企业，裁员率上限为 20%（人社部发〔2024〕40号）',
    ]);
    expect(explainCode(refund, 'undetermined', 1 << 5)).toEqual(['缺少数据：上年失业保险缴费']);
  });
});
