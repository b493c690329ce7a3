import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { PolicyVersionTable } from '../policy.table.ts';

/** All SQL of the policy catalogue (policy_versions). */

export type PolicyVersionRow = Selectable<PolicyVersionTable>;

/** Every version of a policy, newest first. */
export async function findPolicyVersions(db: Db, code: string): Promise<PolicyVersionRow[]> {
  const rows = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('code', '=', code)
    .orderBy('version_no', 'desc')
    .execute();
  return rows.map(normalizeRow);
}

/** The newest version of each policy that came from its file (to see whether the file changed). */
export async function findLatestFileVersion(db: Db, code: string): Promise<PolicyVersionRow | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('code', '=', code)
    .where('source', '=', 'file')
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && normalizeRow(row);
}

/** The version in force: the newest one the engine accepted. */
export async function findCurrentVersion(db: Db, code: string): Promise<PolicyVersionRow | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('code', '=', code)
    .where('status', '=', 'active')
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && normalizeRow(row);
}

/** One version by its number. */
export async function findVersionByNumber(
  db: Db,
  code: string,
  versionNo: number,
): Promise<PolicyVersionRow | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('code', '=', code)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  return row && normalizeRow(row);
}

/** For each policy code: its newest version of any status and its newest accepted one. */
export async function findCatalogueHeads(db: Db): Promise<{ latest: PolicyVersionRow; current?: PolicyVersionRow }[]> {
  const rows = (
    await db.selectFrom('policy_versions').selectAll().orderBy('code').orderBy('version_no', 'desc').execute()
  ).map(normalizeRow);
  const heads = new Map<string, { latest: PolicyVersionRow; current?: PolicyVersionRow }>();
  for (const row of rows) {
    const head = heads.get(row.code) ?? { latest: row };
    if (!head.current && row.status === 'active') head.current = row;
    heads.set(row.code, head);
  }
  return [...heads.values()];
}

/**
 * Appends a version with the next number of its code. Call inside a transaction; on
 * PostgreSQL an advisory lock keeps two starting processes from taking the same number.
 */
export async function insertPolicyVersion(
  db: Db,
  dialect: Dialect,
  row: Omit<Insertable<PolicyVersionTable>, 'version_no'>,
): Promise<PolicyVersionRow> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${CATALOGUE_LOCK_KEY})`.execute(db);
  const last = await db
    .selectFrom('policy_versions')
    .select((eb) => eb.fn.max('version_no').as('n'))
    .where('code', '=', row.code)
    .executeTakeFirst();
  const versionNo = toNumber(last?.n as number | null) + 1;
  const inserted = await db
    .insertInto('policy_versions')
    .values({ ...row, version_no: versionNo })
    .returningAll()
    .executeTakeFirstOrThrow();
  return normalizeRow(inserted);
}

/** Takes the catalogue lock so that a concurrent start sees the versions this one adds. */
export async function lockCatalogue(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${CATALOGUE_LOCK_KEY})`.execute(db);
}

const CATALOGUE_LOCK_KEY = 7_291_020;

// PostgreSQL returns bigserial ids as strings: numbers from here on.
function normalizeRow(row: PolicyVersionRow): PolicyVersionRow {
  return {
    ...row,
    id: toNumber(row.id),
    version_no: toNumber(row.version_no),
    based_on: row.based_on === null ? null : toNumber(row.based_on),
    created_by: row.created_by === null ? null : toNumber(row.created_by),
  };
}
