import type { SealedValues, SealingPool } from '../../../platform/crypto/sealing-pool.ts';
import type { SealedIdNumber } from './persons.service.ts';

// Slices sealed ahead of the one being written: enough to keep the sealing threads busy while
// a slice is written, few enough that their results (a few hundred bytes a person) stay small.
const SLICES_AHEAD = 4;
const NOTHING_SEALED: ReadonlyMap<string, SealedIdNumber> = new Map();

/**
 * The blind indexes — and, on a first load, the SM4 ciphertexts — of the ID numbers of a
 * window's slices, computed in the sealing pool a few slices ahead of the writer: while the
 * writer's thread writes slice i, the pool seals slices i+1 … i+4. Slices are drawn from their
 * iterator only that far ahead, so a window's pairs are never all held at once. Whether
 * ciphertexts are made is asked as each slice is sent (`withCiphertext`): a writer that finds
 * the persons stored already stops paying for ciphertexts it would not use. Without a pool
 * nothing is sealed ahead: the writer's thread computes what it needs as it resolves the persons.
 */
export class SealingAhead<Slice> {
  private readonly queue: { slice: Slice; idNumbers: string[]; sealed?: Promise<SealedValues> }[] = [];

  constructor(
    private readonly pool: SealingPool | undefined,
    private readonly slices: Iterator<Slice>,
    private readonly idNumbersOf: (slice: Slice) => string[],
    private readonly withCiphertext: () => boolean,
  ) {}

  /** The next slice and its sealed ID numbers (none without a pool); undefined after the last. */
  async next(): Promise<{ slice: Slice; sealed: ReadonlyMap<string, SealedIdNumber> } | undefined> {
    const { pool } = this;
    while (this.queue.length < 1 + (pool ? SLICES_AHEAD : 0)) {
      const drawn = this.slices.next();
      if (drawn.done) break;
      this.queue.push({ slice: drawn.value, idNumbers: pool ? this.idNumbersOf(drawn.value) : [] });
    }
    if (pool) for (const item of this.queue) item.sealed ??= pool.seal('id', item.idNumbers, this.withCiphertext());
    const item = this.queue.shift();
    if (!item) return undefined;
    if (!item.sealed) return { slice: item.slice, sealed: NOTHING_SEALED };
    const sealed = await item.sealed;
    // The strings are made now, as the slice is written, so they die young.
    const byIdNumber = new Map<string, SealedIdNumber>();
    item.idNumbers.forEach((idNumber, k) =>
      byIdNumber.set(idNumber, { index: sealed.indexAt(k), sealed: sealed.sealedAt(k) }),
    );
    return { slice: item.slice, sealed: byIdNumber };
  }
}
