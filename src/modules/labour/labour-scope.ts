import type { AppContext } from '../../app-context.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';

/**
 * The regions an official's labour-relations work covers: the province all (null), a city or
 * county bureau and a commissioner their region with the counties under it.
 */
export async function labourRegionScope(ctx: AppContext, user: CurrentUser): Promise<string[] | null> {
  if (user.role === 'province_hrss') return null;
  if (!user.regionCode) return [];
  return regionScopeCodes(ctx.db, user.regionCode);
}

/** Refuses a record outside the caller's regions as not found (its existence is not told). */
export function requireInScope(scope: string[] | null, regionCode: string, what: string): void {
  if (scope && !scope.includes(regionCode)) throw new AppError('NOT_FOUND', `${what}不存在或不在您的管辖范围内`);
}

/** The caller's own enterprise (enterprise accounts). */
export function ownUsccOf(user: CurrentUser): string {
  if (user.role !== 'enterprise' || !user.uscc) throw new AppError('FORBIDDEN', '仅企业账号可以办理');
  return user.uscc;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: a person's name as lists show it. */
export function maskPersonName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
