import { optionsOf } from './leave-reasons.ts';

/**
 * Enumerated columns of the registry files (SPEC §3), with the short forms people type.
 * Stored values are the codes on the right; labels on the left are what files contain.
 */

export type Degree = 'associate' | 'bachelor' | 'master' | 'doctor';
export type TitleLevel = 'junior' | 'intermediate' | 'deputy_senior' | 'senior';
export type PovertyCategory = 'lifted' | 'monitored';

/** Chinese labels of the stored degree codes. */
export const DEGREE_LABELS: Record<Degree, string> = {
  associate: '专科',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
};

// 研究生 without 硕士/博士 is read as 硕士, the lower of the two: a graduate is a graduate for
// every policy, and claiming a doctorate the file does not state would overstate it.
export const DEGREE_OPTIONS = optionsOf<Degree>([
  ['专科', 'associate'],
  ['大专', 'associate'],
  ['大学专科', 'associate'],
  ['高职', 'associate'],
  ['高职高专', 'associate'],
  ['本科', 'bachelor'],
  ['大学本科', 'bachelor'],
  ['大本', 'bachelor'],
  ['硕士', 'master'],
  ['硕士研究生', 'master'],
  ['研究生', 'master'],
  ['博士', 'doctor'],
  ['博士研究生', 'doctor'],
]);

/** 职业资格/技能等级: level 1 (高级技师) is the highest, 5 (初级工) the lowest. */
export const SKILL_LEVEL_LABELS: Record<number, string> = {
  5: '五级/初级工',
  4: '四级/中级工',
  3: '三级/高级工',
  2: '二级/技师',
  1: '一级/高级技师',
};

/** Labels and short forms → skill level (as text, for enumCell). */
export const SKILL_LEVEL_OPTIONS = optionsOf<'1' | '2' | '3' | '4' | '5'>([
  ['五级', '5'],
  ['初级工', '5'],
  ['初级', '5'],
  ['五级/初级工', '5'],
  ['四级', '4'],
  ['中级工', '4'],
  ['中级', '4'],
  ['四级/中级工', '4'],
  ['三级', '3'],
  ['高级工', '3'],
  ['高级', '3'],
  ['三级/高级工', '3'],
  ['二级', '2'],
  ['技师', '2'],
  ['二级/技师', '2'],
  ['一级', '1'],
  ['高级技师', '1'],
  ['一级/高级技师', '1'],
]);

/** DOMAIN §4: 高技能人才 are 高级工 (level 3) and above. */
export const HIGH_SKILL_MAX_LEVEL = 3;

/** Chinese labels of the stored title levels. */
export const TITLE_LEVEL_LABELS: Record<TitleLevel, string> = {
  junior: '初级',
  intermediate: '中级',
  deputy_senior: '副高级',
  senior: '正高级',
};

// Bare 高级 is refused: in title series it may mean 副高 or 正高, and 副高级以上 counts on it.
export const TITLE_LEVEL_OPTIONS = optionsOf<TitleLevel>([
  ['初级', 'junior'],
  ['员级', 'junior'],
  ['助理级', 'junior'],
  ['中级', 'intermediate'],
  ['副高级', 'deputy_senior'],
  ['副高', 'deputy_senior'],
  ['正高级', 'senior'],
  ['正高', 'senior'],
]);

/** Ranking of title levels, for "the highest title" of a person. */
export const TITLE_LEVEL_RANK: Record<TitleLevel, number> = { junior: 1, intermediate: 2, deputy_senior: 3, senior: 4 };

/** Chinese labels of the stored poverty categories. */
export const POVERTY_CATEGORY_LABELS: Record<PovertyCategory, string> = {
  lifted: '脱贫人口',
  monitored: '防止返贫监测对象',
};

/** Labels and short forms → poverty category. */
export const POVERTY_CATEGORY_OPTIONS = optionsOf<PovertyCategory>([
  ['脱贫人口', 'lifted'],
  ['脱贫户', 'lifted'],
  ['脱贫', 'lifted'],
  ['防止返贫监测对象', 'monitored'],
  ['返贫监测对象', 'monitored'],
  ['监测对象', 'monitored'],
  ['防返贫监测对象', 'monitored'],
]);
