import type { Db } from '../../db/database.ts';
import { countLedgerEntries, findLatestRefresh } from './refresh/refresh.repository.ts';

/**
 * Dashboard answers change only when the aggregates are refreshed or a benefit is paid (paid
 * benefits are read live from the ledger), and many officials ask the same questions, so
 * results are kept per database and checked against the latest refresh id and the ledger's
 * size: any process's refresh (after an import) or bank result retires them everywhere, within
 * a second at most. Both are read at most once a second per process; nothing else is trusted
 * to memory.
 */

const MAX_ENTRIES = 1000;

interface Entry {
  version: string | number;
  value: unknown;
}

const caches = new WeakMap<object, Map<string, Entry>>();

export interface Aggregates {
  /** The latest refresh id; 0 before the first refresh. */
  generation: number;
  /** What answers that read the ledger too are checked against: the refresh id and the ledger's entry count. */
  version: string;
  rangeFrom: number | null;
  rangeTo: number | null;
  dataThrough: number | null;
  refreshedAt: string | null;
}

// Another process's refresh or payment is noticed within this time; this process's own at once.
const CHECK_INTERVAL_MS = 1000;
const checked = new WeakMap<object, { at: number; aggregates: Aggregates }>();

/** The state of the pre-aggregates: generation, months covered and data horizon. */
export async function currentAggregates(db: Db): Promise<Aggregates> {
  const recent = checked.get(db);
  if (recent && performance.now() - recent.at < CHECK_INTERVAL_MS) return recent.aggregates;
  const [latest, ledgerEntries] = await Promise.all([findLatestRefresh(db), countLedgerEntries(db)]);
  const generation = latest?.id ?? 0;
  const version = `${generation}:${ledgerEntries}`;
  const aggregates = latest
    ? {
        generation,
        version,
        rangeFrom: latest.rangeFrom,
        rangeTo: latest.rangeTo,
        dataThrough: latest.dataThrough,
        refreshedAt: latest.finishedAt,
      }
    : { generation, version, rangeFrom: null, rangeTo: null, dataThrough: null, refreshedAt: null };
  checked.set(db, { at: performance.now(), aggregates });
  return aggregates;
}

/** Forgets the remembered state, so the next read sees a refresh or payments this process just made. */
export function forgetAggregates(db: Db): void {
  checked.delete(db);
}

/**
 * The cached result for a key at this version (an Aggregates `version`, or its `generation` for
 * answers that do not read the ledger), computed (and kept) when missing or stale.
 */
export async function cached<T>(db: Db, version: string | number, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Re-inserting keeps the map in least-recently-used order for eviction.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  cache.set(key, { version, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
