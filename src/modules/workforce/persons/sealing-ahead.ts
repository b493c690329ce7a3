import type { SealingPool } from '../../../platform/crypto/sealing-pool.ts';
import type { SealedIdNumber } from './persons.service.ts';

// Slices sealed ahead of the one being written: enough to keep the sealing threads busy while
// a slice is written, few enough that their results (a few hundred bytes a person) stay small.
const SLICES_AHEAD = 4;
const NOTHING_SEALED: ReadonlyMap<string, SealedIdNumber> = new Map();

/**
 * The blind indexes — and, on a first load, the SM4 ciphertexts — of the ID numbers of a
 * window's slices, computed in the sealing pool a few slices ahead of the writer: while the
 * writer's thread writes slice i, the pool seals slices i+1 … i+4. Whether ciphertexts are
 * made is asked as each slice is sent (`withCiphertext`): a writer that finds the persons
 * stored already stops paying for ciphertexts it would not use. Without a pool nothing is
 * sealed ahead: the writer's thread computes what it needs as it resolves the persons.
 */
export class SealingAhead {
  private readonly pending: (Promise<ReadonlyMap<string, SealedIdNumber>> | undefined)[] = [];

  constructor(
    private readonly pool: SealingPool | undefined,
    private readonly slices: string[][],
    private readonly withCiphertext: () => boolean,
  ) {}

  /** Slice i's sealed ID numbers; sends the next slices to the pool. Take each slice once, in order. */
  take(i: number): Promise<ReadonlyMap<string, SealedIdNumber>> {
    if (!this.pool) return Promise.resolve(NOTHING_SEALED);
    for (let j = i; j < Math.min(this.slices.length, i + 1 + SLICES_AHEAD); j += 1) this.pending[j] ??= this.send(j);
    const sealed = this.pending[i]!;
    this.pending[i] = undefined;
    return sealed;
  }

  private async send(j: number): Promise<ReadonlyMap<string, SealedIdNumber>> {
    const idNumbers = this.slices[j]!;
    const { indexes, sealed } = await this.pool!.seal('id', idNumbers, this.withCiphertext());
    const byIdNumber = new Map<string, SealedIdNumber>();
    idNumbers.forEach((idNumber, k) => byIdNumber.set(idNumber, { index: indexes[k]!, sealed: sealed?.[k] ?? null }));
    return byIdNumber;
  }
}
