import { aboveCeilingProblem, convertParamValue } from '../../../policies/parameters.ts';
import type { Policy } from '../../../policies/types.ts';
import type { PolicyDocument } from '../policy-versions.ts';

/**
 * An official's parameter edit as a change to the policy document: values are added, replaced
 * (same region and start date) or removed, each new value citing a source registered for the
 * edit. The result is checked by the engine's own loader, so a gap or an overlap in date ×
 * region is refused with the engine's message.
 */

export interface ParameterChange {
  parameter: string;
  from: string;
  to?: string | null;
  region: string;
  /** As a policy file writes it: "90%", 1500 (元), 12, "2025-12-31", true, or a table. */
  value?: unknown;
  /** Remove the value of this region and start date instead of setting one. */
  remove?: boolean;
}

/** The document a new value cites; defaults to the province bureau's adjustment. */
export interface EditSource {
  doc?: string;
  clause?: string;
  url?: string;
}

export interface EditMeta {
  sourceKey: string;
  versionLabel: string;
  reason: string;
  editor: string;
  date: string;
  source?: EditSource;
}

interface RawValue {
  from?: unknown;
  to?: unknown;
  region?: unknown;
  value?: unknown;
  source?: unknown;
  note?: unknown;
}

/** The edited document, or the problems that stop the edit before the engine sees it. */
export function applyParameterChanges(
  document: PolicyDocument,
  changes: ParameterChange[],
  meta: EditMeta,
): { document: PolicyDocument; problems: string[] } {
  const edited = structuredClone(document);
  const parameters = (edited.parameters ?? {}) as Record<string, { values?: RawValue[] }>;
  const problems: string[] = [];
  if (changes.length === 0) problems.push('至少需要一项参数调整');
  changes.forEach((change, index) => {
    const where = `第 ${index + 1} 项调整（${change.parameter}）`;
    const param = parameters[change.parameter];
    if (!param || !Array.isArray(param.values)) {
      problems.push(`${where}：政策没有参数「${change.parameter}」（可调整：${Object.keys(parameters).join('、')}）`);
      return;
    }
    const sameSlot = (entry: RawValue) => String(entry.region) === change.region && String(entry.from) === change.from;
    const existing = param.values.findIndex(sameSlot);
    if (change.remove) {
      if (existing < 0) problems.push(`${where}：没有地区 ${change.region} 自 ${change.from} 起的取值可删除`);
      else param.values.splice(existing, 1);
      return;
    }
    if (change.value === undefined || change.value === null) {
      problems.push(`${where}：缺少取值（value）`);
      return;
    }
    const entry: RawValue = { from: change.from, region: change.region, value: change.value, source: meta.sourceKey };
    if (change.to) entry.to = change.to;
    if (existing >= 0) param.values[existing] = entry;
    else param.values.push(entry);
  });
  const sources = (edited.sources ?? {}) as Record<string, unknown>;
  sources[meta.sourceKey] = {
    doc: meta.source?.doc?.trim() || '江苏省人力资源和社会保障厅参数调整',
    clause: meta.source?.clause?.trim() || meta.reason,
    ...(meta.source?.url ? { url: meta.source.url } : {}),
    note: `${meta.editor} 于 ${meta.date} 调整（版本 ${meta.versionLabel}）：${meta.reason}`,
  };
  edited.sources = sources;
  edited.version = meta.versionLabel;
  return { document: edited, problems };
}

/**
 * Why the changed values exceed their parameters' cited ceilings (国办发〔2025〕25号 caps raised
 * refund rates at 90 % / 50 %), in Chinese; empty when none does. The ceilings are read from the
 * version in force: an edit changes values only, never a ceiling.
 */
export function ceilingProblems(policy: Policy, changes: ParameterChange[]): string[] {
  return changes.flatMap((change) => {
    const param = policy.parameters.get(change.parameter);
    if (!param?.ceiling || change.remove || change.value === undefined || change.value === null) return [];
    const problem = aboveCeilingProblem(param, convertParamValue(param.type, change.value, param.keys));
    return problem ? [`${problem}：地区 ${change.region} 自 ${change.from} 起的取值不能高于上限`] : [];
  });
}

/** The label of the next edit: the file's version with an edit count, 2025.1 → 2025.1-e1 → 2025.1-e2. */
export function nextEditLabel(currentLabel: string): string {
  const match = /^(.*)-e(\d+)$/.exec(currentLabel);
  return match ? `${match[1]}-e${Number(match[2]) + 1}` : `${currentLabel}-e1`;
}
