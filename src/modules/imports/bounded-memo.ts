/**
 * A memo for one import that never holds more than about twice `limit` entries: a roster
 * names the same 80,000 persons in each of 24 months, so their ID checks and blind indexes
 * are worth remembering, but a file of millions of distinct persons must not grow memory.
 * Two generations approximate least-recently-used: when the recent map is full it becomes
 * the older one (and the previous older one is dropped); an entry found in the older map is
 * moved back to the recent one.
 */
export class BoundedMemo<V> {
  private recent = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.recent.get(key);
    if (value !== undefined || this.older.size === 0) return value;
    const old = this.older.get(key);
    if (old !== undefined) this.set(ownCopy(key), old);
    return old;
  }

  /**
   * Remembers a value. The memo keeps the key: a cell cut from a file chunk must be given as
   * ownCopy(cell), or the whole chunk stays in memory with it.
   */
  set(key: string, value: V): void {
    if (this.recent.size >= this.limit) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
  }
}

/**
 * A string that shares no memory with the one given. V8 cuts substrings of 13 characters or
 * more (an ID number, a credit code) as views into their parent: the chunk of the file they
 * were read from. Joining the characters builds a fresh, flat string of its own.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}
