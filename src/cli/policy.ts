import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { calculateForEnterprise } from '../modules/policy/calculator/calculator.service.ts';
import { isAppError } from '../platform/errors.ts';
import { normalizeIdentifier } from '../platform/identifiers/normalize.ts';
import { requireIsoDate, todayInShanghai } from '../platform/iso-date.ts';
import { runPolicyCases, type PolicyCaseReport } from '../policies/cases.ts';
import { PolicyError } from '../policies/errors.ts';
import { evaluatePolicy } from '../policies/evaluate.ts';
import { explainEvaluation } from '../policies/explain.ts';
import { readFacts } from '../policies/facts.ts';
import { citationOf, loadPolicies, loadPolicy } from '../policies/load.ts';
import { applyScenario, type ScenarioValue } from '../policies/scenario.ts';
import { formatYuan } from '../policies/values.ts';
import { withAppContext } from './context.ts';
import { EXIT, runCommand, usageError, type CommandOptions } from './output.ts';

/**
 * `yangfan policy list|test|calc` (SPEC §4): the policies as data, their readable test cases,
 * and the calculator — over a facts file, or with `--uscc` over the enterprise's facts computed
 * from the database by the version in force (the same object `GET /api/v1/policies/{code}/calc`
 * answers). Policy errors leave in the SPEC §5 shape with their own codes (POLICY_NOT_FOUND,
 * FACTS_INVALID exit 2; FACTS_NOT_AVAILABLE, NOT_FOUND exit 1).
 */

interface CalcOptions extends CommandOptions {
  facts?: string;
  uscc?: string;
  date?: string;
  region?: string;
  scenario?: string;
}

const USAGE_CODES = new Set([
  'POLICY_NOT_FOUND',
  'POLICY_INVALID',
  'CASES_INVALID',
  'FACTS_INVALID',
  'SCENARIO_INVALID',
]);

/** Registers the `policy` command group. */
export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('政策引擎：政策清单、测试案例、政策计算器');

  policy
    .command('list')
    .description('列出政策（编码、名称、文号、有效期、版本）')
    .option('--json', 'JSON 输出')
    .action(async (options: CommandOptions) => {
      await runPolicyCommand(
        options,
        () => ({ policies: loadPolicies().map(describePolicy) }),
        (result) =>
          result.policies
            .map(
              (p) =>
                `${p.code}  ${p.name}  ${p.documents.join('；')}  ${p.valid.from} 至 ${p.valid.to}  版本 ${p.version}`,
            )
            .join('\n'),
      );
    });

  policy
    .command('test [code]')
    .description('运行政策的测试案例（cases.yaml），有失败则退出码为 1')
    .option('--json', 'JSON 输出')
    .action(async (code: string | undefined, options: CommandOptions) => {
      await runPolicyCommand(
        options,
        () => summarizeCases(runPolicyCases(code)),
        describeCaseRun,
        (result) => result.failed > 0,
      );
    });

  policy
    .command('calc <code>')
    .description('按事实文件计算一项政策：结果、金额、解释和缺少的数据')
    .option('--facts <file>', '事实 JSON 文件（金额以元计，如 {"ui_contributions_last_year": 80000}）')
    .option('--uscc <code>', '按企业统一社会信用代码，用数据库中的数据和现行版本计算')
    .option('--date <YYYY-MM-DD>', '评估日期（默认今天，北京时间）')
    .option('--region <code>', '地区代码（默认 320000 江苏省）', '320000')
    .option(
      '--scenario <file>',
      '政策沙盘：以 JSON 给出假设的参数取值，如 {"refund_rate_sme":[{"from":"2025-01-01","region":"320583","value":"90%"}]}',
    )
    .option('--json', 'JSON 输出')
    .action(async (code: string, options: CalcOptions) => {
      await runPolicyCommand(options, () => calculate(code, options), describeCalculation);
    });
}

function describePolicy(policy: ReturnType<typeof loadPolicy>) {
  return {
    code: policy.code,
    name: policy.name,
    documents: citationOf(policy).split('；'),
    valid: { from: policy.valid.from, to: policy.valid.to },
    version: policy.version,
    scope: policy.scope,
    content_sha256: policy.contentSha256,
  };
}

function summarizeCases(reports: PolicyCaseReport[]) {
  const passed = reports.reduce((sum, report) => sum + report.passed, 0);
  const failed = reports.reduce((sum, report) => sum + report.failed, 0);
  const policies = reports.map((report) => ({
    ...report,
    cases: report.cases.map((c) => ({ name: c.name, passed: c.passed, differences: c.differences })),
  }));
  return { passed, failed, policies };
}

function describeCaseRun(result: ReturnType<typeof summarizeCases>): string {
  const lines = result.policies.flatMap((report) => [
    `${report.failed === 0 ? '✓' : '✗'} ${report.code} ${report.name}（版本 ${report.version}）：${report.passed} 条通过，${report.failed} 条失败`,
    ...report.cases
      .filter((c) => !c.passed)
      .flatMap((c) => [`    ✗ ${c.name}`, ...c.differences.map((d) => `        ${d}`)]),
  ]);
  return [...lines, `合计：${result.passed} 条通过，${result.failed} 条失败`].join('\n');
}

function calculate(code: string, options: CalcOptions) {
  if (options.uscc && options.facts) usageError('--uscc 与 --facts 只能选其一');
  if (options.uscc) return calculateFromDatabase(code, options);
  const filed = loadPolicy(code);
  if (!options.facts)
    usageError('请用 --facts <文件.json> 提供事实，或用 --uscc <统一社会信用代码> 按数据库中的企业数据计算');
  const policy = options.scenario
    ? applyScenario(filed, readJson(options.scenario, '沙盘文件') as Record<string, ScenarioValue[]>)
    : filed;
  const date = options.date ? requireIsoDate(options.date, '评估日期（--date）') : todayInShanghai();
  if (!/^\d{6}$/.test(options.region ?? '')) usageError(`地区代码应为 6 位数字：${options.region}`);
  const facts = readFacts(policy, readJson(options.facts, '事实文件'), `事实文件 ${options.facts}`);
  const evaluation = evaluatePolicy(policy, { facts, date, region: options.region as string });
  return {
    policy: policy.code,
    name: policy.name,
    version: policy.version,
    content_sha256: policy.contentSha256,
    date,
    region: evaluation.region,
    outcome: evaluation.outcome,
    amount_fen: evaluation.amountFen,
    failed_condition: evaluation.failed ? { id: evaluation.failed.id, label: evaluation.failed.label } : null,
    missing_facts: evaluation.missing.map((fact) => ({ name: fact.name, label: fact.label, unit: fact.unit ?? null })),
    exceptions: evaluation.exceptions.map((exception) => ({ id: exception.id, label: exception.label })),
    explanation_code: evaluation.code,
    explanation: explainEvaluation(evaluation),
  };
}

/** `--uscc`: the enterprise's facts from the database, evaluated by the catalogue's version in force. */
function calculateFromDatabase(code: string, options: CalcOptions) {
  if (options.scenario)
    usageError('--scenario 只用于 --facts；按全部企业测算假设参数请用政策沙盘（POST /api/v1/policies/{code}/sandbox）');
  const date = options.date ? requireIsoDate(options.date, '评估日期（--date）') : todayInShanghai();
  const uscc = normalizeIdentifier(options.uscc as string);
  return withAppContext((ctx) => calculateForEnterprise(ctx, code, uscc, date));
}

interface CalculationText {
  name: string;
  policy: string;
  version: string;
  date: string;
  region: string;
  outcome: 'eligible' | 'ineligible' | 'undetermined';
  amount_fen: number | null;
  explanation: string[];
  enterprise_name?: string;
  provisional?: { amount_fen: number | null; explanation: string[] } | null;
}

function describeCalculation(result: CalculationText): string {
  const verdict = { eligible: '符合', ineligible: '不符合', undetermined: '无法确定（缺少数据）' }[result.outcome];
  const amount = result.amount_fen === null ? '' : `，金额 ${formatYuan(result.amount_fen)}`;
  const who = result.enterprise_name ? `${result.enterprise_name}，` : '';
  const lines = [
    `${result.name}（${result.policy}，版本 ${result.version}，${who}${result.date}，地区 ${result.region}）：${verdict}${amount}`,
    ...result.explanation.map((line) => `  ${line}`),
  ];
  if (result.provisional)
    lines.push('  暂按以下假设计算：', ...result.provisional.explanation.map((line) => `    ${line}`));
  return lines.join('\n');
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyError(
      'FACTS_INVALID',
      `无法读取${what}：${file}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyError('FACTS_INVALID', `${what}不是有效的 JSON：${file}（${(error as Error).message}）`);
  }
}

/** runCommand, with policy-engine errors rendered in the same error shape under their own codes. */
async function runPolicyCommand<T>(
  options: CommandOptions,
  work: () => T | Promise<T>,
  describe: (result: T) => string,
  isFailure?: (result: T) => boolean,
): Promise<void> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // Usage-class policy codes (an unknown policy, a bad facts file) exit 2 whichever layer raised them.
    if (isAppError(error) && USAGE_CODES.has(error.code)) {
      return reportPolicyError(options, {
        code: error.code,
        message: error.message,
        problems: Array.isArray(error.details) ? (error.details as string[]) : [],
      });
    }
    if (!(error instanceof PolicyError)) return runCommand(options, () => Promise.reject(error), describe);
    return reportPolicyError(options, error);
  }
  await runCommand(options, () => result, describe, isFailure);
}

function reportPolicyError(
  options: CommandOptions,
  error: { code: string; message: string; problems: string[] },
): void {
  const body = {
    error: { code: error.code, message: error.message, ...(error.problems.length ? { details: error.problems } : {}) },
  };
  if (options.json) process.stdout.write(`${JSON.stringify(body)}\n`);
  else
    process.stderr.write(`错误 [${error.code}]：${error.message}\n${error.problems.map((p) => `  ${p}\n`).join('')}`);
  process.exitCode = USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.failure;
}
