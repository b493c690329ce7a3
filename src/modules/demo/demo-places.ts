import type { RegionTable } from '../reference/reference.table.ts';
import type { Random } from './random.ts';

/** A county-level division an enterprise is registered in, with its city. */
export interface DemoPlace {
  regionCode: string;
  regionName: string;
  kind: string;
  cityCode: string;
  cityName: string;
  isDirectlyAdministered: boolean;
}

// Rough shares of SRDI enterprises by city: the southern cities (苏州, 无锡, 南京, 常州) hold
// most, as their economies and the published recognition lists do.
const CITY_WEIGHTS: Record<string, number> = {
  '320500': 22,
  '320200': 14,
  '320100': 12,
  '320400': 11,
  '320600': 8,
  '320300': 5,
  '321200': 5,
  '321000': 4,
  '320900': 4,
  '321100': 4,
  '320800': 3,
  '320700': 2.5,
  '321300': 2.5,
};

// County-level cities (江阴, 常熟, 张家港, 昆山…) are industrial centres; rural counties less so.
const KIND_WEIGHTS: Record<string, number> = { district: 1, county_city: 1.4, county: 0.6 };

/** Chooses places: first one in each report area (13 cities, 3 directly-administered counties), then by weight. */
export interface PlacePicker {
  /** The report areas every scale covers, in code order. */
  areas: readonly DemoPlace[][];
  pick(random: Random, enterpriseIndex: number): DemoPlace;
  /** Every county-level place, for addresses of people born in Jiangsu. */
  all: readonly DemoPlace[];
}

/** Builds the picker over the current county-level divisions loaded from reference/. */
export function createPlacePicker(regions: readonly RegionTable[]): PlacePicker {
  const cityNames = new Map(regions.filter((r) => r.level === 'city').map((r) => [r.code, r.name]));
  const all: DemoPlace[] = regions
    .filter((r) => r.level === 'county' && r.city_code)
    .map((r) => ({
      regionCode: r.code,
      regionName: r.name,
      kind: r.kind,
      cityCode: r.city_code!,
      cityName: cityNames.get(r.city_code!) ?? '',
      isDirectlyAdministered: r.is_directly_administered === 1,
    }))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  if (all.length === 0) throw new Error('参考数据中没有县级行政区划，请先加载 reference/');
  const areas = reportAreas(all);
  const weighted = all.map((place): [DemoPlace, number] => [
    place,
    (CITY_WEIGHTS[place.cityCode] ?? 2) * (KIND_WEIGHTS[place.kind] ?? 1) * countyShare(place, all),
  ]);
  return {
    areas,
    all,
    pick: (random, index) => (index < areas.length ? random.pick(areas[index]!) : random.weighted(weighted)),
  };
}

// A city's weight is spread over its counties, so a city with many districts is not favoured.
function countyShare(place: DemoPlace, all: readonly DemoPlace[]): number {
  return 1 / all.filter((p) => p.cityCode === place.cityCode).length;
}

function reportAreas(all: readonly DemoPlace[]): DemoPlace[][] {
  const direct = all.filter((p) => p.isDirectlyAdministered).map((p) => [p]);
  const cities = [...new Set(all.map((p) => p.cityCode))].sort();
  const cityAreas = cities.map((city) => all.filter((p) => p.cityCode === city && !p.isDirectlyAdministered));
  return [...cityAreas, ...direct];
}
