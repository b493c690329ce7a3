import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';

/** A job that failed on its last attempt, as the queue (pg-boss) keeps it in `job` or, later, `archive`. */
export interface DeadLetterRow {
  id: string;
  name: string;
  attempts: number;
  failedAt: string;
  error: string | null;
}

/** Whether the queue's schema exists in this database (it is made when the first process opens the queue). */
export async function hasJobSchema(db: Db, schema: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${`${schema}.job`})::text as found`.execute(
    db,
  );
  return rows[0]?.found != null;
}

/** Failed jobs, newest first, from the live table and the archive; answers at most `limit`. */
export async function findDeadLetters(db: Db, schema: string, limit: number): Promise<DeadLetterRow[]> {
  const live = sql.table(`${schema}.job`);
  const archived = sql.table(`${schema}.archive`);
  const { rows } = await sql<{
    id: string;
    name: string;
    retry_count: number | string;
    completed_on: Date | string | null;
    error: string | null;
  }>`
    select id::text as id, name, retry_count, completed_on, output->>'message' as error
      from ${live} where state = 'failed'
    union all
    select id::text as id, name, retry_count, completed_on, output->>'message' as error
      from ${archived} where state = 'failed'
    order by completed_on desc nulls last
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    attempts: toNumber(r.retry_count) + 1,
    failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : '',
    error: r.error,
  }));
}

/** How many jobs wait, work and failed, from the live table. */
export async function countJobStates(db: Db, schema: string) {
  const { rows } = await sql<{ state: string; n: number | string }>`
    select state, count(*) as n from ${sql.table(`${schema}.job`)} group by state`.execute(db);
  const of = (...states: string[]) =>
    rows.filter((r) => states.includes(r.state)).reduce((sum, r) => sum + toNumber(r.n), 0);
  return { waiting: of('created', 'retry'), active: of('active'), failed: of('failed') };
}
