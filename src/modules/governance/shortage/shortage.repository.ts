import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { ShortageReportTable } from '../collections/collections.table.ts';

/** SQL of the 急需紧缺职业 survey: the enterprises' reports and the published catalogues. */

export function findEnterpriseCity(db: Db, uscc: string) {
  return db.selectFrom('enterprises').select(['uscc', 'city_code']).where('uscc', '=', uscc).executeTakeFirst();
}

export async function findKnownOccupations(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('occupations')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Replaces an enterprise's reports in a survey with the positions given. */
export async function replaceReports(
  db: Db,
  collectionId: number,
  uscc: string,
  rows: Insertable<ShortageReportTable>[],
): Promise<void> {
  await db.deleteFrom('shortage_reports').where('collection_id', '=', collectionId).where('uscc', '=', uscc).execute();
  if (rows.length) await db.insertInto('shortage_reports').values(rows).execute();
}

/** The reports of a survey (one enterprise's, or the cities given, or all), with names. */
export function listReportRows(db: Db, collectionId: number, filter: { uscc?: string; cityCodes?: readonly string[] }) {
  let query = db
    .selectFrom('shortage_reports as s')
    .innerJoin('enterprises as e', 'e.uscc', 's.uscc')
    .leftJoin('occupations as o', 'o.code', 's.occupation_code')
    .leftJoin('regions as r', 'r.code', 's.city_code')
    .select([
      's.id',
      's.uscc',
      'e.name as enterprise_name',
      's.city_code',
      'r.name as city_name',
      's.occupation_code',
      'o.name as occupation_name',
      's.headcount',
      's.urgency',
      's.note',
      's.reported_at',
    ])
    .where('s.collection_id', '=', collectionId);
  if (filter.uscc) query = query.where('s.uscc', '=', filter.uscc);
  if (filter.cityCodes)
    query = query.where('s.city_code', 'in', filter.cityCodes.length ? [...filter.cityCodes] : ['']);
  return query.orderBy('s.city_code').orderBy('s.occupation_code').orderBy('s.uscc').execute();
}
export type ReportRow = Awaited<ReturnType<typeof listReportRows>>[number];

/** A survey's reports summed per city and occupation. */
export function summariseReports(db: Db, collectionId: number, cityCodes?: readonly string[]) {
  let query = db
    .selectFrom('shortage_reports as s')
    .leftJoin('occupations as o', 'o.code', 's.occupation_code')
    .select([
      's.city_code',
      's.occupation_code',
      'o.name as occupation_name',
      (eb) => eb.fn.sum<number>('s.headcount').as('headcount'),
      (eb) => eb.fn.count<number>('s.uscc').distinct().as('enterprises'),
      sql<number>`sum(case when s.urgency = 'high' then 1 else 0 end)`.as('urgent'),
    ])
    .where('s.collection_id', '=', collectionId)
    .groupBy(['s.city_code', 's.occupation_code', 'o.name']);
  if (cityCodes) query = query.where('s.city_code', 'in', cityCodes.length ? [...cityCodes] : ['']);
  return query.orderBy('s.city_code').orderBy('headcount', 'desc').orderBy('s.occupation_code').execute();
}

export function findCatalogue(db: Db, cityCode: string, year: number) {
  return db
    .selectFrom('shortage_catalogues')
    .select('id')
    .where('city_code', '=', cityCode)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function insertCatalogue(
  db: Db,
  catalogue: { city_code: string; year: number; collection_id: number; published_at: string; published_by: number },
  entries: { occupation_code: string; headcount: number; enterprises: number }[],
): Promise<number> {
  const inserted = await db
    .insertInto('shortage_catalogues')
    .values(catalogue)
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  if (entries.length)
    await db
      .insertInto('shortage_catalogue_entries')
      .values(entries.map((e) => ({ ...e, catalogue_id: id })))
      .execute();
  return id;
}

/** Published catalogues (of a year, a city, or all) with their entries. */
export async function listCatalogueRows(db: Db, filter: { year?: number; cityCode?: string }) {
  let query = db
    .selectFrom('shortage_catalogues as c')
    .leftJoin('regions as r', 'r.code', 'c.city_code')
    .leftJoin('users as u', 'u.id', 'c.published_by')
    .select([
      'c.id',
      'c.city_code',
      'r.name as city_name',
      'c.year',
      'c.collection_id',
      'c.published_at',
      'u.display_name as published_by_name',
    ]);
  if (filter.year) query = query.where('c.year', '=', filter.year);
  if (filter.cityCode) query = query.where('c.city_code', '=', filter.cityCode);
  const catalogues = await query.orderBy('c.year', 'desc').orderBy('c.city_code').execute();
  const ids = catalogues.map((c) => Number(c.id));
  const entries = ids.length
    ? await db
        .selectFrom('shortage_catalogue_entries as e')
        .leftJoin('occupations as o', 'o.code', 'e.occupation_code')
        .select(['e.catalogue_id', 'e.occupation_code', 'o.name as occupation_name', 'e.headcount', 'e.enterprises'])
        .where('e.catalogue_id', 'in', ids)
        .orderBy('e.occupation_code')
        .execute()
    : [];
  return { catalogues, entries };
}
