import { JIANGSU_REGIONS, jiangsuRegionName } from '../../utils/jiangsuRegions.ts';

/** The cities a case is reviewed in: the notice's sixteen addressees (the province itself excluded). */
export const BENEFIT_CITIES = JIANGSU_REGIONS.filter((region) => region.code !== '320000');

/** 320100 → 南京市; an unknown code stays a code. */
export const cityName = jiangsuRegionName;
