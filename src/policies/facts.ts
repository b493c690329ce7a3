import { isIsoDate, toDayNumber } from '../platform/iso-date.ts';
import { PolicyError } from './errors.ts';
import type { FactValues } from './evaluate.ts';
import type { FactDef, Policy } from './types.ts';
import { parsePercent, parseYuan } from './values.ts';

/**
 * Facts as people and files write them (money in yuan, "3.2%", "2024-07-01", true/false, a text
 * from the fact's list) turned into runtime values. An absent or null fact stays missing — it is
 * never read as zero — and an unknown name is refused, because a typo would otherwise look missing.
 */

/** Converts one JSON/YAML object of facts for a policy, or throws FACTS_INVALID listing every problem. */
export function readFacts(policy: Policy, raw: unknown, where = '事实'): FactValues {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new PolicyError('FACTS_INVALID', `${where}应为一个对象，如 {"insured_avg_last_year": 120}`);
  }
  const facts = new Map<string, number | string>();
  const problems: string[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const fact = policy.factsByName.get(name);
    if (!fact) {
      problems.push(`${where}：未知事实「${name}」（政策 ${policy.code} 的事实有：${policy.facts.map((f) => f.name).join('、')}）`);
      continue;
    }
    if (value === null || value === undefined) continue;
    const converted = convertFact(fact, value);
    if (typeof converted === 'object') problems.push(`${where}：${name}（${fact.label}）${converted.problem}`);
    else facts.set(name, converted);
  }
  if (problems.length === 1) throw new PolicyError('FACTS_INVALID', problems[0]);
  if (problems.length > 1) throw new PolicyError('FACTS_INVALID', `${where}：有 ${problems.length} 处问题`, problems);
  return facts;
}

/** Converts one fact value to its runtime form, or describes the problem. */
export function convertFact(fact: FactDef, value: unknown): number | string | { problem: string } {
  switch (fact.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : { problem: `应为数值：${JSON.stringify(value)}` };
    case 'money':
      return parseYuan(value) ?? { problem: `应为以元为单位、最多两位小数的金额：${JSON.stringify(value)}` };
    case 'percent': {
      const fraction = parsePercent(value);
      return fraction ?? { problem: `应为百分比（如 "3.2%" 或小数 0.032）：${JSON.stringify(value)}` };
    }
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? toDayNumber(value) : { problem: `应为 YYYY-MM-DD 日期：${JSON.stringify(value)}` };
    case 'bool':
      return typeof value === 'boolean' ? Number(value) : { problem: `应为 true 或 false：${JSON.stringify(value)}` };
    case 'text':
      return typeof value === 'string' && fact.values?.includes(value) ? value : { problem: `应为以下之一：${fact.values?.join('、')}；却是 ${JSON.stringify(value)}` };
  }
}
