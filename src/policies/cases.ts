import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyError } from './errors.ts';
import { evaluatePolicy, type Evaluation } from './evaluate.ts';
import { explainEvaluation } from './explain.ts';
import { readFacts } from './facts.ts';
import { listPolicyCodes, loadPolicy, POLICIES_DIR } from './load.ts';
import type { Outcome } from './outcome.ts';
import { applyScenario, type ScenarioValue } from './scenario.ts';
import type { Policy } from './types.ts';
import { formatYuan, parseYuan } from './values.ts';
import { YamlReader } from './yaml-reader.ts';

/**
 * Runs the test cases an official can read (policies/<code>/cases.yaml): each names a period or
 * date, a region, the facts and the expected outcome, amount in yuan, failed condition or
 * missing facts. A failing case reports every difference in Chinese.
 */

export interface PolicyCase {
  name: string;
  date: string;
  region: string;
  facts: Record<string, unknown>;
  scenario?: Record<string, ScenarioValue[]>;
  expect: {
    outcome: Outcome;
    amountFen?: number;
    failed?: string;
    missing?: string[];
    exceptions?: string[];
    divisionByZero?: boolean;
    explanationContains?: string;
  };
}

export interface CaseResult {
  name: string;
  passed: boolean;
  differences: string[];
  outcome?: Outcome;
  amountFen?: number | null;
}

export interface PolicyCaseReport {
  code: string;
  name: string;
  version: string;
  passed: number;
  failed: number;
  cases: CaseResult[];
}

const CASE_KEYS = ['name', 'period', 'date', 'region', 'facts', 'scenario', 'expect'];
const EXPECT_KEYS = ['outcome', 'amount', 'failed', 'missing', 'exceptions', 'division_by_zero', 'explanation_contains'];

/** Runs the cases of one policy, or of every policy when no code is given. */
export function runPolicyCases(code?: string, dir = POLICIES_DIR): PolicyCaseReport[] {
  const codes = code ? [code] : listPolicyCodes(dir);
  return codes.map((policyCode) => {
    const policy = loadPolicy(policyCode, dir);
    const cases = loadCases(policy, dir);
    const results = cases.map((policyCase) => runCase(policy, policyCase));
    const passed = results.filter((result) => result.passed).length;
    return { code: policy.code, name: policy.name, version: policy.version, passed, failed: results.length - passed, cases: results };
  });
}

/** Reads and checks policies/<code>/cases.yaml; CASES_INVALID lists every problem. */
export function loadCases(policy: Policy, dir = POLICIES_DIR): PolicyCase[] {
  const file = join(dir, policy.code, 'cases.yaml');
  const reader = new YamlReader(`policies/${policy.code}/cases.yaml`);
  if (!existsSync(file)) throw new PolicyError('CASES_INVALID', `${reader.file} 不存在：每个政策都要有测试案例`);
  const cases = reader.list(reader.parse(readFileSync(file, 'utf8')), '（顶层）').map((entry, index) => readCase(reader, entry, `[${index}]`));
  if (reader.problems.length > 0) throw new PolicyError('CASES_INVALID', `${reader.file} 有 ${reader.problems.length} 处问题`, reader.problems);
  return cases;
}

function readCase(reader: YamlReader, entry: unknown, path: string): PolicyCase {
  const record = reader.object(entry, path, CASE_KEYS) ?? {};
  const expect = reader.object(record.expect, `${path}.expect`, EXPECT_KEYS) ?? {};
  const amount = expect.amount === undefined ? undefined : parseYuan(expect.amount);
  if (expect.amount !== undefined && amount === undefined) reader.fail(`${path}.expect.amount`, '金额应为以元计、最多两位小数的数');
  const outcome = reader.text(expect, 'outcome', `${path}.expect`) as Outcome;
  if (outcome && !['eligible', 'ineligible', 'undetermined'].includes(outcome)) reader.fail(`${path}.expect.outcome`, '应为 eligible、ineligible 或 undetermined');
  return {
    name: reader.text(record, 'name', path),
    date: caseDate(reader, record, path),
    region: record.region === undefined ? '320000' : reader.text(record, 'region', path),
    facts: reader.object(record.facts ?? {}, `${path}.facts`) ?? {},
    scenario: record.scenario === undefined ? undefined : (reader.object(record.scenario, `${path}.scenario`) as Record<string, ScenarioValue[]>),
    expect: {
      outcome,
      amountFen: amount,
      failed: reader.optionalText(expect, 'failed', `${path}.expect`),
      missing: expect.missing === undefined ? undefined : reader.texts(expect, 'missing', `${path}.expect`),
      exceptions: expect.exceptions === undefined ? undefined : reader.texts(expect, 'exceptions', `${path}.expect`),
      divisionByZero: expect.division_by_zero === undefined ? undefined : reader.flag(expect, 'division_by_zero', `${path}.expect`),
      explanationContains: reader.optionalText(expect, 'explanation_contains', `${path}.expect`),
    },
  };
}

/** `period: 2024` → 2024-01-01, `period: 202403` → 2024-03-01, or an explicit `date`. */
function caseDate(reader: YamlReader, record: Record<string, unknown>, path: string): string {
  if (record.date !== undefined) return reader.date(record, 'date', path);
  const period = String(record.period ?? '');
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  if (/^\d{4}(0[1-9]|1[0-2])$/.test(period)) return `${period.slice(0, 4)}-${period.slice(4)}-01`;
  reader.fail(path, '应有 date（YYYY-MM-DD）或 period（YYYY 或 YYYYMM）');
  return '';
}

/** Runs one case; differences are empty when it passes. */
export function runCase(policy: Policy, policyCase: PolicyCase): CaseResult {
  const base = { name: policyCase.name };
  try {
    const effective = policyCase.scenario ? applyScenario(policy, policyCase.scenario) : policy;
    const facts = readFacts(effective, policyCase.facts, `案例「${policyCase.name}」`);
    const evaluation = evaluatePolicy(effective, { facts, date: policyCase.date, region: policyCase.region });
    const differences = compareWithExpectation(evaluation, policyCase.expect);
    return { ...base, passed: differences.length === 0, differences, outcome: evaluation.outcome, amountFen: evaluation.amountFen };
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return { ...base, passed: false, differences: [error.message] };
  }
}

function compareWithExpectation(evaluation: Evaluation, expect: PolicyCase['expect']): string[] {
  const differences: string[] = [];
  const failedId = evaluation.failed?.id;
  if (evaluation.outcome !== expect.outcome) {
    const detail = failedId ? `（未通过：${failedId}）` : evaluation.missing.length ? `（缺少：${evaluation.missing.map((f) => f.name).join('、')}）` : '';
    differences.push(`结果应为 ${expect.outcome}，实为 ${evaluation.outcome}${detail}`);
  }
  if (expect.amountFen !== undefined && evaluation.amountFen !== expect.amountFen) {
    differences.push(`金额应为 ${formatYuan(expect.amountFen)}，实为 ${evaluation.amountFen === null ? '无' : formatYuan(evaluation.amountFen)}`);
  }
  if (expect.failed !== undefined && failedId !== expect.failed) differences.push(`未通过的条件应为 ${expect.failed}，实为 ${failedId ?? '无'}`);
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((item) => b.includes(item));
  const missing = evaluation.missing.map((fact) => fact.name);
  if (expect.missing && !sameSet(expect.missing, missing)) differences.push(`缺少的事实应为 [${expect.missing.join('、')}]，实为 [${missing.join('、')}]`);
  const exceptions = evaluation.exceptions.map((exception) => exception.id);
  if (expect.exceptions && !sameSet(expect.exceptions, exceptions)) differences.push(`适用的例外应为 [${expect.exceptions.join('、')}]，实为 [${exceptions.join('、')}]`);
  if (expect.divisionByZero !== undefined && expect.divisionByZero !== evaluation.divisionByZero) differences.push(`除数为零应为 ${expect.divisionByZero}，实为 ${evaluation.divisionByZero}`);
  if (expect.explanationContains) {
    const explanation = explainEvaluation(evaluation).join('');
    if (!explanation.includes(expect.explanationContains)) differences.push(`解释应包含「${expect.explanationContains}」，实际为「${explanation}」`);
  }
  return differences;
}
