import { toDayNumber } from '../platform/iso-date.ts';
import type { ParamDef, ParamValue, ValueType } from './types.ts';
import { isoFromDays } from './dates.ts';
import { formatNumber, formatPercent, formatYuan, parsePercent, parseYuan } from './values.ts';

/**
 * Parameters by date and region. A value applies from its `from` date (until its `to`, or until
 * a later value of the same region replaces it); for a place, the most specific region with a
 * value wins (county → city → province), then the latest start date not after the evaluation date.
 */

/** The region and its ancestors, most specific first: 320583 → 320583, 320500, 320000. */
export function regionChain(code: string): string[] {
  const chain = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  return chain.filter((region, index) => chain.indexOf(region) === index);
}

/** Whether `region` is `ancestor` or lies inside it. */
export function isWithinRegion(region: string, ancestor: string): boolean {
  return regionChain(region).includes(ancestor);
}

/** The value of a parameter that applies on a day in a region, or undefined. */
export function resolveParameter(param: ParamDef, day: number, region: string): ParamValue | undefined {
  const chain = regionChain(region);
  let best: ParamValue | undefined;
  let bestRank = Infinity;
  for (const value of param.values) {
    const rank = chain.indexOf(value.region);
    if (rank < 0 || value.fromDay > day || day > value.toDay) continue;
    if (rank < bestRank || (rank === bestRank && best && value.fromDay > best.fromDay)) {
      best = value;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * Why a value is above the parameter's cited ceiling, in Chinese, or undefined when it is not
 * (国办发〔2025〕25号: a region may raise refund rates only up to 90 % / 50 %).
 */
export function aboveCeilingProblem(param: Pick<ParamDef, 'label' | 'type' | 'ceiling'>, value: number | number[] | string): string | undefined {
  const ceiling = param.ceiling;
  if (!ceiling || typeof value !== 'number' || value <= ceiling.value) return undefined;
  const text = (x: number) => (param.type === 'money' ? formatYuan(x) : param.type === 'percent' ? formatPercent(x) : formatNumber(x));
  return `「${param.label}」取值 ${text(value)} 超过上限 ${text(ceiling.value)}（${ceiling.source.doc}${ceiling.source.clause ? `：${ceiling.source.clause}` : ''}）`;
}

/** Converts a YAML value to the parameter's runtime form (a flat table when indexed), or a Chinese problem. */
export function convertParamValue(type: ValueType, raw: unknown, keys: readonly (readonly string[])[]): number | number[] | string {
  if (keys.length === 0) return convertScalar(type, raw);
  const cells: number[] = [];
  const problem = flattenTable(type, raw, keys, 0, cells, '');
  return problem ?? cells;
}

function flattenTable(type: ValueType, raw: unknown, keys: readonly (readonly string[])[], level: number, cells: number[], where: string): string | undefined {
  if (level === keys.length) {
    const value = convertScalar(type, raw);
    if (typeof value === 'string') return `${where}：${value}`;
    cells.push(value);
    return undefined;
  }
  const levelKeys = keys[level] ?? [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return `${where || '取值'}应为以 ${levelKeys.join('、')} 为键的映射`;
  const record = raw as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !levelKeys.includes(key));
  if (extra.length > 0) return `${where || '表格'}有多余的键：${extra.join('、')}（应为 ${levelKeys.join('、')}）`;
  for (const key of levelKeys) {
    if (!(key in record)) return `${where || '表格'}缺少键「${key}」（表格须列全 ${levelKeys.join('、')}）`;
    const problem = flattenTable(type, record[key], keys, level + 1, cells, `${where}[${key}]`);
    if (problem) return problem;
  }
  return undefined;
}

function convertScalar(type: ValueType, raw: unknown): number | string {
  switch (type) {
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : `应为数值：${String(raw)}`;
    case 'money':
      return parseYuan(raw) ?? `应为以元为单位、最多两位小数的金额：${String(raw)}`;
    case 'percent':
      // Only "60%" is accepted in policy files: a bare 0.6 or 60 is too easy to misread.
      return typeof raw === 'string' ? (parsePercent(raw) ?? `应为百分比，如 5.5%：${raw}`) : `应为带 % 的百分比，如 5.5%：${String(raw)}`;
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? toDayNumber(raw) : `应为 YYYY-MM-DD 日期：${String(raw)}`;
    case 'bool':
      return typeof raw === 'boolean' ? Number(raw) : `应为 true 或 false：${String(raw)}`;
    case 'text':
      return '参数不能是文本类型（文本请作为事实的取值清单）';
  }
}

/**
 * Load-time check that every parameter has exactly one value on every day of the validity window
 * in every region of the scope: no gap (a day with no value) and no overlap (two values of the
 * same region on one day). Returns the problems in Chinese.
 */
export function checkParameterCoverage(param: ParamDef, scope: string[], valid: { fromDay: number; toDay: number }): string[] {
  const problems: string[] = [];
  const byRegion = new Map<string, ParamValue[]>();
  for (const value of param.values) byRegion.set(value.region, [...(byRegion.get(value.region) ?? []), value]);
  for (const [region, values] of byRegion) {
    const isInScope = scope.some((root) => isWithinRegion(region, root) || isWithinRegion(root, region));
    if (!isInScope) problems.push(`参数「${param.name}」有地区 ${region} 的取值，但该地区不在政策适用范围（${scope.join('、')}）内`);
    problems.push(...findOverlaps(param.name, region, values));
  }
  for (const root of scope) {
    const gap = firstGap(param.values.filter((value) => regionChain(root).includes(value.region)), valid);
    if (gap) problems.push(`参数「${param.name}」在地区 ${root} 的 ${isoFromDays(gap.from)} 至 ${isoFromDays(gap.to)} 没有取值（政策有效期 ${isoFromDays(valid.fromDay)} 至 ${isoFromDays(valid.toDay)}）`);
  }
  return problems;
}

function findOverlaps(name: string, region: string, values: ParamValue[]): string[] {
  const sorted = [...values].sort((a, b) => a.fromDay - b.fromDay);
  const problems: string[] = [];
  for (let index = 1; index < sorted.length; index += 1) {
    const previous = sorted[index - 1] as ParamValue;
    const current = sorted[index] as ParamValue;
    // Without an end date a value yields to the next one of its region; with one, it must end first.
    const isSameStart = previous.fromDay === current.fromDay;
    const runsInto = previous.to !== undefined && previous.toDay >= current.fromDay;
    if (isSameStart || runsInto) {
      problems.push(`参数「${name}」在地区 ${region} 的取值重叠：自 ${previous.from}${previous.to ? ` 至 ${previous.to}` : ''} 与自 ${current.from} 的取值同时有效`);
    }
  }
  return problems;
}

function firstGap(values: ParamValue[], valid: { fromDay: number; toDay: number }): { from: number; to: number } | undefined {
  // Each value covers [from, to]; open-ended values cover until the end of time.
  const intervals = values.map((value) => [value.fromDay, value.toDay] as const).sort((a, b) => a[0] - b[0]);
  let coveredUntil = valid.fromDay - 1;
  for (const [from, to] of intervals) {
    if (from > coveredUntil + 1 && coveredUntil < valid.toDay) break;
    coveredUntil = Math.max(coveredUntil, to);
  }
  if (coveredUntil >= valid.toDay) return undefined;
  const next = intervals.find(([from]) => from > coveredUntil + 1);
  return { from: coveredUntil + 1, to: Math.min(valid.toDay, next ? next[0] - 1 : valid.toDay) };
}
