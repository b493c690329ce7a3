import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { ROLE_DEFINITIONS } from '../../../platform/roles.ts';
import type { Tier } from '../../enterprises/enterprises.table.ts';
import { regionScopeCodes, resolveRegion } from '../../reference/reference.service.ts';
import type { IndustryFilter, StatsFilter } from './indicators.repository.ts';

/**
 * Who sees which figures (SPEC §1): province roles (and the command line) the whole province
 * or any region in it; a city or county official their own region only; a commissioner the
 * enterprises assigned to them. A region outside the caller's scope is answered 404.
 */
export interface MonitoringView {
  scope: 'province' | 'region' | 'assigned';
  /** The region the figures are for (320000 for the whole province). */
  regionCode: string;
  regionName: string;
  level: 'province' | 'city' | 'county';
  /** Whether the figures are the province's as a whole (the notice's absolute targets apply). */
  isWholeProvince: boolean;
  filter: StatsFilter;
  /** Identifies the scope in cached results. */
  cacheKey: string;
}

export const PROVINCE_CODE = '320000';

/** The caller's view for an optional region filter; `null` user means the command line (whole province). */
export async function resolveView(
  ctx: AppContext,
  user: CurrentUser | null,
  regionParam?: string,
): Promise<MonitoringView> {
  const kind = user ? ROLE_DEFINITIONS[user.role].scope : 'province';
  if (kind === 'province') return regionParam ? viewOfRegion(ctx, regionParam, 'province') : provinceView();
  if (kind === 'region' && user?.regionCode) {
    const own = (await viewOfRegion(ctx, user.regionCode, 'region')).filter.regionCodes ?? [];
    const view = await viewOfRegion(ctx, regionParam ?? user.regionCode, 'region');
    const asked = view.filter.regionCodes ?? [];
    if (asked.some((code) => !own.includes(code))) throw new AppError('NOT_FOUND', '该地区不在您的管辖范围内');
    return view;
  }
  if (kind === 'assigned' && user) {
    const base = regionParam
      ? await viewOfRegion(ctx, regionParam, 'assigned')
      : { ...provinceView(), scope: 'assigned' as const };
    return {
      ...base,
      isWholeProvince: false,
      filter: { ...base.filter, commissionerId: user.id },
      cacheKey: `assigned:${user.id}:${base.regionCode}`,
    };
  }
  throw new AppError('NOT_FOUND', '无可查看的监测数据');
}

function provinceView(): MonitoringView {
  return {
    scope: 'province',
    regionCode: PROVINCE_CODE,
    regionName: '江苏省',
    level: 'province',
    isWholeProvince: true,
    filter: {},
    cacheKey: 'province',
  };
}

// Regions are reference data, loaded once at start: their views are remembered per database.
const regionViews = new WeakMap<object, Map<string, Promise<MonitoringView>>>();

async function viewOfRegion(ctx: AppContext, code: string, scope: MonitoringView['scope']): Promise<MonitoringView> {
  let views = regionViews.get(ctx.db);
  if (!views) regionViews.set(ctx.db, (views = new Map()));
  let view = views.get(code);
  if (!view) {
    view = describeView(ctx, code);
    views.set(code, view);
    view.catch(() => views.delete(code));
  }
  return { ...(await view), scope };
}

async function describeView(ctx: AppContext, code: string): Promise<MonitoringView> {
  const region = await resolveRegion(ctx.db, code);
  if (region.level === 'province') return provinceView();
  const codes = await regionScopeCodes(ctx.db, region.code);
  return {
    scope: 'region',
    regionCode: region.code,
    regionName: region.name,
    level: region.level,
    isWholeProvince: false,
    filter: { regionCodes: codes },
    cacheKey: `region:${region.code}`,
  };
}

/** The tier and industry filters of a query, checked. */
export function segmentFilter(query: { tier?: Tier; industry?: string }): StatsFilter {
  const filter: StatsFilter = {};
  if (query.tier) filter.tier = query.tier;
  if (query.industry) filter.industry = parseIndustry(query.industry);
  return filter;
}

function parseIndustry(text: string): IndustryFilter {
  const value = text.trim();
  if (value.toLowerCase() === 'manufacturing') return { kind: 'manufacturing' };
  if (/^\d{2}$/.test(value)) return { kind: 'division', code: value };
  if (/^[A-Ta-t]$/.test(value)) return { kind: 'section', code: value.toUpperCase() };
  throw new AppError('VALIDATION_FAILED', `行业应为 manufacturing（制造业）、两位大类代码或门类字母：${value}`);
}
