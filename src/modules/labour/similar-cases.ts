/**
 * Similar past cases by their words: TF-IDF weights over the segmented claims of the cases
 * compared, cosine similarity against the case at hand. Pure: the caller segments the texts
 * (platform/text/segmenter) and reads the cases from either database.
 */

export interface CaseTerms {
  id: number;
  /** Space-joined words. */
  terms: string;
}

export interface SimilarCase {
  id: number;
  score: number;
  /** The shared words with the most weight, for the page to say why. */
  sharedTerms: string[];
}

function counts(terms: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const term of terms.split(' ')) if (term) map.set(term, (map.get(term) ?? 0) + 1);
  return map;
}

/** The cases most like `target`, best first, above a minimum score; `target` itself is left out. */
export function rankSimilarCases(
  target: CaseTerms,
  cases: readonly CaseTerms[],
  options: { limit?: number; minScore?: number } = {},
): SimilarCase[] {
  const documents = cases.filter((c) => c.id !== target.id).map((c) => ({ id: c.id, counts: counts(c.terms) }));
  const targetCounts = counts(target.terms);
  const all = [...documents.map((d) => d.counts), targetCounts];
  const documentFrequency = new Map<string, number>();
  for (const document of all)
    for (const term of document.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log((1 + all.length) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
  const weights = (document: Map<string, number>) => {
    const vector = new Map<string, number>();
    for (const [term, n] of document) vector.set(term, (1 + Math.log(n)) * idf(term));
    return vector;
  };
  const norm = (vector: Map<string, number>) => Math.sqrt([...vector.values()].reduce((s, w) => s + w * w, 0));
  const targetVector = weights(targetCounts);
  const targetNorm = norm(targetVector);
  if (targetNorm === 0) return [];
  const ranked: SimilarCase[] = [];
  for (const document of documents) {
    const vector = weights(document.counts);
    let dot = 0;
    const shared: [string, number][] = [];
    for (const [term, weight] of vector) {
      const other = targetVector.get(term);
      if (other !== undefined) {
        dot += weight * other;
        shared.push([term, weight * other]);
      }
    }
    const score = dot / (targetNorm * (norm(vector) || 1));
    if (score >= (options.minScore ?? 0.1))
      ranked.push({
        id: document.id,
        score: Math.round(score * 1000) / 1000,
        sharedTerms: shared
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([term]) => term),
      });
  }
  return ranked.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, options.limit ?? 5);
}
