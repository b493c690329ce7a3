import type { PolicyDelivery } from './delivery.ts';
import type { FactDef } from './types.ts';
import type { YamlReader } from './yaml-reader.ts';

/**
 * 申报事实 (`declared_facts` in policy.yaml): facts that no data on file can answer but the applicant
 * of an application policy knows and proves with a listed material — the term of a labour contract,
 * a person's own monthly contribution. The enterprise declares them on its case, the engine
 * evaluates them like any other fact, and the reviewer checks them against the materials.
 */

/** A fact the applicant may declare, the label its input shows, and the materials that prove it. */
export interface DeclaredFactDef {
  fact: string;
  label: string;
  /** Codes of the policy's attachments that prove the value. */
  provedBy: string[];
}

/** A declared fact as written, before its fact is resolved against the policy's facts. */
export interface RawDeclaredFact {
  fact: string;
  label?: string;
  provedBy: string[];
  path: string;
}

const KEYS = ['fact', 'label', 'proved_by'];

/** Reads `declared_facts`: only an application policy has them, each proved by one of its materials. */
export function readDeclaredFacts(reader: YamlReader, top: Record<string, unknown>, delivery: PolicyDelivery): RawDeclaredFact[] {
  if (top.declared_facts === undefined) return [];
  if (delivery.delivery !== 'application') {
    reader.fail('declared_facts', '免申即享政策（delivery: exempt）没有申请环节，不能由企业申报事实（declared_facts）');
    return [];
  }
  const entries = reader.list(top.declared_facts, 'declared_facts').map((entry, index) => readEntry(reader, entry, `declared_facts[${index}]`, delivery));
  if (Array.isArray(top.declared_facts) && entries.length === 0) reader.fail('declared_facts', '至少列出一项申报事实，或删去 declared_facts');
  entries.forEach((entry, index) => {
    if (entry.fact && entries.findIndex((other) => other.fact === entry.fact) !== index) reader.fail(`${entry.path}.fact`, `申报事实重复：${entry.fact}`);
  });
  return entries;
}

function readEntry(reader: YamlReader, entry: unknown, path: string, delivery: PolicyDelivery): RawDeclaredFact {
  const record = reader.object(entry, path, KEYS) ?? {};
  if (record.proved_by === undefined) reader.fail(`${path}.proved_by`, '缺少此项（证明该事实的申请材料编码，见 attachments）');
  const provedBy = record.proved_by === undefined ? [] : reader.texts(record, 'proved_by', path);
  if (record.proved_by !== undefined && provedBy.length === 0) reader.fail(`${path}.proved_by`, '至少需要一项证明材料');
  const codes = delivery.attachments.map((attachment) => attachment.code);
  provedBy.forEach((code, index) => {
    if (!codes.includes(code)) reader.fail(`${path}.proved_by[${index}]`, `未列出的申请材料「${code}」（attachments 中有：${codes.join('、') || '无'}）`);
  });
  return { fact: reader.text(record, 'fact', path), label: reader.optionalText(record, 'label', path), provedBy, path };
}

/** Resolves each declared fact against the policy's facts (an unknown name is refused); the label defaults to the fact's. */
export function resolveDeclaredFacts(reader: YamlReader, raw: readonly RawDeclaredFact[], facts: ReadonlyMap<string, FactDef>): DeclaredFactDef[] {
  return raw.flatMap((entry) => {
    const fact = facts.get(entry.fact);
    if (!fact) {
      if (entry.fact) reader.fail(`${entry.path}.fact`, `未定义的事实「${entry.fact}」（本政策的事实有：${[...facts.keys()].join('、')}）`);
      return [];
    }
    return [{ fact: fact.name, label: entry.label ?? fact.label, provedBy: entry.provedBy }];
  });
}
