import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';

/**
 * What data is on file, so that a fact is only stated where the data reaches: the months the
 * contribution and roster imports cover, whether each person registry has been loaded, and the
 * data snapshot (the latest completed import run of each kind) a computation used.
 */

export interface DataCoverage {
  contributionPeriods: Set<number>;
  rosterPeriods: Set<number>;
  /** The first roster month on file: spells starting then may have started earlier. */
  firstRosterPeriod: number | null;
  registries: { graduates: boolean; unemployment: boolean; poverty: boolean };
}

/** The months and registries on file (a registry is on file once it holds any row). */
export async function findDataCoverage(db: Db): Promise<DataCoverage> {
  const contributions = await db.selectFrom('contributions').select('period').groupBy('period').execute();
  const rosters = await db.selectFrom('roster_periods').select('period').groupBy('period').execute();
  const present = await sql<{ graduates: unknown; unemployment: unknown; poverty: unknown }>`
    select (select count(*) from (select 1 from graduates limit 1) g) as graduates,
           (select count(*) from (select 1 from unemployment_registrations limit 1) u) as unemployment,
           (select count(*) from (select 1 from poverty_status limit 1) p) as poverty`.execute(db);
  const flags = present.rows[0]!;
  const rosterPeriods = new Set(rosters.map((r) => toNumber(r.period)));
  return {
    contributionPeriods: new Set(contributions.map((r) => toNumber(r.period))),
    rosterPeriods,
    firstRosterPeriod: rosterPeriods.size > 0 ? Math.min(...rosterPeriods) : null,
    registries: {
      graduates: toNumber(flags.graduates as number) > 0,
      unemployment: toNumber(flags.unemployment as number) > 0,
      poverty: toNumber(flags.poverty as number) > 0,
    },
  };
}

/** The data snapshot: for each import kind, the id of its latest completed run. */
export async function findDataSnapshot(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('import_runs')
    .select(['kind', (eb) => eb.fn.max('id').as('run_id')])
    .where('status', '=', 'completed')
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.kind, toNumber(row.run_id as number)]));
}

/** The register's enterprises in a scope: region, size, tier and industry (section and manufacturing flag). */
export async function findEnterpriseProfiles(db: Db, uscc?: string) {
  let query = db
    .selectFrom('enterprises')
    .leftJoin('industries', 'industries.code', 'enterprises.industry_code')
    .leftJoin('regions', 'regions.code', 'enterprises.region_code')
    .select([
      'enterprises.uscc',
      'enterprises.name',
      'enterprises.region_code',
      'enterprises.city_code',
      'enterprises.size',
      'enterprises.tier',
      'enterprises.industry_code',
      'industries.section as industry_section',
      'industries.is_manufacturing',
      'regions.is_directly_administered',
    ])
    .orderBy('enterprises.uscc');
  if (uscc !== undefined) query = query.where('enterprises.uscc', '=', uscc);
  const rows = await query.execute();
  // 昆山、泰兴、沭阳 report to the province directly: they are units of their own beside the cities.
  return rows.map(({ is_directly_administered: direct, ...row }) => ({
    ...row,
    is_manufacturing: row.is_manufacturing === null ? null : toNumber(row.is_manufacturing),
    unit_code: toNumber(direct) === 1 ? row.region_code : row.city_code,
  }));
}

/** Names and encrypted ID numbers of persons, for the rows a calculator shows. */
export async function findPersonsForDisplay(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, { name: string; idEnc: string }>> {
  const persons = new Map<number, { name: string; idEnc: string }>();
  for (let i = 0; i < personIds.length; i += 1000) {
    const part = personIds.slice(i, i + 1000);
    const rows = await db.selectFrom('persons').select(['id', 'name', 'id_enc']).where('id', 'in', part).execute();
    for (const row of rows) persons.set(toNumber(row.id), { name: row.name, idEnc: row.id_enc });
  }
  return persons;
}

/** Names of regions by code. */
export async function findRegionNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((row) => [row.code, row.name]));
}
