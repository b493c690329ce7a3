import { describe, expect, it } from 'vitest';
import { addWords, segment, segmentForIndex } from './segmenter.ts';

describe('Chinese segmenter', () => {
  it('splits a job query into words and drops punctuation', () => {
    expect(segment('数控 工程师，苏州')).toEqual(['数控', '工程师', '苏州']);
  });

  it('keeps an occupation name of the 大典 whole and indexes its parts too', () => {
    expect(segment('招聘机械设计工程技术人员')).toContain('机械设计工程技术人员');
    const terms = segmentForIndex('招聘机械设计工程技术人员').split(' ');
    expect(terms).toContain('机械设计工程技术人员');
    expect(terms).toContain('机械');
    expect(terms).toContain('设计');
  });

  it('indexes the words inside a long compound so a shorter query finds it', () => {
    const terms = segmentForIndex('嵌入式软件开发工程师').split(' ');
    expect(terms).toEqual(expect.arrayContaining(['嵌入式软件', '嵌入式', '软件', '开发', '工程师']));
  });

  it('lower-cases Latin letters, full-width ones too', () => {
    expect(segment('ＰＬＣ编程 Java')).toEqual(expect.arrayContaining(['plc', 'java']));
  });

  it('learns added words such as an enterprise short name', () => {
    expect(segment('加入帆远微电')).not.toContain('帆远微电');
    expect(addWords(['帆远微电', '帆远微电'])).toBe(1);
    expect(segment('加入帆远微电')).toContain('帆远微电');
    expect(addWords(['帆远微电'])).toBe(0);
  });
});
