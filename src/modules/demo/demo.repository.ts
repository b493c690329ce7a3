import { sql, type Insertable } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { toNumber } from '../../db/convert.ts';
import type { OccupationTable, RegionTable } from '../reference/reference.table.ts';

/**
 * The demo writer's SQL: multi-row INSERTs cut under the bind-parameter limits (SQLite 32,766,
 * PostgreSQL 65,535), run inside the caller's large transactions.
 */

const MAX_PARAMETERS = 30_000;

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** How many enterprises and persons are stored: the demo loads only into an empty register. */
export async function countRegister(db: Db): Promise<{ enterprises: number; persons: number }> {
  const enterprises = await db
    .selectFrom('enterprises')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const persons = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { enterprises: toNumber(enterprises.n), persons: toNumber(persons.n) };
}

/** The county-level and city regions and the occupations, as loaded from reference/. */
export async function findReferenceData(db: Db): Promise<{ regions: RegionTable[]; occupations: OccupationTable[] }> {
  const regions = await db
    .selectFrom('regions')
    .selectAll()
    .where('level', 'in', ['city', 'county'])
    .orderBy('code')
    .execute();
  const occupations = await db.selectFrom('occupations').selectAll().orderBy('code').execute();
  return { regions, occupations };
}

/** The next free person id and change-feed sequence number (the generator numbers its own rows). */
export async function findNextIds(db: Db): Promise<{ personId: number; changeSeq: number }> {
  const person = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const change = await db
    .selectFrom('enterprise_changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return { personId: toNumber(person?.id) + 1, changeSeq: toNumber(change?.seq) + 1 };
}

/** Records the demo load as a run, so roster periods name where they came from. */
export async function insertDemoRun(db: Db, fileName: string, fingerprint: string, startedAt: string): Promise<number> {
  const row = await db
    .insertInto('import_runs')
    .values({
      kind: 'demo',
      file_name: fileName,
      file_sha256: fingerprint,
      status: 'running',
      started_at: startedAt,
      actor_name: 'demo',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toNumber(row.id);
}

/** Marks the demo run completed with its row count. */
export async function completeDemoRun(db: Db, runId: number, rows: number, finishedAt: string): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ status: 'completed', rows, accepted: rows, finished_at: finishedAt })
    .where('id', '=', runId)
    .execute();
}

/** One batch of every table the demo fills, in foreign-key order. */
export interface DemoRows {
  enterprise_changes: Row<'enterprise_changes'>[];
  enterprises: Row<'enterprises'>[];
  enterprise_recognitions: Row<'enterprise_recognitions'>[];
  persons: Row<'persons'>[];
  employment_spells: Row<'employment_spells'>[];
  roster_periods: Row<'roster_periods'>[];
  contributions: Row<'contributions'>[];
  graduates: Row<'graduates'>[];
  skill_certificates: Row<'skill_certificates'>[];
  professional_titles: Row<'professional_titles'>[];
  unemployment_registrations: Row<'unemployment_registrations'>[];
  poverty_status: Row<'poverty_status'>[];
}

/** Table names in the order they must be written. */
export const DEMO_TABLES = [
  'enterprise_changes',
  'enterprises',
  'enterprise_recognitions',
  'persons',
  'employment_spells',
  'roster_periods',
  'contributions',
  'graduates',
  'skill_certificates',
  'professional_titles',
  'unemployment_registrations',
  'poverty_status',
] as const satisfies readonly (keyof DemoRows)[];

/** Writes a batch's rows table by table, in statements of as many rows as the limits allow. */
export async function insertDemoRows(db: Db, rows: DemoRows): Promise<void> {
  for (const table of DEMO_TABLES) {
    const list = rows[table] as Row<typeof table>[];
    if (list.length === 0) continue;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(list[0]!).length));
    for (let start = 0; start < list.length; start += perStatement) {
      await db
        .insertInto(table)
        .values(list.slice(start, start + perStatement) as never)
        .execute();
    }
  }
}

/**
 * PostgreSQL's serial sequences do not see explicitly numbered rows: move them past the
 * demo's, so the next import's persons and feed entries get fresh numbers.
 */
export async function resetSequences(db: Db, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select setval(pg_get_serial_sequence('persons', 'id'), (select coalesce(max(id), 0) + 1 from persons), false)`.execute(
    db,
  );
  await sql`select setval(pg_get_serial_sequence('enterprise_changes', 'seq'), (select coalesce(max(seq), 0) + 1 from enterprise_changes), false)`.execute(
    db,
  );
}

/** A demo account by its user name (id, role, region, credit code), or undefined. */
export function findDemoAccount(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'region_code', 'uscc'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** Some enterprises of a city's divisions, by credit code, for the demo key-enterprise list. */
export async function findEnterprisesOfCity(db: Db, cityPrefix: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('enterprises')
    .select('uscc')
    .where('region_code', 'like', `${cityPrefix}%`)
    .orderBy('uscc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.uscc);
}

/** Whether any enterprise request exists (the demo's requests are added once). */
export async function hasGovernanceData(db: Db): Promise<boolean> {
  const row = await db.selectFrom('key_enterprises').select('uscc').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function hasCollectionApprovals(db: Db): Promise<boolean> {
  const row = await db.selectFrom('collection_approvals').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
