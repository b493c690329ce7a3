import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '../../api/benefits.ts';

/**
 * The Idempotency-Key of one user action: the same key for every retry of the action until it
 * succeeds (so a lost answer is replayed, not done twice), a fresh one for the next action.
 */
export function useActionKey(): { key: () => string; done: () => void } {
  const current = useRef<string | null>(null);
  const key = useCallback(() => {
    current.current ??= newIdempotencyKey();
    return current.current;
  }, []);
  const done = useCallback(() => {
    current.current = null;
  }, []);
  return { key, done };
}
