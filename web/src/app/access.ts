import type { CurrentUser, Role } from '../api/types.ts';

/**
 * Who may open a page: any logged-in user, or a list of roles. The route table declares it
 * per route and both the menu and the route guard read it from there (like Ant Design Pro's
 * access.ts). The server checks again on every call; this only keeps the UI honest.
 */
export type RouteAccess = 'authenticated' | readonly Role[];

/** Groups that recur in route declarations (SPEC §1). */
export const PROVINCE_ROLES: readonly Role[] = ['province_hrss', 'province_miit'];
/** Officials who see regions: rankings, maps, drill-downs and 通报 (GET /monitoring/ranking…). */
export const REGION_OFFICIAL_ROLES: readonly Role[] = [...PROVINCE_ROLES, 'city_hrss'];
export const OFFICIAL_ROLES: readonly Role[] = [...REGION_OFFICIAL_ROLES, 'commissioner'];
/** 舆情监测 is the HRSS side's: the province, city and county bureaus, commissioners. */
export const OPINION_ROLES: readonly Role[] = ['province_hrss', 'city_hrss', 'commissioner'];
export const BUSINESS_ROLES: readonly Role[] = [...OFFICIAL_ROLES, 'enterprise'];
/** The policy catalogue is public; the roles of the business and the public account have it in the menu. */
export const POLICY_READER_ROLES: readonly Role[] = [...BUSINESS_ROLES, 'public', 'job_seeker'];

/** Roles that never see a code, not even as a hint: enterprises and the public. */
const OUTWARD_ROLES: readonly Role[] = ['enterprise', 'public', 'job_seeker'];

/** Whether codes (policy codes, setting keys) may appear as a grey hint for this user: officials and administrators only. */
export function showsCodeHints(user: CurrentUser | null): boolean {
  return user !== null && !OUTWARD_ROLES.includes(user.role);
}

/** Whether the user may open a page with this declaration. */
export function canAccess(user: CurrentUser | null, access: RouteAccess): boolean {
  if (!user) return false;
  if (access === 'authenticated') return true;
  return access.includes(user.role);
}

export type ScopeKind = 'province' | 'region' | 'assigned' | 'enterprise' | 'self';

/** The kind of data scope a role works in (SPEC §1): the whole province down to one account. */
export function scopeKindOf(role: Role): ScopeKind {
  switch (role) {
    case 'province_hrss':
    case 'province_miit':
      return 'province';
    case 'city_hrss':
      return 'region';
    case 'commissioner':
      return 'assigned';
    case 'enterprise':
      return 'enterprise';
    default:
      return 'self';
  }
}
