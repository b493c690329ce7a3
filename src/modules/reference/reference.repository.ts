import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { IndustryTable, OccupationTable, RegionAliasTable, RegionTable } from './reference.table.ts';

/** All SQL of the reference module: regions, their aliases, industries and occupations. */

// 100 rows × at most 6 columns stays far below SQLite's and PostgreSQL's bind-parameter limits.
const BATCH_ROWS = 100;

type ReferenceTableName = 'regions' | 'region_aliases' | 'industries' | 'occupations';

/**
 * Inserts rows keyed by `code`, updating only rows whose values differ, so that loading the
 * same files twice writes nothing. Returns the number of rows inserted or changed.
 */
async function upsertByCode<Row extends { code: string }>(
  db: Db,
  table: ReferenceTableName,
  rows: Row[],
  columns: readonly (keyof Row & string)[],
): Promise<number> {
  const updated = columns.filter((column) => column !== 'code');
  let written = 0;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const values = batch.map((row) => sql`(${sql.join(columns.map((column) => row[column]))})`);
    // `is distinct from` (SQLite ≥ 3.39, PostgreSQL) also compares nullable columns correctly.
    const result = await sql`
      insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.id(column)))})
      values ${sql.join(values)}
      on conflict (code) do update set
        ${sql.join(updated.map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`))}
      where ${sql.join(
        updated.map((column) => sql`${sql.ref(`${table}.${column}`)} is distinct from excluded.${sql.id(column)}`),
        sql` or `,
      )}`.execute(db);
    written += toNumber(result.numAffectedRows ?? 0);
  }
  return written;
}

/** Inserts or updates regions by code; returns how many rows were written. */
export function upsertRegions(db: Db, rows: RegionTable[]): Promise<number> {
  return upsertByCode(db, 'regions', rows, ['code', 'name', 'level', 'kind', 'city_code', 'is_directly_administered']);
}

/** Inserts or updates region aliases (retired codes, statistical zones) by code. */
export function upsertRegionAliases(db: Db, rows: RegionAliasTable[]): Promise<number> {
  return upsertByCode(db, 'region_aliases', rows, ['code', 'name', 'current_code', 'kind', 'note']);
}

/** Inserts or updates GB/T 4754 sections and divisions by code. */
export function upsertIndustries(db: Db, rows: IndustryTable[]): Promise<number> {
  return upsertByCode(db, 'industries', rows, ['code', 'name', 'level', 'section', 'is_manufacturing']);
}

/** Inserts or updates 大典 occupations by code. */
export function upsertOccupations(db: Db, rows: OccupationTable[]): Promise<number> {
  return upsertByCode(db, 'occupations', rows, ['code', 'name', 'major_group', 'is_digital', 'is_green', 'is_common']);
}

/** The region with this current code, if any. */
export function findRegion(db: Db, code: string) {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The alias (retired code or statistical zone) with this code, if any. */
export function findRegionAlias(db: Db, code: string) {
  return db.selectFrom('region_aliases').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Codes of a city and every county-level division whose city it is. */
export async function findCityScopeCodes(db: Db, cityCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('regions')
    .select('code')
    .where((eb) => eb.or([eb('code', '=', cityCode), eb('city_code', '=', cityCode)]))
    .orderBy('code')
    .execute();
  return rows.map((row) => row.code);
}

/** Names of the given region codes (a county-level division with its city: 南京市江宁区), by code. */
export async function findRegionNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('regions as r')
    .leftJoin('regions as c', (join) => join.onRef('c.code', '=', 'r.city_code').on('r.level', '=', 'county'))
    .select(['r.code', 'r.name', 'c.name as city_name'])
    .where('r.code', 'in', codes)
    .execute();
  return new Map(rows.map((row) => [row.code, `${row.city_name ?? ''}${row.name}`]));
}

/** Every current region code. */
export async function findAllRegionCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('regions').select('code').orderBy('code').execute();
  return rows.map((row) => row.code);
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface RegionFilter {
  q?: string;
  level?: RegionTable['level'];
  city?: string;
}

export interface IndustryFilter {
  q?: string;
  level?: IndustryTable['level'];
  section?: string;
  isManufacturing?: boolean;
}

export interface OccupationFilter {
  q?: string;
  majorGroup?: string;
  isDigital?: boolean;
  isGreen?: boolean;
}

/** A page of regions matching the filter, ordered by code, with the total count. */
export async function queryRegions(db: Db, filter: RegionFilter, page: PageRequest) {
  let query = db.selectFrom('regions').where(matchesText(filter.q));
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.city) query = query.where('city_code', '=', filter.city);
  const total = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('code').limit(page.limit).offset(page.offset).execute();
  return { rows, total: toNumber(total.total) };
}

/** A page of industries matching the filter, sections before their divisions. */
export async function queryIndustries(db: Db, filter: IndustryFilter, page: PageRequest) {
  let query = db.selectFrom('industries').where(matchesText(filter.q));
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.section) query = query.where('section', '=', filter.section.toUpperCase());
  if (filter.isManufacturing !== undefined) query = query.where('is_manufacturing', '=', filter.isManufacturing ? 1 : 0);
  const total = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('section')
    .orderBy('level', 'desc') // 'section' sorts after 'division': the section row comes first
    .orderBy('code')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: toNumber(total.total) };
}

/** A page of occupations matching the filter, ordered by code. */
export async function queryOccupations(db: Db, filter: OccupationFilter, page: PageRequest) {
  let query = db.selectFrom('occupations').where(matchesText(filter.q));
  if (filter.majorGroup) query = query.where('major_group', '=', filter.majorGroup);
  if (filter.isDigital !== undefined) query = query.where('is_digital', '=', filter.isDigital ? 1 : 0);
  if (filter.isGreen !== undefined) query = query.where('is_green', '=', filter.isGreen ? 1 : 0);
  const total = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('code').limit(page.limit).offset(page.offset).execute();
  return { rows, total: toNumber(total.total) };
}

/**
 * A name containing the text or a code starting with it; LIKE wildcards in the text are
 * escaped, and the code is compared upper-case because section letters are capitals.
 */
function matchesText(q: string | undefined) {
  const text = q?.trim() ?? '';
  const escaped = text.replace(/[\\%_]/g, (char) => `\\${char}`);
  return sql<boolean>`(${text} = '' or name like ${`%${escaped}%`} escape '\\' or code like ${`${escaped.toUpperCase()}%`} escape '\\')`;
}
