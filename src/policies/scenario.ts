import { isIsoDate, toDayNumber } from '../platform/iso-date.ts';
import { PolicyError } from './errors.ts';
import { checkParameterCoverage, convertParamValue } from './parameters.ts';
import type { ParamDef, ParamValue, Policy, Source } from './types.ts';

/**
 * What-if parameter values (政策沙盘): a copy of a policy with some parameter values added or
 * replaced, checked for gaps and overlaps like the real file. Live decisions never use it; the
 * result carries the scenario mark on every value it introduced.
 */

export interface ScenarioValue {
  from: string;
  to?: string;
  region: string;
  value: unknown;
}

const SCENARIO_SOURCE: Source = { key: 'scenario', doc: '政策沙盘假设取值', secondary: false, note: '非现行政策，仅用于测算' };

/** Returns the policy with scenario values; a value with the same region and start replaces the filed one. */
export function applyScenario(policy: Policy, scenario: Record<string, ScenarioValue[]>): Policy {
  const problems: string[] = [];
  const parameters = new Map(policy.parameters);
  for (const [name, entries] of Object.entries(scenario)) {
    const param = policy.parameters.get(name);
    if (!param) {
      problems.push(`沙盘参数「${name}」不是政策 ${policy.code} 的参数`);
      continue;
    }
    const values = entries.flatMap((entry, index) => {
      const converted = convertScenarioValue(param, entry);
      if (typeof converted === 'string') problems.push(`沙盘参数「${name}」第 ${index + 1} 个取值：${converted}`);
      return typeof converted === 'string' ? [] : [converted];
    });
    const kept = param.values.filter((value) => !values.some((added) => added.region === value.region && added.fromDay === value.fromDay));
    const changed: ParamDef = { ...param, values: [...kept, ...values] };
    problems.push(...checkParameterCoverage(changed, policy.scope, policy.valid));
    parameters.set(name, changed);
  }
  if (problems.length === 1) throw new PolicyError('SCENARIO_INVALID', problems[0]);
  if (problems.length > 1) throw new PolicyError('SCENARIO_INVALID', `沙盘参数有 ${problems.length} 处问题`, problems);
  return { ...policy, parameters, version: `${policy.version}+沙盘` };
}

function convertScenarioValue(param: ParamDef, entry: ScenarioValue): ParamValue | string {
  if (!isIsoDate(String(entry.from)) || (entry.to !== undefined && !isIsoDate(String(entry.to)))) return '日期应为 YYYY-MM-DD';
  if (!/^\d{6}$/.test(String(entry.region))) return `地区代码应为 6 位：${String(entry.region)}`;
  const value = convertParamValue(param.type, entry.value, param.keys);
  if (typeof value === 'string') return value;
  const to = entry.to === undefined ? undefined : String(entry.to);
  return {
    from: String(entry.from),
    fromDay: toDayNumber(String(entry.from)),
    to,
    toDay: to ? toDayNumber(to) : Infinity,
    region: String(entry.region),
    value,
    source: SCENARIO_SOURCE,
    isScenario: true,
  };
}
