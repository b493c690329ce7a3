import type { YamlReader } from './yaml-reader.ts';

/**
 * What one benefit of a policy is (`benefit_identity` in policy.yaml): the parts that make two
 * payments the same payment. 稳岗返还 is one per enterprise and refund year, 一次性扩岗补助 one per
 * person ever, 技能提升补贴 one per person, occupation and level. The database holds one live or
 * paid benefit per identity, whatever the period, run or path that would create a second.
 */

/** The parts an identity may be made of; fact sources give each row's value of each. */
export const IDENTITY_PARTS = {
  enterprise: '企业',
  person: '人员',
  refund_year: '返还年度',
  month: '补贴月份',
  occupation: '职业（工种）',
  level: '等级',
} as const;

export type IdentityPart = keyof typeof IDENTITY_PARTS;

export interface BenefitIdentity {
  /** The parts in order, e.g. [enterprise, refund_year]. */
  parts: IdentityPart[];
  /** How an official reads it: 企业 × 返还年度. */
  label: string;
  /** Optional limits that are not part of the key (e.g. “每人每年至多 3 次”), shown beside it. */
  note?: string;
}

/** Reads the required `benefit_identity` of a policy document. */
export function readBenefitIdentity(reader: YamlReader, top: Record<string, unknown>): BenefitIdentity {
  const record = reader.object(top.benefit_identity, 'benefit_identity', ['parts', 'note']) ?? {};
  const raw = reader.list(record.parts, 'benefit_identity.parts');
  const parts: IdentityPart[] = [];
  raw.forEach((value, index) => {
    if (typeof value === 'string' && value in IDENTITY_PARTS && !parts.includes(value as IdentityPart)) parts.push(value as IdentityPart);
    else reader.fail(`benefit_identity.parts[${index}]`, `待遇标识的组成应为 ${Object.keys(IDENTITY_PARTS).join('、')} 之一且不重复：${String(value)}`);
  });
  if (raw.length === 0) reader.fail('benefit_identity.parts', '至少需要一个组成部分（如 enterprise、person）');
  const note = reader.optionalText(record, 'note', 'benefit_identity');
  return { parts, label: parts.map((part) => IDENTITY_PARTS[part]).join(' × '), ...(note ? { note } : {}) };
}
