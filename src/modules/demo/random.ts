/**
 * The demo generator's only source of chance: a seeded mulberry32 stream, so that one seed
 * always gives the same register (Math.random would make every demo and test different).
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A draw of a normal distribution (Box–Muller). */
  normal(mean: number, deviation: number): number;
}

/** A mulberry32 stream: 32 bits of state, fast, and good enough for synthetic data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => pickWeighted(items, next()),
    normal: (mean, deviation) => {
      const u = 1 - next();
      return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

function pickWeighted<T>(items: readonly (readonly [T, number])[], u: number): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let threshold = u * total;
  for (const [item, weight] of items) {
    threshold -= weight;
    if (threshold < 0) return item;
  }
  return items[items.length - 1]![0];
}

/**
 * A seed for one part of the data (e.g. enterprise 42's workforce), so each part has its own
 * stream: changing how one part is drawn leaves the others as they were.
 */
export function deriveSeed(seed: number, label: string, index = 0): number {
  // FNV-1a over the text, then a murmur3 finaliser to spread nearby indexes apart.
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const char of `${label}:${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
