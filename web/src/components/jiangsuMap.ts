import type { EChartsCore } from './Chart.tsx';

/**
 * Jiangsu's 13 cities for ECharts maps. The outlines are echarts 4.9's province GeoJSON
 * (package `echarts4`, map/json/province/jiangsu.json), loaded with the first map shown. It has
 * the 13 cities only, so the three directly-administered counties (昆山, 泰兴, 沭阳) are drawn
 * as marked points at their seats.
 */
export const JIANGSU_MAP = 'jiangsu';

/** Seats of the directly-administered counties (longitude, latitude). */
export const DIRECT_COUNTY_SEATS: Readonly<Record<string, readonly [number, number]>> = {
  '320583': [120.98, 31.39], // 昆山市
  '321283': [120.05, 32.17], // 泰兴市
  '321322': [118.77, 34.12], // 沭阳县
};

const cityNames = new Map<string, string>();
let registering: Promise<void> | undefined;

interface CityFeature {
  id?: string;
  properties: { name: string };
}

/**
 * Registers the outlines once. Areas are named by their division code (the GeoJSON's feature
 * id), so pages match data by code; `cityNameOf` gives the Chinese name for labels.
 */
export function registerJiangsuMap(echarts: EChartsCore): Promise<void> {
  registering ??= import('echarts4/map/json/province/jiangsu.json').then((module) => {
    const geoJson = structuredClone(module.default) as unknown as { features: CityFeature[] };
    for (const feature of geoJson.features) {
      if (!feature.id) continue;
      cityNames.set(feature.id, feature.properties.name);
      feature.properties.name = feature.id;
    }
    echarts.registerMap(JIANGSU_MAP, geoJson as unknown as Parameters<EChartsCore['registerMap']>[1]);
  });
  return registering;
}

/** 320100 → 南京市 (after registration; the code itself before). */
export function cityNameOf(code: string): string {
  return cityNames.get(code) ?? code;
}
