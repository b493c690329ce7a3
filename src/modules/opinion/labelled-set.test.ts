import { describe, expect, it } from 'vitest';
import { buildClassifier } from './classify.ts';
import { labelledMessages, labelledRegister, scoreLabelledSet } from './labelled-set.ts';
import { buildLinker } from './linking.ts';
import { loadLinkingRules, loadTopicRules } from './opinion-rules.ts';
import { wordBoundaries } from './segmentation.ts';

describe('the hand-labelled messages', () => {
  const linker = buildLinker(labelledRegister(), loadLinkingRules());
  const scores = scoreLabelledSet(
    labelledMessages(),
    linker,
    buildClassifier(loadTopicRules()),
    wordBoundaries(linker.aliases()),
  );

  it('hold at least 200 messages with confusers', () => {
    expect(scores.messages).toBeGreaterThanOrEqual(200);
    expect(labelledMessages().filter((m) => m.note === 'confuser').length).toBeGreaterThanOrEqual(20);
  });

  it('are linked with precision ≥ 0.95 and recall ≥ 0.9, ambiguous short names left for a person', () => {
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
    expect(scores.ambiguousFlagged).toBe(scores.ambiguousGold);
  });

  it('are classified by topic with accuracy ≥ 0.9', () => {
    expect(scores.topicAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('segmentation keeps a short name inside a longer word from linking', () => {
    const text = '我们要坚持永恒立场，依法维护劳动者权益。';
    expect(linker.link(text, { boundaries: wordBoundaries(linker.aliases())(text) }).enterprises).toEqual([]);
  });
});
