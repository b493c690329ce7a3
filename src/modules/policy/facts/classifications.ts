import type { EnterpriseSize } from '../../enterprises/enterprises.table.ts';

/**
 * The project's mappings from register and registry codes to the categories the policies name.
 * Each returns undefined where the code does not decide the category (the fact is then missing,
 * never guessed). docs/policy-facts.md gives the reasons; the province's own table replaces them.
 */

/** 企业规模 as the policies write it. */
export const SIZE_LABELS: Record<EnterpriseSize, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** The policy label of a stored size, or undefined when the register has none. */
export function sizeLabel(size: string | null): string | undefined {
  return size !== null && size in SIZE_LABELS ? SIZE_LABELS[size as EnterpriseSize] : undefined;
}

// GB/T 4754-2017 sections wholly within 生活性服务业 (国家统计局《生活性服务业统计分类（2019）》):
// H 住宿和餐饮业, O 居民服务、修理和其他服务业.
const LIFE_SERVICE_SECTIONS = new Set(['H', 'O']);
// Sections the national classification splits between life services and others: the provincial
// scope (省定口径) decides, which is not on file.
const UNDECIDED_SECTIONS = new Set(['F', 'P', 'Q', 'R']);

/** 企业行业类别 (制造业 / 生活服务业 / 其他) from the enterprise's GB/T 4754 section. */
export function industryCategory(section: string | null): '制造业' | '生活服务业' | '其他' | undefined {
  if (section === null) return undefined;
  if (section === 'C') return '制造业';
  if (LIFE_SERVICE_SECTIONS.has(section)) return '生活服务业';
  return UNDECIDED_SECTIONS.has(section) ? undefined : '其他';
}

/** 证书等级 of a stored skill level (1 高级技师 … 5 初级工). */
export const CERTIFICATE_LEVELS: Record<number, string> = { 1: '高级技师', 2: '技师', 3: '高级', 4: '中级', 5: '初级' };

// 大典 2022 major group 4 medium groups that serve households: 4-03 住宿和餐饮, 4-10 居民服务,
// 4-12 修理及制作, 4-13 文化体育和娱乐, 4-14 健康服务. The rest of group 4 serves production.
const LIFE_SERVICE_OCCUPATIONS = new Set(['4-03', '4-10', '4-12', '4-13', '4-14']);

/**
 * 职业类别 of the Jiangsu subsidy table (A 制造业类, B 生产性服务业类, C 生活性服务业类): group 6
 * (生产制造及有关人员) is A; group 4 splits into C (household services) and B; other groups have
 * no class of their own and take the class of the employer's industry.
 */
export function occupationClass(occupationCode: string, industrySection: string | null): 'A' | 'B' | 'C' | undefined {
  const major = occupationCode.slice(0, 1);
  if (major === '6') return 'A';
  if (major === '4') return LIFE_SERVICE_OCCUPATIONS.has(occupationCode.slice(0, 4)) ? 'C' : 'B';
  if (industrySection === null) return undefined;
  if (industrySection === 'C') return 'A';
  if (LIFE_SERVICE_SECTIONS.has(industrySection)) return 'C';
  return UNDECIDED_SECTIONS.has(industrySection) ? undefined : 'B';
}
