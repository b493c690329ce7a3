import { readFileSync } from 'node:fs';
import type { Classifier } from './classify.ts';
import type { Linker, RegisterEntry } from './linking.ts';

/**
 * The hand-labelled messages (fixtures/labelled-messages.json) against their register
 * (fixtures/labelled-register.json): linking precision and recall and topic accuracy, for the
 * tests and the benchmark.
 */

export interface LabelledMessage {
  text: string;
  enterprises: string[];
  ambiguous: string[];
  topic: string;
  tone: string;
  note?: string;
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

export function labelledRegister(): (RegisterEntry & { region_code: string })[] {
  return fixture('labelled-register.json') as (RegisterEntry & { region_code: string })[];
}

export function labelledMessages(): LabelledMessage[] {
  return (fixture('labelled-messages.json') as { messages: LabelledMessage[] }).messages;
}

export interface LabelledScores {
  messages: number;
  goldLinks: number;
  predictedLinks: number;
  correctLinks: number;
  precision: number;
  recall: number;
  topicAccuracy: number;
  toneAccuracy: number;
  /** Short names a person should confirm that the linker left for confirmation. */
  ambiguousFlagged: number;
  ambiguousGold: number;
  /** Messages with a wrong link or a missed one, for reading. */
  linkErrors: { text: string; expected: string[]; got: string[] }[];
}

/** Scores linking and classification on the labelled set; `boundaries` gives a text's word boundaries. */
export function scoreLabelledSet(
  messages: readonly LabelledMessage[],
  linker: Linker,
  classifier: Classifier,
  boundaries?: (text: string) => ReadonlySet<number>,
): LabelledScores {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  let topics = 0;
  let tones = 0;
  let flagged = 0;
  let ambiguousGold = 0;
  const linkErrors: LabelledScores['linkErrors'] = [];
  for (const m of messages) {
    const result = linker.link(m.text, boundaries ? { boundaries: boundaries(m.text) } : {});
    const expected = new Set(m.enterprises);
    gold += expected.size;
    predicted += result.enterprises.length;
    const hits = result.enterprises.filter((u) => expected.has(u)).length;
    correct += hits;
    if (hits !== expected.size || hits !== result.enterprises.length)
      linkErrors.push({ text: m.text, expected: m.enterprises, got: result.enterprises });
    const flaggedAliases = new Set(result.ambiguous.map((a) => a.alias));
    ambiguousGold += m.ambiguous.length;
    flagged += m.ambiguous.filter((a) => flaggedAliases.has(a)).length;
    const c = classifier.classify(m.text);
    if (c.topic === m.topic) topics += 1;
    if (c.tone === m.tone) tones += 1;
  }
  return {
    messages: messages.length,
    goldLinks: gold,
    predictedLinks: predicted,
    correctLinks: correct,
    precision: predicted === 0 ? 1 : correct / predicted,
    recall: gold === 0 ? 1 : correct / gold,
    topicAccuracy: topics / messages.length,
    toneAccuracy: tones / messages.length,
    ambiguousFlagged: flagged,
    ambiguousGold,
    linkErrors,
  };
}
