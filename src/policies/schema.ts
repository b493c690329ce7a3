import { readDeclaredFacts, type RawDeclaredFact } from './declared-facts.ts';
import { readBenefitIdentity, type BenefitIdentity } from './benefit-identity.ts';
import { readDelivery, type PolicyDelivery } from './delivery.ts';
import type { ValueType } from './types.ts';
import type { YamlReader } from './yaml-reader.ts';

/**
 * The shape of policies/<code>/policy.yaml, checked field by field with Chinese messages that
 * name the file and the path. Expressions stay text here; load.ts parses and types them.
 */

export interface RawSource {
  key: string;
  doc: string;
  title?: string;
  clause?: string;
  issuer?: string;
  url?: string;
  secondary: boolean;
  note?: string;
  sourceQuality?: string;
}

export interface RawFact {
  name: string;
  label: string;
  type: ValueType;
  unit?: string;
  description: string;
  values?: string[];
  path: string;
}

export interface RawParamValue {
  from: string;
  to?: string;
  region: string;
  value: unknown;
  source: string;
  path: string;
}

/** The highest value a parameter may take (国办发〔2025〕25号 caps raised refund rates), with its source. */
export interface RawCeiling {
  value: unknown;
  source: string;
  path: string;
}

export interface RawParam {
  name: string;
  label: string;
  type: ValueType;
  unit?: string;
  indexedBy: string[];
  values: RawParamValue[];
  ceiling?: RawCeiling;
  path: string;
}

export interface RawException {
  id: string;
  label: string;
  priority: number;
  when: string;
  value: string;
  basis: string[];
  path: string;
}

export interface RawDefinition {
  name: string;
  label: string;
  type: ValueType;
  unit?: string;
  formula: string;
  basis: string[];
  exceptions: RawException[];
  path: string;
}

export interface RawCondition {
  id: string;
  label: string;
  when: string;
  basis: string[];
  path: string;
}

export interface RawPolicy {
  code: string;
  name: string;
  version: string;
  summary: string;
  issuer: string;
  subject: string;
  scope: string[];
  valid: { from: string; to: string };
  legalBasis: string[];
  sources: RawSource[];
  facts: RawFact[];
  parameters: RawParam[];
  definitions: RawDefinition[];
  conditions: RawCondition[];
  amount: { label: string; formula: string; basis: string[]; path: string };
  /** 免申即享 or an application with materials (delivery.ts). */
  delivery: PolicyDelivery;
  /** Facts the applicant of an application policy declares (declared-facts.ts). */
  declaredFacts: RawDeclaredFact[];
  /** What one benefit is: the parts of the key paid once (benefit-identity.ts). */
  benefitIdentity: BenefitIdentity;
}

const TOP_KEYS = ['code', 'name', 'version', 'summary', 'issuer', 'subject', 'scope', 'valid', 'legal_basis', 'sources', 'facts', 'parameters', 'definitions', 'conditions', 'amount', 'delivery', 'attachments', 'declared_facts', 'benefit_identity'];
const VALUE_TYPES: ValueType[] = ['number', 'money', 'percent', 'date', 'bool', 'text'];
const REGION = /^\d{6}$/;

/** Reads a parsed policy.yaml into a RawPolicy, recording every problem in the reader. */
export function readPolicySchema(reader: YamlReader, document: unknown): RawPolicy | undefined {
  const top = reader.object(document, '（顶层）', TOP_KEYS);
  if (!top) return undefined;
  const valid = reader.object(top.valid, 'valid', ['from', 'to']) ?? {};
  const amount = reader.object(top.amount, 'amount', ['label', 'formula', 'basis']) ?? {};
  const delivery = readDelivery(reader, top);
  return {
    code: reader.text(top, 'code', ''),
    name: reader.text(top, 'name', ''),
    version: reader.text(top, 'version', ''),
    summary: reader.text(top, 'summary', ''),
    issuer: reader.text(top, 'issuer', ''),
    subject: reader.text(top, 'subject', ''),
    scope: readRegions(reader, top),
    valid: { from: reader.date(valid, 'from', 'valid'), to: reader.date(valid, 'to', 'valid') },
    legalBasis: reader.texts(top, 'legal_basis', ''),
    sources: reader.namedEntries(top, 'sources', '').map(([key, value, path]) => readSource(reader, key, value, path)),
    facts: reader.namedEntries(top, 'facts', '').map(([name, value, path]) => readFact(reader, name, value, path)),
    parameters: reader.namedEntries(top, 'parameters', '').map(([name, value, path]) => readParam(reader, name, value, path)),
    definitions: reader.namedEntries(top, 'definitions', '', false).map(([name, value, path]) => readDefinition(reader, name, value, path)),
    conditions: reader.list(top.conditions, 'conditions').map((value, index) => readCondition(reader, value, `conditions[${index}]`)),
    amount: { label: reader.text(amount, 'label', 'amount'), formula: reader.text(amount, 'formula', 'amount'), basis: reader.texts(amount, 'basis', 'amount'), path: 'amount' },
    delivery,
    declaredFacts: readDeclaredFacts(reader, top, delivery),
    benefitIdentity: readBenefitIdentity(reader, top),
  };
}

function readRegions(reader: YamlReader, top: Record<string, unknown>): string[] {
  const regions = reader.texts(top, 'scope', '');
  regions.forEach((region, index) => {
    if (!REGION.test(region)) reader.fail(`scope[${index}]`, `地区代码应为 6 位 GB/T 2260 代码：${region}`);
  });
  if (regions.length === 0) reader.fail('scope', '至少需要一个地区');
  return regions;
}

function readSource(reader: YamlReader, key: string, value: unknown, path: string): RawSource {
  const record = reader.object(value, path, ['doc', 'title', 'clause', 'issuer', 'url', 'secondary', 'note', 'source_quality']) ?? {};
  return {
    key,
    doc: reader.text(record, 'doc', path),
    title: reader.optionalText(record, 'title', path),
    clause: reader.optionalText(record, 'clause', path),
    issuer: reader.optionalText(record, 'issuer', path),
    url: reader.optionalText(record, 'url', path),
    secondary: reader.flag(record, 'secondary', path),
    note: reader.optionalText(record, 'note', path),
    sourceQuality: reader.optionalText(record, 'source_quality', path),
  };
}

function readType(reader: YamlReader, record: Record<string, unknown>, path: string): ValueType {
  const type = reader.text(record, 'type', path) as ValueType;
  if (type && !VALUE_TYPES.includes(type)) reader.fail(`${path}.type`, `类型应为 ${VALUE_TYPES.join('、')} 之一：${type}`);
  return type;
}

function readFact(reader: YamlReader, name: string, value: unknown, path: string): RawFact {
  const record = reader.object(value, path, ['label', 'type', 'unit', 'description', 'values']) ?? {};
  const type = readType(reader, record, path);
  const values = record.values === undefined ? undefined : reader.texts(record, 'values', path);
  if (type === 'text' && (!values || values.length === 0)) reader.fail(`${path}.values`, '文本事实必须列出全部取值（values），以便校验和按列编码');
  if (type !== 'text' && values) reader.fail(`${path}.values`, '只有文本事实可以有取值清单');
  const unit = reader.optionalText(record, 'unit', path);
  return { name, label: reader.text(record, 'label', path), type, unit, description: reader.text(record, 'description', path), values, path };
}

function readParam(reader: YamlReader, name: string, value: unknown, path: string): RawParam {
  const record = reader.object(value, path, ['label', 'type', 'unit', 'indexed_by', 'description', 'values', 'ceiling']) ?? {};
  const values = reader.list(record.values, `${path}.values`).map((entry, index) => readParamValue(reader, entry, `${path}.values[${index}]`));
  if (values.length === 0) reader.fail(`${path}.values`, '至少需要一个取值');
  return {
    name,
    label: reader.text(record, 'label', path),
    type: readType(reader, record, path),
    unit: reader.optionalText(record, 'unit', path),
    indexedBy: reader.texts(record, 'indexed_by', path, false),
    values,
    ceiling: record.ceiling === undefined ? undefined : readCeiling(reader, record.ceiling, `${path}.ceiling`),
    path,
  };
}

function readCeiling(reader: YamlReader, entry: unknown, path: string): RawCeiling {
  const record = reader.object(entry, path, ['value', 'source']) ?? {};
  if (record.value === undefined) reader.fail(`${path}.value`, '缺少此项');
  return { value: record.value, source: reader.text(record, 'source', path), path };
}

function readParamValue(reader: YamlReader, entry: unknown, path: string): RawParamValue {
  const record = reader.object(entry, path, ['from', 'to', 'region', 'value', 'source', 'note']) ?? {};
  const region = reader.text(record, 'region', path);
  if (region && !REGION.test(region)) reader.fail(`${path}.region`, `地区代码应为 6 位 GB/T 2260 代码：${region}`);
  if (record.value === undefined) reader.fail(`${path}.value`, '缺少此项');
  const to = record.to === undefined ? undefined : reader.date(record, 'to', path);
  return { from: reader.date(record, 'from', path), to, region, value: record.value, source: reader.text(record, 'source', path), path };
}

function readDefinition(reader: YamlReader, name: string, value: unknown, path: string): RawDefinition {
  const record = reader.object(value, path, ['label', 'type', 'unit', 'formula', 'default', 'basis', 'exceptions']) ?? {};
  const hasFormula = record.formula !== undefined;
  if (hasFormula === (record.default !== undefined)) reader.fail(path, '应有 formula（公式）或 default（默认值，配合 exceptions），二者取其一');
  const exceptions = record.exceptions === undefined ? [] : reader.list(record.exceptions, `${path}.exceptions`).map((entry, index) => readException(reader, entry, `${path}.exceptions[${index}]`));
  if (hasFormula && exceptions.length > 0) reader.fail(`${path}.exceptions`, '有例外的中间量请用 default 写默认值');
  return {
    name,
    label: reader.text(record, 'label', path),
    type: readType(reader, record, path),
    unit: reader.optionalText(record, 'unit', path),
    formula: reader.text(record, hasFormula ? 'formula' : 'default', path),
    basis: reader.texts(record, 'basis', path, false),
    exceptions,
    path,
  };
}

function readException(reader: YamlReader, entry: unknown, path: string): RawException {
  const record = reader.object(entry, path, ['id', 'label', 'priority', 'when', 'value', 'basis']) ?? {};
  return {
    id: reader.text(record, 'id', path),
    label: reader.text(record, 'label', path),
    priority: reader.integer(record, 'priority', path),
    when: reader.text(record, 'when', path),
    value: reader.text(record, 'value', path),
    basis: reader.texts(record, 'basis', path),
    path,
  };
}

function readCondition(reader: YamlReader, entry: unknown, path: string): RawCondition {
  const record = reader.object(entry, path, ['id', 'label', 'when', 'basis']) ?? {};
  return { id: reader.text(record, 'id', path), label: reader.text(record, 'label', path), when: reader.text(record, 'when', path), basis: reader.texts(record, 'basis', path), path };
}
