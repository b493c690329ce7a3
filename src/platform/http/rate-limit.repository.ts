import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';

/**
 * Counts one request against a key in one statement: a window that has ended starts again at 1,
 * otherwise the count goes up. Every process reads and writes the same row, so a limit holds
 * whichever process a request reaches. Answers the count and when the window ends.
 */
export async function countRequest(
  db: Db,
  key: string,
  now: number,
  windowMs: number,
): Promise<{ hits: number; windowEndsAt: number }> {
  const { rows } = await sql<{ hits: number | string; window_ends_at: number | string }>`
    insert into rate_limit_counters (key, hits, window_ends_at) values (${key}, 1, ${now + windowMs})
    on conflict (key) do update set
      hits = case when rate_limit_counters.window_ends_at <= ${now} then 1 else rate_limit_counters.hits + 1 end,
      window_ends_at = case when rate_limit_counters.window_ends_at <= ${now} then ${now + windowMs}
                            else rate_limit_counters.window_ends_at end
    returning hits, window_ends_at`.execute(db);
  const row = rows[0]!;
  return { hits: toNumber(row.hits), windowEndsAt: toNumber(row.window_ends_at) };
}

/** Removes counters whose window ended before `before` (a maintenance pass); answers how many. */
export async function deleteEndedCounters(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('rate_limit_counters').where('window_ends_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
