import { api } from './client.ts';
import type { Page, PageQuery } from './types.ts';

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** province, city, district, county_city or county. */
  kind?: string;
  /** The prefecture-level city of a county-level division. */
  cityCode: string | null;
  cityName?: string | null;
  isDirectlyAdministered: boolean;
}

export interface Industry {
  code: string;
  name: string;
  level: 'section' | 'division';
  section: string;
  isManufacturing: boolean;
}

export interface Occupation {
  code: string;
  name: string;
  majorGroup: string;
  isDigital: boolean;
  isGreen: boolean;
}

export interface ReferenceQuery extends PageQuery {
  q?: string;
}

export type ReferenceKind = 'regions' | 'industries' | 'occupations';

export interface ReferenceItemOf {
  regions: Region;
  industries: Industry;
  occupations: Occupation;
}

/** One page of a reference list: regions, industries or occupations. */
export function listReference<K extends ReferenceKind>(
  kind: K,
  query: ReferenceQuery,
): Promise<Page<ReferenceItemOf[K]>> {
  return api.get(`/reference/${kind}`, { ...query });
}
