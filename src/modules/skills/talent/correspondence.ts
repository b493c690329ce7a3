import { readFileSync } from 'node:fs';
import type { DigitalEngineerLevel } from '../skills.table.ts';

/**
 * Skill levels ↔ professional titles (reference/skills/talent-evaluation.json, cited and dated):
 * a person's equivalent title, and the one definition of 高技能人才 and 副高级以上 that the
 * monitoring shares and the enterprise pages count with.
 */

export type TitleLevel = 'junior' | 'intermediate' | 'deputy_senior' | 'senior';

interface EquivalentTitle {
  level: TitleLevel;
  name: string;
}

export interface TalentEvaluation {
  version: string;
  skill_levels: {
    level: number;
    name: string;
    grade: string;
    is_high_skill: boolean;
    equivalent_title: EquivalentTitle | null;
  }[];
  senior_title_levels: TitleLevel[];
  equivalent_counts_as_senior: { value: boolean; why: string };
  digital_engineer_levels: {
    level: DigitalEngineerLevel;
    name: string;
    equivalent_title: EquivalentTitle | null;
    recognition: string;
  }[];
  sources: { doc: string; number?: string; clause: string; source_quality?: string }[];
}

const FILE = new URL('../../../../reference/skills/talent-evaluation.json', import.meta.url);
let cached: TalentEvaluation | undefined;

/** The correspondence in force (read once). */
export function talentEvaluation(): TalentEvaluation {
  cached ??= JSON.parse(readFileSync(FILE, 'utf8')) as TalentEvaluation;
  return cached;
}

/** The skill levels (1 = 高级技师 … 5 = 初级工) that count as 高技能人才. */
export function highSkillLevels(table: TalentEvaluation = talentEvaluation()): number[] {
  return table.skill_levels.filter((l) => l.is_high_skill).map((l) => l.level);
}

/** The title levels that count as 副高级以上. */
export function seniorTitleLevels(table: TalentEvaluation = talentEvaluation()): TitleLevel[] {
  return [...table.senior_title_levels];
}

/** The title a skill level corresponds to, if any. */
export function equivalentTitleOfSkill(level: number, table: TalentEvaluation = talentEvaluation()) {
  return table.skill_levels.find((l) => l.level === level)?.equivalent_title ?? null;
}

/** The title a 数字技术工程师 certificate level is recognised as, if any, with the recognition rule. */
export function equivalentTitleOfDigitalEngineer(
  level: DigitalEngineerLevel,
  table: TalentEvaluation = talentEvaluation(),
) {
  const found = table.digital_engineer_levels.find((l) => l.level === level);
  return found ? { title: found.equivalent_title, recognition: found.recognition } : null;
}

/** The highest title a person holds or is recognised at, from titles, skill levels and 数字技术工程师 certificates. */
export function highestEquivalentTitle(
  input: {
    titles: readonly TitleLevel[];
    skillLevels: readonly number[];
    digitalEngineer: readonly DigitalEngineerLevel[];
  },
  table: TalentEvaluation = talentEvaluation(),
): { level: TitleLevel; via: 'title' | 'skill' | 'digital_engineer' } | null {
  const order: TitleLevel[] = ['junior', 'intermediate', 'deputy_senior', 'senior'];
  const candidates: { level: TitleLevel; via: 'title' | 'skill' | 'digital_engineer' }[] = [
    ...input.titles.map((level) => ({ level, via: 'title' as const })),
    ...input.skillLevels.flatMap((l) => {
      const title = equivalentTitleOfSkill(l, table);
      return title ? [{ level: title.level, via: 'skill' as const }] : [];
    }),
    ...input.digitalEngineer.flatMap((l) => {
      const title = equivalentTitleOfDigitalEngineer(l, table)?.title;
      return title ? [{ level: title.level, via: 'digital_engineer' as const }] : [];
    }),
  ];
  // The highest level; a held title before an equivalent of the same level.
  return (
    candidates.sort((a, b) => order.indexOf(b.level) - order.indexOf(a.level) || (a.via === 'title' ? -1 : 1))[0] ??
    null
  );
}
