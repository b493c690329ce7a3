/**
 * Aho–Corasick automaton: finds every occurrence of many patterns in one pass over a text
 * (time linear in the text plus the matches). Patterns are matched by UTF-16 code unit, which
 * is exact for the Chinese names and keywords it is given (all in the Basic Multilingual Plane).
 */

/** One occurrence: the pattern's index in the list given to the builder, and its span [start, end). */
export interface PatternMatch {
  pattern: number;
  start: number;
  end: number;
}

export interface Automaton {
  /** Every occurrence of every pattern, ordered by end position. */
  findAll(text: string): PatternMatch[];
  readonly size: number;
}

/** Builds the automaton over the patterns (empty patterns are ignored). */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  // Transitions per node as a Map keyed by char code; node 0 is the root.
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const depth: number[] = [0];
  const output: number[][] = [[]];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    let node = 0;
    for (let i = 0; i < pattern.length; i += 1) {
      const code = pattern.charCodeAt(i);
      let child = next[node]!.get(code);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        fail.push(0);
        depth.push(depth[node]! + 1);
        output.push([]);
        next[node]!.set(code, child);
      }
      node = child;
    }
    output[node]!.push(index);
  });
  // Breadth-first: each node's failure link is the longest proper suffix that is also a prefix.
  const queue: number[] = [...next[0]!.values()];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head]!;
    for (const [code, child] of next[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !next[f]!.has(code)) f = fail[f]!;
      const target = next[f]!.get(code);
      fail[child] = target !== undefined && target !== child ? target : 0;
      output[child] = [...output[child]!, ...output[fail[child]!]!];
      queue.push(child);
    }
  }
  const lengths = patterns.map((p) => p.length);
  return {
    size: next.length,
    findAll(text: string): PatternMatch[] {
      const found: PatternMatch[] = [];
      let node = 0;
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        while (node !== 0 && !next[node]!.has(code)) node = fail[node]!;
        node = next[node]!.get(code) ?? 0;
        for (const pattern of output[node]!) found.push({ pattern, start: i + 1 - lengths[pattern]!, end: i + 1 });
      }
      return found;
    },
  };
}

/**
 * Keeps the leftmost-longest matches that do not overlap (a full name wins over the short name
 * inside it), in text order.
 */
export function leftmostLongest(matches: readonly PatternMatch[]): PatternMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PatternMatch[] = [];
  let reached = 0;
  for (const m of sorted) {
    if (m.start < reached) continue;
    kept.push(m);
    reached = m.end;
  }
  return kept;
}
