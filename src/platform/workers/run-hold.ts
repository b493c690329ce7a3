import { threadId } from 'node:worker_threads';

/**
 * A hold for tests of background runs (match runs, imports): the run stops just before it
 * starts, in whichever thread it works, until the test releases it. Slot 0 releases, slot 1 is
 * set once the run waits, slot 2 holds the waiting thread's id.
 */

/** A held run waits at most this long, so a hold in the server's thread cannot hang the process for good. */
const HOLD_LIMIT_MS = 15_000;

export function createRunHold(): SharedArrayBuffer {
  return new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
}

/** Blocks the calling thread while a test holds the run. */
export function waitWhileHeld(hold: SharedArrayBuffer | undefined): void {
  if (!hold) return;
  const slots = new Int32Array(hold);
  Atomics.store(slots, 2, threadId);
  Atomics.store(slots, 1, 1);
  Atomics.wait(slots, 0, 0, HOLD_LIMIT_MS);
}

/** Lets a held run go on. */
export function releaseHeldRun(hold: SharedArrayBuffer): void {
  const slots = new Int32Array(hold);
  Atomics.store(slots, 0, 1);
  Atomics.notify(slots, 0);
}

/** Whether a held run is waiting, and in which thread. */
export function readRunHold(hold: SharedArrayBuffer): { isWaiting: boolean; threadId: number } {
  const slots = new Int32Array(hold);
  return { isWaiting: Atomics.load(slots, 1) === 1, threadId: Atomics.load(slots, 2) };
}
