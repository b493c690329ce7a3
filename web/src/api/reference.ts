import { api } from './client.ts';
import type { ApiQuery, ApiResponse, ItemOf, Page } from './types.ts';

export type Region = ItemOf<ApiResponse<'/api/v1/reference/regions'>>;
export type RegionLevel = Region['level'];
export type Industry = ItemOf<ApiResponse<'/api/v1/reference/industries'>>;
export type Occupation = ItemOf<ApiResponse<'/api/v1/reference/occupations'>>;

/** The filters every reference list takes. */
export type ReferenceQuery = Pick<ApiQuery<'/api/v1/reference/regions'>, 'page' | 'pageSize' | 'q'>;

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
