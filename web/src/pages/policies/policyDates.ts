import type { PolicySummary } from '../../api/policies.ts';

/** Today in Beijing time, YYYY-MM-DD. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The date the calculator starts from: today, or — when every policy of the catalogue has
 * already ended — the last day any of them was in force, so the page shows results, not an
 * empty list. The page says which date it used, and the user can change it.
 */
export function defaultCalculationDate(policies: readonly PolicySummary[], today = todayInShanghai()): string {
  const ends = policies.map((policy) => policy.valid.to).filter((end): end is string => Boolean(end));
  const isAnyOpen = policies.some((policy) => !policy.valid.to || policy.valid.to >= today);
  if (isAnyOpen || ends.length === 0) return today;
  return ends.sort().at(-1)!;
}
