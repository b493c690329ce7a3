import type { Region } from '../api/reference.ts';
import type { Role } from '../api/types.ts';

/** One step of a breadcrumb trail: a label, and where it leads (none for the page itself). */
export interface Crumb {
  label: string;
  to?: string;
}

/**
 * The menu page a drill-down page belongs to, for this role: the list it was opened from. A case
 * is reached from 审核办理 by a city, 免申即享批次 by the province and 我的补贴 by its enterprise.
 */
export function menuParentOf(routePath: string, role: Role): string | undefined {
  switch (routePath) {
    case '/enterprises/:uscc':
      return '/enterprises';
    case '/monitoring/regions/:code':
      return '/monitoring';
    case '/monitoring/enterprises/:uscc':
      if (role === 'enterprise') return '/enterprises';
      return role === 'commissioner' ? '/monitoring/alerts' : '/monitoring';
    case '/benefits/cases/:id':
      if (role === 'enterprise') return '/benefits/mine';
      return role === 'city_hrss' ? '/benefits/review' : '/benefits/runs';
    case '/policies/:code':
      return '/policies';
    default:
      return undefined;
  }
}

/**
 * The step between the dashboard and a county-level division: its prefecture-level city, when the
 * user may open that city (the province's officials, or the city's own); 昆山's official, whose
 * scope is 昆山 alone, goes straight from the dashboard to 昆山.
 */
export function regionSteps(
  code: string,
  regions: readonly Pick<Region, 'code' | 'name' | 'cityCode'>[],
  user: { regionCode: string | null; isProvince: boolean },
  search = '',
): Crumb[] {
  const region = regions.find((candidate) => candidate.code === code);
  const city =
    region?.cityCode && region.cityCode !== code
      ? regions.find((candidate) => candidate.code === region.cityCode)
      : undefined;
  if (!city || !(user.isProvince || user.regionCode === city.code)) return [];
  return [{ label: city.name, to: `/monitoring/regions/${city.code}${search}` }];
}

/**
 * The whole trail: the menu page (when the role has one), the steps between, the page itself.
 * Steps naming the same place as the page are dropped.
 */
export function breadcrumbTrail(parent: Crumb | undefined, between: readonly Crumb[], current: string): Crumb[] {
  const steps = [...(parent ? [parent] : []), ...between.filter((step) => step.label !== current)];
  return [...steps, { label: current }];
}
