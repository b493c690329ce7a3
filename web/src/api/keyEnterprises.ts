import { api } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** One entry of a city's key-enterprise list (重点支持企业清单). */
export type KeyEnterprise = ItemOf<ApiResponse<'/api/v1/key-enterprises'>>;
export type KeyEnterpriseQuery = ApiQuery<'/api/v1/key-enterprises'>;

export function listKeyEnterprises(query: KeyEnterpriseQuery): Promise<ApiResponse<'/api/v1/key-enterprises'>> {
  return api.get('/key-enterprises', { ...query });
}

/** Puts an enterprise of the official's region on the list (city and county bureaus only). */
export function addKeyEnterprise(
  request: ApiBody<'/api/v1/key-enterprises'>,
): Promise<ApiResponse<'/api/v1/key-enterprises', 'post'>> {
  return api.post('/key-enterprises', request);
}

/** Assigns a commissioner of the region (null clears the assignment). */
export function assignCommissioner(
  uscc: string,
  request: ApiBody<'/api/v1/key-enterprises/{uscc}', 'patch'>,
): Promise<ApiResponse<'/api/v1/key-enterprises/{uscc}', 'patch'>> {
  return api.patch(`/key-enterprises/${encodeURIComponent(uscc)}`, request);
}

export function removeKeyEnterprise(uscc: string): Promise<ApiResponse<'/api/v1/key-enterprises/{uscc}', 'delete'>> {
  return api.delete(`/key-enterprises/${encodeURIComponent(uscc)}`);
}
