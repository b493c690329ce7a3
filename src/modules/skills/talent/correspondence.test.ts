import { describe, expect, it } from 'vitest';
import {
  equivalentTitleOfDigitalEngineer,
  equivalentTitleOfSkill,
  highestEquivalentTitle,
  highSkillLevels,
  seniorTitleLevels,
  talentEvaluation,
} from './correspondence.ts';

describe('skill levels and titles', () => {
  it('counts 高级工 and above as 高技能人才, and 副高级 and 正高级 as senior', () => {
    expect(highSkillLevels().sort()).toEqual([1, 2, 3]);
    expect(seniorTitleLevels()).toEqual(['deputy_senior', 'senior']);
  });

  it('maps 高级工 ↔ 助理工程师, 技师 ↔ 工程师, 高级技师 ↔ 高级工程师, and nothing below 高级工', () => {
    expect(equivalentTitleOfSkill(3)?.name).toBe('助理工程师');
    expect(equivalentTitleOfSkill(2)?.name).toBe('工程师');
    expect(equivalentTitleOfSkill(1)).toMatchObject({ level: 'deputy_senior', name: '高级工程师' });
    expect(equivalentTitleOfSkill(4)).toBeNull();
    expect(equivalentTitleOfSkill(5)).toBeNull();
  });

  it('recognises 初级 and 中级 数字技术工程师 as titles and keeps 高级 a reference only', () => {
    expect(equivalentTitleOfDigitalEngineer('junior')?.title?.name).toBe('助理工程师');
    expect(equivalentTitleOfDigitalEngineer('intermediate')?.title?.name).toBe('工程师');
    expect(equivalentTitleOfDigitalEngineer('senior')?.title).toBeNull();
  });

  it('answers the highest title a person holds or is recognised at, a held title first', () => {
    expect(highestEquivalentTitle({ titles: ['intermediate'], skillLevels: [1], digitalEngineer: [] })).toEqual({
      level: 'deputy_senior',
      via: 'skill',
    });
    expect(highestEquivalentTitle({ titles: ['intermediate'], skillLevels: [2], digitalEngineer: ['junior'] })).toEqual(
      {
        level: 'intermediate',
        via: 'title',
      },
    );
    expect(highestEquivalentTitle({ titles: [], skillLevels: [5], digitalEngineer: [] })).toBeNull();
  });

  it('cites a source for the table, and every level has a name', () => {
    const table = talentEvaluation();
    expect(table.sources.length).toBeGreaterThan(0);
    expect(table.skill_levels.map((l) => l.name)).toEqual(['初级工', '中级工', '高级工', '技师', '高级技师']);
    expect(table.equivalent_counts_as_senior.value).toBe(false);
  });
});
