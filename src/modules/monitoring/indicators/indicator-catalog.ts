/**
 * Every indicator of the monitoring module with the label and definition the dashboard shows
 * on hover (docs/monitoring.md says the same at length). `source` names the module an
 * indicator waits for: until it exists the indicator answers 暂无数据 (`available: false`,
 * `actual: null`), never a made-up figure.
 */
export type IndicatorKind = 'stock' | 'flow' | 'cumulative' | 'share' | 'external';

export interface IndicatorDefinition {
  key: string;
  label: string;
  unit: string;
  kind: IndicatorKind;
  definition: string;
  /** For indicators of modules not built yet: the module, by SPEC section. */
  source?: string;
}

const ABSORBED_BASE = '吸纳就业参保人员（计划期内首次在当月处于监测范围的企业开始参保，按人去重）中，';

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    key: 'monitored_enterprises',
    label: '监测企业数',
    unit: '家',
    kind: 'stock',
    definition:
      '报告期末月最后一日持有有效认定（创新型中小企业、专精特新中小企业或专精特新“小巨人”企业）的企业数；有效期最后一日仍计入，次日起移出监测范围。',
  },
  {
    key: 'insured_employees',
    label: '参保职工人数',
    unit: '人',
    kind: 'stock',
    definition: '报告期末月监测企业的在保人数：该月在企业参保名单中的人员（按参保就业记录计）。',
  },
  {
    key: 'new_hires',
    label: '新增参保人数',
    unit: '人',
    kind: 'flow',
    definition:
      '报告期内各月处于监测范围的企业新开始的参保就业记录数；企业首个名单月份的期初在册人员不计入（数据无法说明其何时入职），同一人先后进入两家企业计两次。',
  },
  {
    key: 'separations',
    label: '减员人数',
    unit: '人',
    kind: 'flow',
    definition:
      '报告期内各月监测企业的减员：一段参保记录最后一个参保月的次月为减员月，以名单注明减员原因或次月名单已报送而该人不在其中为准；按减员原因分列。',
  },
  { key: 'net_change', label: '净增参保人数', unit: '人', kind: 'flow', definition: '新增参保人数减去减员人数。' },
  {
    key: 'absorbed_insured',
    label: '吸纳就业参保人数（累计）',
    unit: '人',
    kind: 'cumulative',
    definition:
      '计划期起（默认 2024 年 1 月）至报告期末，在当月处于监测范围的企业开始新参保就业记录的人数，按人去重：同一人只计首次，计入首次吸纳的企业及地区；企业期初在册人员及计划期前入职者不计。period_actual 为报告期内首次吸纳的人数。',
  },
  {
    key: 'absorbed_graduate_share',
    label: '其中高校毕业生占比',
    unit: '比例',
    kind: 'share',
    definition: `${ABSORBED_BASE}入职月份之前 24 个月内（含入职当月）毕业的高校毕业生所占比例。`,
  },
  {
    key: 'absorbed_high_skill_share',
    label: '其中高技能人才占比',
    unit: '比例',
    kind: 'share',
    definition: `${ABSORBED_BASE}截至报告日持有高级工（三级）及以上职业资格或职业技能等级证书者所占比例。`,
  },
  {
    key: 'absorbed_senior_title_share',
    label: '其中副高级以上专业技术人才占比',
    unit: '比例',
    kind: 'share',
    definition: `${ABSORBED_BASE}截至报告日取得副高级或正高级专业技术职称者所占比例。`,
  },
  {
    key: 'contributions_paid_fen',
    label: '社会保险缴费金额',
    unit: '分',
    kind: 'flow',
    definition:
      '报告期内各月监测企业的缴费合计（整数分）：养老保险单位缴费 + 失业保险单位缴费 + 失业保险个人缴费 + 工伤保险单位缴费。',
  },
  {
    key: 'policies_enjoyed',
    label: '政策享受次数',
    unit: '次',
    kind: 'flow',
    definition:
      '报告期内各月处于监测范围的企业获拨就业补贴的笔数：一个补贴案件（免申即享等）经银行拨付成功计一次，计入资金到账记账的月份；已审核通过尚未拨付、支付失败待重发的不计。报告期只含已有参保数据的月份，其后到账的待该月数据导入后计入。',
  },
  {
    key: 'policies_enjoyed_amount_fen',
    label: '政策享受金额',
    unit: '分',
    kind: 'flow',
    definition: '政策享受次数所计补贴案件的拨付金额合计（整数分，界面以元显示），口径同政策享受次数。',
  },
  {
    key: 'training_person_times',
    label: '补贴性职业技能培训',
    unit: '人次',
    kind: 'external',
    definition: '面向专精特新企业开展的政府补贴性职业技能培训人次（计划期累计）。',
    source: '技能培训（相关模块接入后提供）',
  },
  {
    key: 'training_manufacturing_person_times',
    label: '其中制造业职业技能培训',
    unit: '人次',
    kind: 'external',
    definition: '制造业职业技能培训人次（计划期累计）。',
    source: '技能培训（相关模块接入后提供）',
  },
  {
    key: 'training_digital_person_times',
    label: '其中数字类职业技能培训',
    unit: '人次',
    kind: 'external',
    definition: '数字类职业（大典标注 S 的职业）技能培训人次（计划期累计）。',
    source: '技能培训（相关模块接入后提供）',
  },
  {
    key: 'job_fairs',
    label: '专场招聘会',
    unit: '场',
    kind: 'external',
    definition:
      '市、县人社部门在招聘专区登记的专精特新企业专场招聘会场次（线上、线下均计），按举办日期计入所在月份，尚未举办的不计；不按企业层级、行业细分。',
    source: '招聘专区',
  },
  {
    key: 'job_postings',
    label: '发布岗位信息',
    unit: '个',
    kind: 'external',
    definition:
      '在招聘专区发布（经所在设区市人社部门审核通过）的专精特新企业岗位信息数，每个岗位只在首次发布的月份计一次；不按企业层级、行业细分。',
    source: '招聘专区',
  },
  {
    key: 'demonstration_internship_bases',
    label: '省级示范见习基地',
    unit: '家',
    kind: 'external',
    definition: '认定的省级专精特新企业就业见习示范基地数（计划期累计）。',
    source: '就业见习（相关模块接入后提供）',
  },
];

const BY_KEY = new Map(INDICATORS.map((i) => [i.key, i]));

/** The definition of an indicator key, if it is one. */
export function findIndicator(key: string): IndicatorDefinition | undefined {
  return BY_KEY.get(key);
}

/** Keys of the indicators this module computes itself (ranking and map accept only these). */
export const COMPUTED_INDICATOR_KEYS: readonly string[] = INDICATORS.filter((i) => i.kind !== 'external').map(
  (i) => i.key,
);
