import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/**
 * A streaming replica the dashboards read from (issue 18, docs/operations.md): opened when
 * DATABASE_READ_URL is set, on the primary's schema. Its replay lag is read at most every
 * `CHECK_INTERVAL_MS`; a replica that is too far behind or unreachable is not used, and reads
 * fall back to the primary until it catches up. Writes never go there.
 */
export interface ReadReplica {
  db: Kysely<Database>;
  maxLagSeconds: number;
  close(): Promise<void>;
  /** The last reading of the lag (null: unreachable), and when it was taken. */
  last?: { at: number; lagSeconds: number | null };
}

/** Where a dashboard's reads went, shown on the dashboard. */
export interface ReadSource {
  source: 'primary' | 'replica';
  /** The replica's lag in seconds when one is configured and reachable; null otherwise. */
  lagSeconds: number | null;
  maxLagSeconds: number | null;
  /** Why the primary answered although a replica is configured. */
  fallback?: 'lagging' | 'unreachable';
}

const CHECK_INTERVAL_MS = 2000;

export function openReadReplica(ctxConfig: AppContext['config']): ReadReplica | undefined {
  const { readReplica, database } = ctxConfig;
  if (!readReplica || database.dialect !== 'postgres') return undefined;
  const handle: DatabaseHandle = openDatabase({ ...database, url: readReplica.url });
  return { db: handle.db, maxLagSeconds: readReplica.maxLagSeconds, close: () => handle.close() };
}

/**
 * Seconds the replica's replay is behind: 0 when it has replayed all it received (an idle
 * primary sends nothing, so the time since the last replayed transaction says nothing then), the
 * time since the last replayed transaction otherwise, 0 for a server not in recovery (a promoted
 * standby). Null when it cannot be reached.
 */
export async function measureReplicaLag(replica: ReadReplica): Promise<number | null> {
  try {
    const { rows } = await sql<{ lag: string | number | null }>`
      select case when not pg_is_in_recovery() then 0
                  when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                  else extract(epoch from now() - pg_last_xact_replay_timestamp()) end as lag`.execute(replica.db);
    return Number(rows[0]?.lag ?? 0);
  } catch {
    return null;
  }
}

async function currentLag(replica: ReadReplica): Promise<number | null> {
  const last = replica.last;
  if (last && performance.now() - last.at < CHECK_INTERVAL_MS) return last.lagSeconds;
  const lagSeconds = await measureReplicaLag(replica);
  replica.last = { at: performance.now(), lagSeconds };
  return lagSeconds;
}

/** The context a dashboard reads with: the replica's when it is close enough, else the primary's. */
export async function readingContext(ctx: AppContext): Promise<{ ctx: AppContext; readSource: ReadSource }> {
  const replica = ctx.readReplica;
  if (!replica) return { ctx, readSource: { source: 'primary', lagSeconds: null, maxLagSeconds: null } };
  const lagSeconds = await currentLag(replica);
  const base = { lagSeconds, maxLagSeconds: replica.maxLagSeconds };
  if (lagSeconds === null) return { ctx, readSource: { source: 'primary', ...base, fallback: 'unreachable' } };
  if (lagSeconds > replica.maxLagSeconds)
    return { ctx, readSource: { source: 'primary', ...base, fallback: 'lagging' } };
  return { ctx: { ...ctx, db: replica.db }, readSource: { source: 'replica', ...base } };
}
