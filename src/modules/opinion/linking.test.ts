import { describe, expect, it } from 'vitest';
import { buildAutomaton, leftmostLongest } from './aho-corasick.ts';
import { buildLinker, deriveShortNames } from './linking.ts';
import { loadLinkingRules } from './opinion-rules.ts';

const rules = loadLinkingRules();
const HENGLI = '91320115MA00000001';
const HUICHUAN = '91320505MA00000002';
const KAISHENG_XZ = '91320312MA00000003';
const KAISHENG_JS = '91320412MA00000004';
const XIANDAO = '91320214MA00000005';
const register = [
  { uscc: HENGLI, name: '江苏恒立精密机械股份有限公司' },
  { uscc: HUICHUAN, name: '苏州汇川电气有限公司' },
  { uscc: KAISHENG_XZ, name: '徐州凯盛液压有限公司' },
  { uscc: KAISHENG_JS, name: '江苏凯盛新材料有限公司' },
  { uscc: XIANDAO, name: '无锡先导智能装备股份有限公司' },
];
const linker = buildLinker(register, rules);

describe('Aho–Corasick', () => {
  it('finds every occurrence of every pattern in one pass, overlaps included', () => {
    const automaton = buildAutomaton(['he', 'she', 'his', 'hers']);
    const found = automaton.findAll('ushers').map((m) => [m.pattern, m.start, m.end]);
    expect(found).toEqual(
      expect.arrayContaining([
        [1, 1, 4],
        [0, 2, 4],
        [3, 2, 6],
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('keeps the leftmost-longest matches without overlaps', () => {
    const patterns = ['恒立', '江苏恒立精密机械股份有限公司', '精密'];
    const text = '江苏恒立精密机械股份有限公司与恒立';
    const kept = leftmostLongest(buildAutomaton(patterns).findAll(text)).map((m) => patterns[m.pattern]);
    expect(kept).toEqual(['江苏恒立精密机械股份有限公司', '恒立']);
  });
});

describe('short names derived from the register', () => {
  it('strips the region prefix, the legal form and the industry words', () => {
    expect(deriveShortNames('江苏恒立精密机械股份有限公司', rules)).toEqual([
      '恒立精密机械股份有限公司',
      '恒立精密机械',
      '恒立',
      '江苏恒立',
    ]);
    expect(deriveShortNames('苏州市汇川电气有限公司', rules)).toContain('汇川');
    expect(deriveShortNames('汇川（苏州）电气有限公司', rules)).toContain('汇川');
  });

  it('never yields a one-character short name', () => {
    expect(deriveShortNames('江苏恒科技有限公司', rules).every((n) => n.length >= 2)).toBe(true);
  });
});

describe('linking a message', () => {
  it('links full names and unique short names, the full name winning over the short name inside it', () => {
    const result = linker.link('江苏恒立精密机械股份有限公司拖欠工资，汇川电气也有类似情况');
    expect(result.enterprises).toEqual([HENGLI, HUICHUAN]);
    expect(result.mentions.map((m) => [m.alias, m.kind, m.status])).toEqual([
      ['江苏恒立精密机械股份有限公司', 'full', 'linked'],
      ['汇川电气', 'short', 'linked'],
    ]);
  });

  it('leaves a short name shared by several enterprises for a person, with its candidates', () => {
    const result = linker.link('凯盛拖欠工资三个月');
    expect(result.enterprises).toEqual([]);
    expect(result.ambiguous).toEqual([{ alias: '凯盛', candidates: [KAISHENG_XZ, KAISHENG_JS].sort() }]);
    expect(linker.link('江苏凯盛拖欠工资').enterprises).toEqual([KAISHENG_JS]);
  });

  it('leaves a short name that is a common word for a person', () => {
    const result = linker.link('新区要发挥先导作用');
    expect(result.enterprises).toEqual([]);
    expect(result.ambiguous.map((a) => a.alias)).toEqual(['先导']);
  });

  it('reads a shared short name as the enterprise named in full in the same message', () => {
    expect(linker.link('徐州凯盛液压有限公司裁员，凯盛的工人去仲裁').enterprises).toEqual([KAISHENG_XZ]);
    expect(linker.link('徐州凯盛液压有限公司裁员，凯盛的工人去仲裁').ambiguous).toEqual([]);
  });

  it('drops a short name inside a longer word when the word boundaries say so', () => {
    const text = '坚持永恒立场';
    expect(linker.link(text).enterprises).toEqual([HENGLI]);
    // 坚持 | 永恒 | 立场: no boundary falls between 恒 and 立's end.
    expect(linker.link(text, { boundaries: new Set([0, 2, 4, 6]) }).enterprises).toEqual([]);
  });

  it('finds nothing in a message naming no enterprise', () => {
    expect(linker.link('请问稳岗返还什么时候到账？')).toEqual({ mentions: [], enterprises: [], ambiguous: [] });
  });
});
