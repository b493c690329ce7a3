import { api } from './client.ts';
import type { Tier } from './enterprises.ts';
import type { Page, PageQuery } from './types.ts';

/** One entry of a city's key-enterprise list (重点支持企业清单). */
export interface KeyEnterprise {
  uscc: string;
  name: string;
  tier: Tier;
  tierLabel: string;
  /** The city or directly-administered county keeping the list. */
  listRegionCode: string;
  listRegionName: string | null;
  enterpriseRegionCode: string;
  commissionerId: number | null;
  commissionerName: string | null;
  note: string | null;
  addedAt: string;
}

export interface KeyEnterpriseQuery extends PageQuery {
  region?: string;
}

export function listKeyEnterprises(query: KeyEnterpriseQuery): Promise<Page<KeyEnterprise>> {
  return api.get('/key-enterprises', { ...query });
}

/** Puts an enterprise of the official's region on the list (city and county bureaus only). */
export function addKeyEnterprise(request: {
  uscc: string;
  commissionerId?: number;
  note?: string;
}): Promise<KeyEnterprise> {
  return api.post('/key-enterprises', request);
}

/** Assigns a commissioner of the region (null clears the assignment). */
export function assignCommissioner(
  uscc: string,
  request: { commissionerId: number | null; note?: string },
): Promise<KeyEnterprise> {
  return api.patch(`/key-enterprises/${encodeURIComponent(uscc)}`, request);
}

export function removeKeyEnterprise(uscc: string): Promise<void> {
  return api.delete(`/key-enterprises/${encodeURIComponent(uscc)}`);
}
