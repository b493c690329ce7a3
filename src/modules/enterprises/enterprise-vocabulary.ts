import type { EnterpriseSize, Tier } from './enterprises.table.ts';

/**
 * The register's enumerations: stored codes, their official Chinese names, and the spellings
 * real files use (SPEC §3: short forms accepted, quote marks folded before matching).
 */

export const TIERS = ['innovative', 'srdi', 'little_giant'] as const satisfies readonly Tier[];
export const SIZES = ['large', 'medium', 'small', 'micro'] as const satisfies readonly EnterpriseSize[];

/** Official names of the three tiers (优质中小企业梯度培育, DOMAIN §2). */
export const TIER_LABELS: Record<Tier, string> = {
  innovative: '创新型中小企业',
  srdi: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
};

/** Names of the four sizes (统计上大中小微型企业划分办法). */
export const SIZE_LABELS: Record<EnterpriseSize, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

// Keys are matched after quote marks and spaces are removed, so “小巨人” needs no entry of its own.
export const TIER_SPELLINGS: Record<string, Tier> = {
  创新型: 'innovative',
  创新型企业: 'innovative',
  创新型中小企业: 'innovative',
  专精特新: 'srdi',
  专精特新企业: 'srdi',
  专精特新中小企业: 'srdi',
  省级专精特新中小企业: 'srdi',
  江苏省专精特新中小企业: 'srdi',
  小巨人: 'little_giant',
  小巨人企业: 'little_giant',
  专精特新小巨人: 'little_giant',
  专精特新小巨人企业: 'little_giant',
  国家级专精特新小巨人企业: 'little_giant',
  innovative: 'innovative',
  srdi: 'srdi',
  little_giant: 'little_giant',
};

export const SIZE_SPELLINGS: Record<string, EnterpriseSize> = {
  大型: 'large',
  大型企业: 'large',
  中型: 'medium',
  中型企业: 'medium',
  小型: 'small',
  小型企业: 'small',
  微型: 'micro',
  微型企业: 'micro',
  large: 'large',
  medium: 'medium',
  small: 'small',
  micro: 'micro',
};
