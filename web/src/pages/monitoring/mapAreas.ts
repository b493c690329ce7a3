import type { KpiReport, Ranking } from '../../api/monitoring.ts';
import type { Region } from '../../api/reference.ts';
import type { MapArea } from './RegionMap.tsx';

export const PROVINCE_CODE = '320000';

/**
 * What the map colours. The province view colours the 13 cities with their whole value (the
 * ranking's wholeCityValue includes 昆山, 泰兴, 沭阳) and marks the three counties with their own;
 * a region view (a city official, or a region filter) colours only that region, with the
 * figure the cards show. A district is shown on its city's area, under its own name.
 */
export function mapAreasOf(
  ranking: Ranking,
  kpi: KpiReport,
  indicator: string,
  regions: readonly Region[],
): { cities: MapArea[]; counties: MapArea[] } {
  const nameOf = (code: string, fallback: string) => regions.find((region) => region.code === code)?.name ?? fallback;
  if (ranking.region === PROVINCE_CODE) {
    return {
      cities: ranking.rows
        .filter((row) => row.kind === 'city')
        .map((row) => ({
          code: row.code,
          name: nameOf(row.code, row.name),
          value: row.wholeCityValue ?? row.value,
          rank: row.rank,
        })),
      counties: ranking.rows
        .filter((row) => row.isDirectlyAdministered)
        .map((row) => ({ code: row.code, name: row.name, value: row.value, rank: row.rank })),
    };
  }
  const region = regions.find((candidate) => candidate.code === kpi.region);
  const area: MapArea = { code: kpi.region, name: kpi.region_name, value: kpi.indicators[indicator]?.actual ?? null };
  if (region?.isDirectlyAdministered) return { cities: [], counties: [area] };
  if (region?.level === 'county' && region.cityCode)
    return { cities: [{ ...area, code: region.cityCode }], counties: [] };
  return { cities: [area], counties: [] };
}

/** One bar of a county's comparison with its peers. */
export interface PeerBar {
  code: string;
  name: string;
  value: number | null;
  rank: number | null;
  isOwn: boolean;
}

/**
 * A county's own figure beside its peers' (the county-level divisions of its prefecture), highest
 * first as the ranking orders them; undefined when the ranking is not a county's. The GeoJSON has
 * no county outlines, so a county official sees these bars instead of a grey province map.
 */
export function peerBarsOf(ranking: Ranking): PeerBar[] | undefined {
  if (!ranking.peer_group) return undefined;
  return ranking.rows.map((row) => ({
    code: row.code,
    name: row.name,
    value: row.value,
    rank: row.rank,
    isOwn: row.code === ranking.region,
  }));
}
