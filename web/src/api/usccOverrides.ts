import { api } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** One accepted exception of the credit-code check (人工核验例外); revoked ones stay listed. */
export type UsccOverride = ItemOf<ApiResponse<'/api/v1/reference/uscc-overrides'>>;
export type UsccOverrideQuery = ApiQuery<'/api/v1/reference/uscc-overrides'>;

/**
 * The failures an override may accept: a wrong check character only (the 17th, of the embedded
 * organisation code, or the 18th). The server decides the same and refuses anything else.
 */
export const OVERRIDABLE_USCC_REASONS: readonly string[] = ['USCC_ORG_CODE_CHECK', 'USCC_CHECK_CHAR'];

export function listUsccOverrides(query: UsccOverrideQuery): Promise<ApiResponse<'/api/v1/reference/uscc-overrides'>> {
  return api.get('/reference/uscc-overrides', { ...query });
}

/** Records an override (省工信 and the system administrator). */
export function recordUsccOverride(request: ApiBody<'/api/v1/reference/uscc-overrides'>): Promise<UsccOverride> {
  return api.post('/reference/uscc-overrides', request);
}

/** Takes an override out of force with a reason; the entry stays on the register. */
export function revokeUsccOverride(id: number, reason: string): Promise<UsccOverride> {
  return api.post(`/reference/uscc-overrides/${id}/revoke`, { reason });
}
