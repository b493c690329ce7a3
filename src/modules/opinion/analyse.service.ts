import type { AppContext } from '../../app-context.ts';
import { analyserFor } from './analyser.ts';

/** The SPEC §4 answer of `yangfan opinion analyse`, with the ambiguous names and the rules version besides. */
export interface AnalyseAnswer {
  enterprises: string[];
  topic: string;
  tone: string;
  ambiguous: { alias: string; candidates: string[] }[];
  rules_version: string;
}

/** Links and classifies one text against the register in the database (nothing is stored or logged). */
export async function analyseOneMessage(ctx: AppContext, text: string): Promise<AnalyseAnswer> {
  const { link, classification } = (await analyserFor(ctx)).analyse(text);
  return {
    enterprises: link.enterprises,
    topic: classification.topic,
    tone: classification.tone,
    ambiguous: link.ambiguous,
    rules_version: classification.rulesVersion,
  };
}
