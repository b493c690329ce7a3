import { buildAutomaton, leftmostLongest, type Automaton } from './aho-corasick.ts';

/**
 * Topic and tone of a message by versioned keyword rules (reference/opinion/topic-rules.json):
 * each topic scores the weights of its keywords found (longest match first, no overlaps), the
 * highest wins, ties go to the earlier topic, nothing found is 其他; the tone is positive minus
 * negative words. Pure: no database, no I/O.
 */

export const TOPICS = [
  'wage_arrears',
  'layoff',
  'social_insurance',
  'subsidy',
  'recruitment',
  'training',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];
export const TONES = ['negative', 'neutral', 'positive'] as const;
export type Tone = (typeof TONES)[number];

export interface TopicRules {
  version: string;
  topics: { code: Topic; keywords: Record<string, number> }[];
  other: Topic;
  tone: { negative: readonly string[]; positive: readonly string[] };
}

/** A keyword found: its span, and the topic or tone it counts for. */
export interface KeywordHit {
  start: number;
  end: number;
  word: string;
  counts: Topic | 'negative' | 'positive';
}

export interface Classification {
  topic: Topic;
  tone: Tone;
  scores: Partial<Record<Topic, number>>;
  hits: KeywordHit[];
  rulesVersion: string;
}

export interface Classifier {
  classify(text: string): Classification;
}

interface Keyword {
  word: string;
  counts: KeywordHit['counts'];
  weight: number;
}

/** Builds a classifier over the rules: one automaton for topic keywords, one for tone words. */
export function buildClassifier(rules: TopicRules): Classifier {
  const topicWords: Keyword[] = rules.topics.flatMap((t) =>
    Object.entries(t.keywords).map(([word, weight]) => ({ word, counts: t.code, weight })),
  );
  const toneWords: Keyword[] = [
    ...rules.tone.negative.map((word) => ({ word, counts: 'negative' as const, weight: 1 })),
    ...rules.tone.positive.map((word) => ({ word, counts: 'positive' as const, weight: 1 })),
  ];
  const topicAutomaton: Automaton = buildAutomaton(topicWords.map((k) => k.word));
  const toneAutomaton: Automaton = buildAutomaton(toneWords.map((k) => k.word));
  const order = rules.topics.map((t) => t.code);

  return {
    classify(text) {
      const scores: Partial<Record<Topic, number>> = {};
      const hits: KeywordHit[] = [];
      for (const m of leftmostLongest(topicAutomaton.findAll(text))) {
        const k = topicWords[m.pattern]!;
        scores[k.counts as Topic] = (scores[k.counts as Topic] ?? 0) + k.weight;
        hits.push({ start: m.start, end: m.end, word: k.word, counts: k.counts });
      }
      let topic: Topic = rules.other;
      let best = 0;
      for (const code of order) {
        const score = scores[code] ?? 0;
        if (score > best) [topic, best] = [code, score];
      }
      let balance = 0;
      for (const m of leftmostLongest(toneAutomaton.findAll(text))) {
        const k = toneWords[m.pattern]!;
        balance += k.counts === 'positive' ? 1 : -1;
        hits.push({ start: m.start, end: m.end, word: k.word, counts: k.counts });
      }
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      const tone: Tone = balance < 0 ? 'negative' : balance > 0 ? 'positive' : 'neutral';
      return { topic, tone, scores, hits, rulesVersion: rules.version };
    },
  };
}
