/**
 * Reasons for leaving an insured job (减员原因), as the provinces' employment monitoring
 * classifies exits (DOMAIN §6). Policies need the grouping: the 稳岗返还 layoff rate leaves
 * out natural attrition (retirement and death, DOMAIN §5), so the flag lives here as data
 * rather than as a list of codes repeated in each policy.
 */
export interface LeaveReason {
  code: string;
  label: string;
  labelEn: string;
  /** 自然减员: not counted as a layoff. */
  isNaturalAttrition: boolean;
  /** Spellings seen in 社保 减员 files besides the label. */
  aliases: readonly string[];
}

/** Every leave reason a roster may give, natural attrition first. */
export const LEAVE_REASONS: readonly LeaveReason[] = [
  {
    code: 'retirement',
    label: '退休',
    labelEn: 'Retirement',
    isNaturalAttrition: true,
    aliases: ['正常退休', '退休减员', '达到法定退休年龄'],
  },
  { code: 'death', label: '死亡', labelEn: 'Death', isNaturalAttrition: true, aliases: ['死亡减员', '身故'] },
  {
    code: 'natural_other',
    label: '自然减员',
    labelEn: 'Other natural attrition',
    isNaturalAttrition: true,
    aliases: ['其他自然减员'],
  },
  {
    code: 'contract_ended',
    label: '解除/终止合同',
    labelEn: 'Contract ended or terminated',
    isNaturalAttrition: false,
    aliases: ['解除合同', '终止合同', '解除劳动合同', '终止劳动合同', '解除或终止劳动合同', '合同到期', '辞职', '辞退'],
  },
  {
    code: 'closure',
    label: '关闭破产',
    labelEn: 'Closure or bankruptcy',
    isNaturalAttrition: false,
    aliases: ['关闭', '破产', '企业关闭', '依法破产'],
  },
  {
    code: 'economic_layoff',
    label: '经济性裁员',
    labelEn: 'Economic layoff',
    isNaturalAttrition: false,
    aliases: ['裁员'],
  },
  {
    code: 'business_transfer',
    label: '业务转移',
    labelEn: 'Business transfer',
    isNaturalAttrition: false,
    aliases: ['转移'],
  },
  { code: 'other', label: '其他', labelEn: 'Other', isNaturalAttrition: false, aliases: ['其它'] },
];

/** Labels, aliases and codes → leave-reason code, for enumCell. */
export const LEAVE_REASON_OPTIONS: Record<string, string> = optionsOf(
  LEAVE_REASONS.flatMap((r) => [
    [r.label, r.code],
    [r.code, r.code],
    ...r.aliases.map((a) => [a, r.code] as [string, string]),
  ]),
);

/** Codes of the reasons that count as natural attrition (retirement, death, other natural). */
export const NATURAL_ATTRITION_CODES: readonly string[] = LEAVE_REASONS.filter((r) => r.isNaturalAttrition).map(
  (r) => r.code,
);

/** The leave reason of a code, if the code is known. */
export function findLeaveReason(code: string): LeaveReason | undefined {
  return LEAVE_REASONS.find((r) => r.code === code);
}

/**
 * An option table without a prototype: a cell reading "constructor" or "__proto__" must be
 * an unknown value, not Object's own property.
 */
export function optionsOf<T extends string>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const options = Object.create(null) as Record<string, T>;
  for (const [text, value] of entries) options[text] = value;
  return options;
}
