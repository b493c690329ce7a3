import type { Db } from '../../db/database.ts';
import { findLatestRefresh } from './refresh.repository.ts';

/**
 * Dashboard answers change only when the aggregates are refreshed, and many officials ask the
 * same questions, so results are kept per database and checked against the latest refresh id:
 * any process's refresh (after an import) retires them everywhere, within a second at most.
 * The id is read at most once a second per process; nothing else is trusted to memory.
 */

const MAX_ENTRIES = 1000;

interface Entry {
  generation: number;
  value: unknown;
}

const caches = new WeakMap<object, Map<string, Entry>>();

export interface Aggregates {
  /** The latest refresh id; 0 before the first refresh. */
  generation: number;
  rangeFrom: number | null;
  rangeTo: number | null;
  dataThrough: number | null;
  refreshedAt: string | null;
}

// Another process's refresh is noticed within this time; this process's own refresh at once.
const CHECK_INTERVAL_MS = 1000;
const checked = new WeakMap<object, { at: number; aggregates: Aggregates }>();

/** The state of the pre-aggregates: generation, months covered and data horizon. */
export async function currentAggregates(db: Db): Promise<Aggregates> {
  const recent = checked.get(db);
  if (recent && performance.now() - recent.at < CHECK_INTERVAL_MS) return recent.aggregates;
  const latest = await findLatestRefresh(db);
  const aggregates = latest
    ? { generation: latest.id, rangeFrom: latest.rangeFrom, rangeTo: latest.rangeTo, dataThrough: latest.dataThrough, refreshedAt: latest.finishedAt }
    : { generation: 0, rangeFrom: null, rangeTo: null, dataThrough: null, refreshedAt: null };
  checked.set(db, { at: performance.now(), aggregates });
  return aggregates;
}

/** Forgets the remembered state, so the next read sees a refresh this process just made. */
export function forgetAggregates(db: Db): void {
  checked.delete(db);
}

/** The cached result for a key at this generation, computed (and kept) when missing or stale. */
export async function cached<T>(db: Db, generation: number, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    // Re-inserting keeps the map in least-recently-used order for eviction.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  cache.set(key, { generation, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
