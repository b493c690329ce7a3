import { describe, expect, it } from 'vitest';
import { checkDiscrimination, createChecker, discriminationChecker, loadRules } from './discrimination.ts';

const file = loadRules();

describe('discrimination rules: every example of the rule file', () => {
  for (const rule of file.rules) {
    it(`${rule.id} (${rule.name}) flags its positive examples and not its negative ones`, () => {
      expect(rule.positive.length).toBeGreaterThan(0);
      expect(rule.negative.length).toBeGreaterThan(0);
      for (const text of rule.positive) {
        const rules = checkDiscrimination(text).map((f) => f.rule);
        expect(rules, `“${text}” must be flagged by ${rule.id}`).toContain(rule.id);
      }
      for (const text of rule.negative) {
        const hits = checkDiscrimination(text).filter((f) => f.category === rule.category);
        expect(hits, `“${text}” must not be flagged as ${rule.category}`).toEqual([]);
      }
    });
  }
});

describe('discrimination check', () => {
  it('flags 限男性 and 35岁以下 with category, rule, basis and offsets; not 男女不限 or 年满18周岁', () => {
    const text = '招聘数控操作工，限男性，35岁以下。男女不限的岗位另见，年满18周岁。';
    const flags = checkDiscrimination(text);
    expect(flags.map((f) => [f.category, f.match])).toEqual([
      ['gender', '限男性'],
      ['age', '35岁以下'],
    ]);
    const [gender] = flags;
    expect(text.slice(gender!.start, gender!.end)).toBe('限男性');
    expect(gender!.categoryName).toBe('性别');
    expect(gender!.basis).toContain('就业促进法');
  });

  it('covers the eight categories the notice and 就业促进法 name, each with a Chinese name', () => {
    const categories = new Set(file.rules.map((r) => r.category));
    expect([...categories].sort()).toEqual(
      ['age', 'ethnicity', 'gender', 'health', 'marital', 'origin', 'religion', 'school_tier'].sort(),
    );
    expect(Object.values(file.categories)).toEqual(
      expect.arrayContaining(['性别', '年龄', '民族', '户籍地域', '婚育', '健康状况', '宗教', '院校层次']),
    );
  });

  it('takes an official’s new rule from data', () => {
    const extended = createChecker({
      ...file,
      rules: [
        ...file.rules,
        {
          id: 'height',
          category: 'health',
          name: '身高要求',
          patterns: ['身高\\s*\\d{3}'],
          exceptions: [],
          basis: '就业促进法第三条',
          positive: ['身高170以上'],
          negative: [],
        },
      ],
    });
    expect(extended.check('身高170以上').map((f) => f.rule)).toEqual(['height']);
    expect(discriminationChecker().check('身高170以上')).toEqual([]);
  });
});
