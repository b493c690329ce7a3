import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { inPeriods } from './enterprise-months.repository.ts';

/** SQL of the refresh's bookkeeping: the data's extent, the calendar, clearing months, the refresh log, the ledger's size. */

export interface DataExtent {
  from: number | null;
  through: number | null;
}

/** The first and last month of any roster, contribution or spell on file. */
export async function findDataExtent(db: Db): Promise<DataExtent> {
  const row = await sql<{ f1: unknown; f2: unknown; f3: unknown; t1: unknown; t2: unknown; t3: unknown }>`
    select (select min(period) from roster_periods) as f1, (select min(period) from contributions) as f2,
           (select min(first_period) from employment_spells) as f3,
           (select max(period) from roster_periods) as t1, (select max(period) from contributions) as t2,
           (select max(last_period) from employment_spells) as t3`.execute(db);
  const r = row.rows[0]!;
  const present = (values: unknown[]) =>
    values.filter((v) => v !== null && v !== undefined).map((v) => toNumber(v as number));
  const froms = present([r.f1, r.f2, r.f3]);
  const throughs = present([r.t1, r.t2, r.t3]);
  return { from: froms.length ? Math.min(...froms) : null, through: throughs.length ? Math.max(...throughs) : null };
}

/** The months the stored aggregates cover. */
export async function findStoredMonths(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('monitoring_months').select('period').orderBy('period').execute();
  return rows.map((r) => toNumber(r.period));
}

/** Replaces the calendar of the aggregates. */
export async function replaceMonths(
  db: Db,
  months: readonly { period: number; monthIndex: number; monthEnd: string }[],
): Promise<void> {
  await db.deleteFrom('monitoring_months').execute();
  for (let i = 0; i < months.length; i += 200) {
    const part = months
      .slice(i, i + 200)
      .map((m) => ({ period: m.period, month_index: m.monthIndex, month_end: m.monthEnd }));
    await db.insertInto('monitoring_months').values(part).execute();
  }
}

/** Deletes the enterprise-month rows (and their separations) about to be rebuilt. */
export async function clearEnterpriseMonths(db: Db, periods: readonly number[] | undefined): Promise<void> {
  await sql`delete from enterprise_month_separations where ${inPeriods('period', periods)}`.execute(db);
  await sql`delete from enterprise_month_stats where ${inPeriods('period', periods)}`.execute(db);
}

/** Counts the rows of a table, for the refresh log. */
export async function countRows(db: Db, table: 'enterprise_month_stats' | 'absorbed_persons'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

export interface RefreshLogEntry {
  startedAt: string;
  finishedAt: string;
  rangeFrom: number;
  rangeTo: number;
  dataThrough: number | null;
  periods: number[] | null;
  statsRows: number;
  absorbedPersons: number;
  alertsCreated: number;
}

/** Records a finished refresh; its id is the generation cached results are checked against. */
export async function insertRefreshLog(db: Db, entry: RefreshLogEntry): Promise<number> {
  const row = await db
    .insertInto('monitoring_refreshes')
    .values({
      started_at: entry.startedAt,
      finished_at: entry.finishedAt,
      range_from: entry.rangeFrom,
      range_to: entry.rangeTo,
      data_through: entry.dataThrough,
      periods: entry.periods ? entry.periods.join(',') : null,
      stats_rows: entry.statsRows,
      absorbed_persons: entry.absorbedPersons,
      alerts_created: entry.alertsCreated,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toNumber(row.id);
}

/** The latest refresh: the aggregates' generation, months and data horizon; undefined before the first. */
export async function findLatestRefresh(
  db: Db,
): Promise<
  { id: number; rangeFrom: number; rangeTo: number; dataThrough: number | null; finishedAt: string } | undefined
> {
  const row = await db
    .selectFrom('monitoring_refreshes')
    .select(['id', 'range_from', 'range_to', 'data_through', 'finished_at'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: toNumber(row.id),
    rangeFrom: toNumber(row.range_from),
    rangeTo: toNumber(row.range_to),
    dataThrough: row.data_through === null ? null : toNumber(row.data_through),
    finishedAt: row.finished_at,
  };
}

/**
 * How many entries the benefits ledger holds. Entries are only ever added, so the count moves
 * with every committed payment — unlike the highest id, which a transaction that took a lower
 * id but committed later would leave unchanged.
 */
export async function countLedgerEntries(db: Db): Promise<number> {
  const row = await db
    .selectFrom('benefit_journal')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/**
 * PostgreSQL only: refreshes the planner's statistics of tables an import has just filled.
 * The refresh runs right after bulk writes, before autovacuum (if enabled at all) has sampled
 * them, and without statistics the planner picks nested loops over millions of rows.
 */
export async function analyzeTables(db: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}
