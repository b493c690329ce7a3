import type { Role } from '../../platform/roles.ts';

/**
 * Who works with labour relations: the HRSS offices (arbitration and mediation sit there) and
 * the commissioners serving the enterprises; MIIT has no part in labour disputes. Loading
 * figures and reviewing is for the province and the cities.
 */
export const LABOUR_OFFICIAL_ROLES: readonly Role[] = ['province_hrss', 'city_hrss', 'commissioner'];
export const LABOUR_REGION_ROLES: readonly Role[] = ['province_hrss', 'city_hrss'];
