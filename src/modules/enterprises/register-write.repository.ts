import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { EnterpriseRecognitionTable, EnterpriseTable } from './enterprises.table.ts';

/** SQL of the register's write path (file import and exchange push): a few set-wise statements per batch. */

export type EnterpriseRow = Selectable<EnterpriseTable>;
export type NewRecognition = Insertable<EnterpriseRecognitionTable>;

// SQLite allows 32,766 bound values per statement and PostgreSQL 65,535: stay under both.
const MAX_BOUND_VALUES = 30_000;

/** Splits rows so that no statement binds more than the smaller of the two limits. */
export function chunksFor<T>(rows: readonly T[], valuesPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_BOUND_VALUES / valuesPerRow));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

const REGISTER_LOCK_KEY = 7_291_002;

/**
 * Serialises writers of the register on PostgreSQL, so change-feed sequence numbers commit in
 * the order they are drawn and a consumer's cursor can never skip a late commit. SQLite has a
 * single writer already.
 */
export async function lockRegisterWriters(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${REGISTER_LOCK_KEY})`.execute(db);
}

/** The stored rows of these credit codes, in one query per chunk. */
export async function findEnterprisesByUscc(db: Db, usccs: readonly string[]): Promise<EnterpriseRow[]> {
  const found: EnterpriseRow[] = [];
  for (const chunk of chunksFor(usccs, 1)) {
    found.push(...(await db.selectFrom('enterprises').selectAll().where('uscc', 'in', chunk).execute()));
  }
  return found;
}

/** The recognitions on record for these credit codes (natural key and validity only). */
export async function findRecognitionsByUscc(db: Db, usccs: readonly string[]) {
  const found: { uscc: string; tier: string; recognized_on: string; valid_until: string }[] = [];
  for (const chunk of chunksFor(usccs, 1)) {
    found.push(
      ...(await db
        .selectFrom('enterprise_recognitions')
        .select(['uscc', 'tier', 'recognized_on', 'valid_until'])
        .where('uscc', 'in', chunk)
        .execute()),
    );
  }
  return found;
}

/** Current regions and aliases (retired codes, statistical zones) for the codes a batch uses. */
export async function findPlaces(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return { regions: [], aliases: [] };
  const aliases = await db
    .selectFrom('region_aliases')
    .select(['code', 'name', 'current_code', 'kind', 'note'])
    .where('code', 'in', codes)
    .execute();
  const wanted = [...new Set([...codes, ...aliases.map((a) => a.current_code)])];
  const regions = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'city_code'])
    .where('code', 'in', wanted)
    .execute();
  return { regions, aliases };
}

/** Which of these GB/T 4754 codes exist. */
export async function findIndustryCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('industries').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((row) => row.code));
}

/** Appends change-feed entries and returns each credit code's new sequence number. */
export async function insertChanges(
  db: Db,
  usccs: readonly string[],
  changedAt: string,
  source: string,
): Promise<Map<string, number>> {
  const seqs = new Map<string, number>();
  for (const chunk of chunksFor(usccs, 3)) {
    const rows = await db
      .insertInto('enterprise_changes')
      .values(chunk.map((uscc) => ({ uscc, changed_at: changedAt, source })))
      .returning(['seq', 'uscc'])
      .execute();
    for (const row of rows) seqs.set(row.uscc, toNumber(row.seq));
  }
  return seqs;
}

const ENTERPRISE_COLUMN_COUNT = 16;

/** Inserts new enterprises and rewrites changed ones; created_at of an existing row is kept. */
export async function upsertEnterprises(db: Db, rows: readonly Insertable<EnterpriseTable>[]): Promise<void> {
  for (const chunk of chunksFor(rows, ENTERPRISE_COLUMN_COUNT)) {
    await db
      .insertInto('enterprises')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('uscc').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          region_code: eb.ref('excluded.region_code'),
          city_code: eb.ref('excluded.city_code'),
          industry_code: eb.ref('excluded.industry_code'),
          size: eb.ref('excluded.size'),
          tier: eb.ref('excluded.tier'),
          recognized_on: eb.ref('excluded.recognized_on'),
          valid_until: eb.ref('excluded.valid_until'),
          contact_name: eb.ref('excluded.contact_name'),
          contact_phone_enc: eb.ref('excluded.contact_phone_enc'),
          contact_phone_index: eb.ref('excluded.contact_phone_index'),
          content_hash: eb.ref('excluded.content_hash'),
          change_seq: eb.ref('excluded.change_seq'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Records recognitions; a corrected expiry date of a known recognition replaces the old one. */
export async function upsertRecognitions(db: Db, rows: readonly NewRecognition[]): Promise<void> {
  for (const chunk of chunksFor(rows, 6)) {
    await db
      .insertInto('enterprise_recognitions')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['uscc', 'tier', 'recognized_on']).doUpdateSet((eb) => ({
          valid_until: eb.ref('excluded.valid_until'),
          recorded_at: eb.ref('excluded.recorded_at'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute();
  }
}
