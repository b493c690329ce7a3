import { useCallback, useEffect, useState } from 'react';

export interface RemoteData<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
}

/**
 * Loads data for a page and reloads whenever `key` changes (serialise the query into it).
 * Answers to superseded requests are dropped, so fast filter changes never show stale rows.
 */
export function useRemoteData<T>(load: () => Promise<T>, key: string): RemoteData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    load()
      .then((result) => {
        if (!isCurrent) return;
        setData(result);
        setError(undefined);
      })
      .catch((cause: unknown) => {
        if (isCurrent) setError(cause);
      })
      .finally(() => {
        if (isCurrent) setIsLoading(false);
      });
    return () => {
      isCurrent = false;
    };
    // `load` is a fresh closure every render; `key` says when the request really changed.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, isLoading, reload };
}
