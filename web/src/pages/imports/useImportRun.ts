import { useEffect, useState } from 'react';
import { getImportRun, type ImportRun } from '../../api/imports.ts';

const POLL_MS = 1000;

/**
 * Follows a run while it is queued or running: asks for it every second until its status changes, then
 * stops. A failed request is retried on the next tick and reported meanwhile.
 */
export function useImportRun(): {
  run: ImportRun | undefined;
  error: unknown;
  follow: (run: ImportRun | undefined) => void;
} {
  const [run, setRun] = useState<ImportRun>();
  const [error, setError] = useState<unknown>();
  const [retries, setRetries] = useState(0);

  useEffect(() => {
    if (!run || (run.status !== 'running' && run.status !== 'queued')) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      getImportRun(run.id)
        .then((next) => {
          if (!isCurrent) return;
          setRun(next);
          setError(undefined);
        })
        .catch((cause: unknown) => {
          if (!isCurrent) return;
          setError(cause);
          setRetries((count) => count + 1);
        });
    }, POLL_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [run, retries]);

  const follow = (next: ImportRun | undefined) => {
    setError(undefined);
    setRun(next);
  };
  return { run, error, follow };
}
