import type { Db } from '../../db/database.ts';
import { toBoolean } from '../../db/convert.ts';

/** The region rows monitoring ranks and draws. */
export interface RegionRow {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  cityCode: string | null;
  isDirectlyAdministered: boolean;
}

function toRegionRow(r: {
  code: string;
  name: string;
  level: string;
  city_code: string | null;
  is_directly_administered: number;
}): RegionRow {
  return {
    code: r.code,
    name: r.name,
    level: r.level as RegionRow['level'],
    cityCode: r.city_code,
    isDirectlyAdministered: toBoolean(r.is_directly_administered),
  };
}

/** The notice's sixteen addressees: the 13 cities and the directly-administered 昆山, 泰兴, 沭阳. */
export async function findRankingUnits(db: Db): Promise<RegionRow[]> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'city_code', 'is_directly_administered'])
    .where((eb) => eb.or([eb('level', '=', 'city'), eb('is_directly_administered', '=', 1)]))
    .orderBy('code')
    .execute();
  return rows.map(toRegionRow);
}

/** The county-level divisions of a city (with its directly-administered county), or the county itself. */
export async function findDivisionsOf(db: Db, code: string): Promise<RegionRow[]> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'city_code', 'is_directly_administered'])
    .where((eb) =>
      eb.or([
        eb('city_code', '=', code).and('level', '=', 'county'),
        eb('code', '=', code).and('level', '=', 'county'),
      ]),
    )
    .orderBy('code')
    .execute();
  return rows.map(toRegionRow);
}

/** Names of regions by code. */
export async function findRegionNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
