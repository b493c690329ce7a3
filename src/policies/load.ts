import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toDayNumber } from '../platform/iso-date.ts';
import { resolveDeclaredFacts } from './declared-facts.ts';
import { PolicyError } from './errors.ts';
import { checkExceptionPriorities } from './exceptions-check.ts';
import { buildConditions, buildDefinitions, compileExpression, type BasisResolver } from './load-rules.ts';
import { BUILT_IN_CONDITIONS } from './outcome.ts';
import { aboveCeilingProblem, checkParameterCoverage, convertParamValue } from './parameters.ts';
import { readPolicySchema, type RawPolicy } from './schema.ts';
import { referencesOf } from './tree.ts';
import { EVAL_DATE, type TypeEnv } from './typecheck.ts';
import type { FactDef, ParamDef, ParamValue, Policy, Source } from './types.ts';
import { YamlReader } from './yaml-reader.ts';

/**
 * Loads policies/<code>/policy.yaml into a checked Policy. Loading refuses, with every problem
 * listed in Chinese, a file whose expressions do not type-check, whose parameters leave a gap or
 * an overlap in date × region over the validity window, or whose exceptions are ambiguous.
 */

/** The repository's policies/ folder. */
export const POLICIES_DIR = fileURLToPath(new URL('../../policies/', import.meta.url));

/** The codes of the policies in a folder (sub-folders holding a policy.yaml), sorted. */
export function listPolicyCodes(dir = POLICIES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'policy.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/** Loads one policy by code; POLICY_NOT_FOUND when there is no such folder. */
export function loadPolicy(code: string, dir = POLICIES_DIR): Policy {
  const file = join(dir, code, 'policy.yaml');
  if (!/^[a-z][a-z0-9_]*$/.test(code) || !existsSync(file)) {
    throw new PolicyError('POLICY_NOT_FOUND', `没有编码为「${code}」的政策（可用：${listPolicyCodes(dir).join('、') || '无'}）`);
  }
  return buildPolicy(readFileSync(file, 'utf8'), displayPath(file), code);
}

/** Loads every policy in the folder; one broken file refuses the whole set, naming all problems. */
export function loadPolicies(dir = POLICIES_DIR): Policy[] {
  const policies: Policy[] = [];
  const problems: string[] = [];
  for (const code of listPolicyCodes(dir)) {
    try {
      policies.push(loadPolicy(code, dir));
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      problems.push(...(error.problems.length ? error.problems : [error.message]));
    }
  }
  if (problems.length > 0) throw new PolicyError('POLICY_INVALID', `政策文件有 ${problems.length} 处问题`, problems);
  return policies;
}

/** Builds a policy from YAML text; `file` names it in messages. */
export function buildPolicy(text: string, file: string, expectedCode?: string): Policy {
  const reader = new YamlReader(file);
  const raw = readPolicySchema(reader, reader.parse(text));
  const policy = raw && reader.problems.length === 0 ? assemble(raw, reader, file, text) : undefined;
  if (expectedCode && raw && raw.code !== expectedCode) reader.fail('code', `政策编码「${raw.code}」应与目录名「${expectedCode}」一致`);
  if (!policy || reader.problems.length > 0) {
    throw new PolicyError('POLICY_INVALID', `${file} 有 ${reader.problems.length} 处问题`, reader.problems);
  }
  return policy;
}

function displayPath(file: string): string {
  const fromRoot = relative(join(POLICIES_DIR, '..'), file);
  return fromRoot.startsWith('..') ? file : fromRoot;
}

function assemble(raw: RawPolicy, reader: YamlReader, file: string, text: string): Policy | undefined {
  const sources = new Map(raw.sources.map((source) => [source.key, source]));
  const basis: BasisResolver = (keys, path) => keys.flatMap((key) => {
    const source = sources.get(key);
    if (!source) reader.fail(path, `未定义的出处「${key}」（请在 sources 中登记）`);
    return source ? [source] : [];
  });
  const facts = buildFacts(raw, reader);
  const factsByName = new Map(facts.map((fact) => [fact.name, fact]));
  const declaredFacts = resolveDeclaredFacts(reader, raw.declaredFacts, factsByName);
  const parameters = buildParameters(raw, factsByName, basis, reader);
  checkNameClashes(raw, reader);
  const env: TypeEnv = { facts: factsByName, parameters, definitions: new Map(raw.definitions.map((d) => [d.name, { type: d.type }])) };
  const definitions = buildDefinitions(raw.definitions, env, basis, reader);
  const conditions = buildConditions(raw.conditions, env, basis, reader);
  const amountFormula = compileExpression(raw.amount.formula, 'amount.formula', env, reader, 'money');
  if (!amountFormula || reader.problems.length > 0) return undefined;
  const valid = { ...raw.valid, fromDay: toDayNumber(raw.valid.from), toDay: toDayNumber(raw.valid.to) };
  if (valid.fromDay > valid.toDay) reader.fail('valid', `有效期起始 ${valid.from} 晚于结束 ${valid.to}`);
  const policy: Policy = {
    code: raw.code, name: raw.name, version: raw.version, summary: raw.summary, issuer: raw.issuer, subject: raw.subject,
    scope: raw.scope, valid, legalBasis: basis(raw.legalBasis, 'legal_basis'), sources, facts, factsByName, parameters,
    definitions, conditions, amount: { label: raw.amount.label, formula: amountFormula, basis: basis(raw.amount.basis, 'amount.basis') },
    delivery: raw.delivery.delivery, attachments: raw.delivery.attachments, declaredFacts, benefitIdentity: raw.benefitIdentity, file, contentSha256: createHash('sha256').update(text).digest('hex'),
  };
  runStaticChecks(policy, reader);
  return policy;
}

function buildFacts(raw: RawPolicy, reader: YamlReader): FactDef[] {
  // Missing facts are reported as a bit mask in one Int32 (bit 31 marks a division by zero).
  if (raw.facts.length > 31) reader.fail('facts', `一个政策最多 31 个事实，这里有 ${raw.facts.length} 个`);
  return raw.facts.map((fact, bit) => ({ name: fact.name, bit, label: fact.label, type: fact.type, unit: fact.unit, description: fact.description, values: fact.values }));
}

function buildParameters(raw: RawPolicy, facts: Map<string, FactDef>, basis: BasisResolver, reader: YamlReader): Map<string, ParamDef> {
  const parameters = new Map<string, ParamDef>();
  for (const param of raw.parameters) {
    const keys = param.indexedBy.map((name) => {
      const fact = facts.get(name);
      if (!fact?.values) reader.fail(`${param.path}.indexed_by`, `「${name}」应为有取值清单的文本事实`);
      return fact?.values ?? [];
    });
    const ceiling = buildCeiling(param, keys, basis, reader);
    const values = param.values.flatMap((entry): ParamValue[] => {
      const value = convertParamValue(param.type, entry.value, keys);
      if (typeof value === 'string') reader.fail(`${entry.path}.value`, value);
      const [source] = basis([entry.source], `${entry.path}.source`);
      if (typeof value === 'string' || !source || !entry.from) return [];
      const aboveCeiling = aboveCeilingProblem({ label: param.label, type: param.type, ceiling }, value);
      if (aboveCeiling) reader.fail(`${entry.path}.value`, aboveCeiling);
      const to = entry.to;
      return [{ from: entry.from, fromDay: toDayNumber(entry.from), to, toDay: to ? toDayNumber(to) : Infinity, region: entry.region, value, source, isScenario: false }];
    });
    parameters.set(param.name, { name: param.name, label: param.label, type: param.type, unit: param.unit, indexedBy: param.indexedBy, keys, values, ceiling });
  }
  return parameters;
}

function buildCeiling(param: RawPolicy['parameters'][number], keys: readonly (readonly string[])[], basis: BasisResolver, reader: YamlReader): ParamDef['ceiling'] {
  if (!param.ceiling) return undefined;
  if (keys.length > 0 || !['number', 'money', 'percent'].includes(param.type)) {
    reader.fail(param.ceiling.path, '只有数值、金额或百分比的单值参数可以有上限（ceiling）');
    return undefined;
  }
  const value = convertParamValue(param.type, param.ceiling.value, []);
  if (typeof value !== 'number') reader.fail(`${param.ceiling.path}.value`, String(value));
  const [source] = basis([param.ceiling.source], `${param.ceiling.path}.source`);
  return typeof value === 'number' && source ? { value, source } : undefined;
}

function checkNameClashes(raw: RawPolicy, reader: YamlReader): void {
  const seen = new Map<string, string>([[EVAL_DATE, '内置名称']]);
  const groups: [string, { name: string; path: string }[]][] = [['事实', raw.facts], ['参数', raw.parameters], ['中间量', raw.definitions]];
  for (const [kind, entries] of groups) {
    for (const entry of entries) {
      const earlier = seen.get(entry.name);
      if (earlier) reader.fail(entry.path, `名称「${entry.name}」已被${earlier}使用`);
      seen.set(entry.name, kind);
    }
  }
  const exceptionIds = raw.definitions.flatMap((definition) => definition.exceptions.map((exception) => exception.id));
  exceptionIds.forEach((id, index) => {
    if (exceptionIds.indexOf(id) !== index) reader.fail('definitions', `例外编号重复：${id}`);
  });
  raw.conditions.forEach((condition) => {
    if (condition.id in BUILT_IN_CONDITIONS) reader.fail(`${condition.path}.id`, `「${condition.id}」是保留的条件编号`);
  });
}

function runStaticChecks(policy: Policy, reader: YamlReader): void {
  for (const param of policy.parameters.values()) {
    checkParameterCoverage(param, policy.scope, policy.valid).forEach((problem) => reader.fail(`parameters.${param.name}`, problem));
  }
  for (const definition of policy.definitions) {
    checkExceptionPriorities(definition, policy.factsByName).forEach((problem) => reader.fail(`definitions.${definition.name}`, problem));
  }
  const trees = [
    ...policy.definitions.flatMap((d) => [d.formula, ...d.exceptions.flatMap((e) => [e.when, e.value])]),
    ...policy.conditions.map((condition) => condition.when),
    policy.amount.formula,
  ];
  const used = trees.map(referencesOf);
  const isUsed = (kind: 'facts' | 'parameters' | 'definitions', name: string) => used.some((refs) => refs[kind].has(name));
  // An unused fact would still be demanded from the database side; an unused parameter is dead data.
  policy.facts.filter((fact) => !isUsed('facts', fact.name)).forEach((fact) => reader.fail(`facts.${fact.name}`, '该事实未被任何公式使用'));
  [...policy.parameters.keys()].filter((name) => !isUsed('parameters', name)).forEach((name) => reader.fail(`parameters.${name}`, '该参数未被任何公式使用'));
}

/** A policy's sources in citation order, for listings: the 文号 of its legal basis. */
export function citationOf(policy: Policy): string {
  return policy.legalBasis.map((source: Source) => source.doc).join('；');
}
