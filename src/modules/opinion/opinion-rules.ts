import { readFileSync } from 'node:fs';
import type { TopicRules } from './classify.ts';
import type { LinkingRules } from './linking.ts';

/** The opinion module's rule files (reference/opinion), read once: numbers and word lists are data. */

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../reference/opinion/${name}`, import.meta.url), 'utf8'));

interface LinkingFile {
  version: string;
  region_prefixes: string[];
  legal_suffixes: string[];
  industry_words: string[];
  min_short_name_length: number;
  common_words: { words: string[] };
}

/** The short-name derivation rules; `extraPrefixes` adds region names from the reference data. */
export function loadLinkingRules(extraPrefixes: readonly string[] = []): LinkingRules {
  const file = read('linking.json') as LinkingFile;
  return {
    version: file.version,
    regionPrefixes: [...new Set([...file.region_prefixes, ...extraPrefixes])],
    legalSuffixes: file.legal_suffixes,
    industryWords: file.industry_words,
    minShortNameLength: file.min_short_name_length,
    commonWords: file.common_words.words,
  };
}

/** The topic and tone keyword rules with their version. */
export function loadTopicRules(): TopicRules {
  return read('topic-rules.json') as TopicRules;
}
