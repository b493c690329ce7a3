import { describe, expect, it } from 'vitest';
import { buildClassifier, type TopicRules } from './classify.ts';
import { loadTopicRules } from './opinion-rules.ts';

const classifier = buildClassifier(loadTopicRules());

describe('topic and tone by keyword rules', () => {
  it.each([
    ['公司已经拖欠工资三个月了，多次讨要无果', 'wage_arrears', 'negative'],
    ['公司突然裁员，没有给经济补偿', 'layoff', 'negative'],
    ['入职半年一直没交社保', 'social_insurance', 'negative'],
    ['申请的稳岗返还什么时候到账？', 'subsidy', 'neutral'],
    ['招聘数控操作工20名，欢迎应聘', 'recruitment', 'positive'],
    ['参加了技能提升培训班，感谢！', 'training', 'positive'],
    ['请问办公地址在哪里？', 'other', 'neutral'],
  ])('%s → %s, %s', (text, topic, tone) => {
    expect(classifier.classify(text)).toMatchObject({ topic, tone });
  });

  it('counts the longest keyword once: 社会保险补贴 is a subsidy, not social insurance', () => {
    expect(classifier.classify('社会保险补贴申请被退回').topic).toBe('subsidy');
  });

  it('gives each keyword found with its span and what it counts for', () => {
    const text = '拖欠工资，很失望';
    const { hits } = classifier.classify(text);
    expect(hits.map((h) => [text.slice(h.start, h.end), h.counts])).toEqual([
      ['拖欠工资', 'wage_arrears'],
      ['拖欠', 'negative'],
      ['失望', 'negative'],
    ]);
  });

  it('breaks ties by the order of the topics in the rules and states the rules version', () => {
    const rules: TopicRules = {
      version: 'test-1',
      topics: [
        { code: 'training', keywords: { 甲: 1 } },
        { code: 'layoff', keywords: { 乙: 1 } },
      ],
      other: 'other',
      tone: { negative: [], positive: [] },
    };
    expect(buildClassifier(rules).classify('乙甲')).toMatchObject({ topic: 'training', rulesVersion: 'test-1' });
  });
});
