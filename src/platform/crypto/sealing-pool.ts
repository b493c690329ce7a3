import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KeyConfig } from '../../config.ts';

/**
 * The blind indexes of a list of values and their SM4 ciphertexts when asked for, by position.
 * They are kept as bytes and made into strings when read: read them when about to use them.
 */
export class SealedValues {
  constructor(
    private readonly indexes: Uint8Array,
    private readonly sealed: Uint8Array | null,
    private readonly ends: Int32Array | null,
  ) {}

  get size(): number {
    return this.indexes.length / 32;
  }

  indexAt(i: number): string {
    return Buffer.from(this.indexes.buffer, this.indexes.byteOffset + i * 32, 32).toString('hex');
  }

  /** The ciphertext of value i, or null when none was asked for. */
  sealedAt(i: number): string | null {
    if (!this.sealed || !this.ends) return null;
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    return Buffer.from(this.sealed.buffer, this.sealed.byteOffset + start, this.ends[i]! - start).toString('latin1');
  }
}

interface Answer {
  id: number;
  indexes: Uint8Array;
  sealed: Uint8Array | null;
  ends: Int32Array | null;
}

/**
 * Worker threads that compute blind indexes and SM4 ciphertexts (ADR 0002) while the caller's
 * thread does something else — a first-load import writes one slice of persons while the next
 * slices are sealed. Answers equal the PersonalDataCipher's (same keys, same primitives,
 * sm-core.mjs). Threads start on the first request and end after a moment without work, and
 * never keep the process alive.
 */
export interface SealingPool {
  seal(kind: 'id' | 'phone' | 'email', values: readonly string[], withCiphertext: boolean): Promise<SealedValues>;
  close(): Promise<void>;
}

const WORKER = new URL('./sealing.worker.mjs', import.meta.url);
const IDLE_MS = 1_000;

/** One thread less than the machine has (the caller's thread writes), at least one, at most four. */
export function sealingThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Slot {
  worker: Worker;
  busy: number;
}

interface Waiting {
  resolve(values: SealedValues): void;
  reject(error: Error): void;
}

export function createSealingPool(keys: KeyConfig, threads: number = sealingThreads()): SealingPool {
  const slots: Slot[] = [];
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const fail = (error: Error) => {
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
    void stop();
  };
  const start = (): Slot => {
    const worker = new Worker(WORKER, {
      workerData: { encryption: keys.encryption, mac: keys.mac, blindIndex: keys.blindIndex },
      execArgv: [],
      // A thread holds one request's values at a time: a small heap keeps its memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 },
    });
    const slot = { worker, busy: 0 };
    worker.on('message', ({ id, indexes, sealed, ends }: Answer) => {
      slot.busy -= 1;
      // A thread with work keeps the process alive (someone awaits it); an idle one does not.
      if (slot.busy === 0) worker.unref();
      const request = waiting.get(id);
      waiting.delete(id);
      request?.resolve(new SealedValues(indexes, sealed, ends));
      if (waiting.size === 0) scheduleStop();
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (code !== 0 && waiting.size > 0) fail(new Error(`加密线程意外退出（退出码 ${code}）`));
    });
    worker.unref();
    slots.push(slot);
    return slot;
  };
  const scheduleStop = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void stop(), IDLE_MS);
    idleTimer.unref();
  };
  const stop = async () => {
    clearTimeout(idleTimer);
    const stopping = slots.splice(0).map((slot) => slot.worker.terminate());
    await Promise.all(stopping);
  };
  const leastBusy = (): Slot => {
    const idle = slots.find((slot) => slot.busy === 0);
    if (idle) return idle;
    if (slots.length < threads) return start();
    return slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  };

  return {
    seal(kind, values, withCiphertext) {
      clearTimeout(idleTimer);
      const slot = leastBusy();
      slot.busy += 1;
      slot.worker.ref();
      const id = nextId++;
      return new Promise<SealedValues>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        slot.worker.postMessage({ id, kind, values, withCiphertext });
      });
    },
    close: stop,
  };
}
