import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { planTargets } from '../../monitoring/targets.ts';
import { regionNamesOf, regionScopeCodes } from '../../reference/reference.service.ts';
import { findEnterpriseNames } from './training.repository.ts';
import { countTrainingPersonTimes } from './training.service.ts';

/**
 * The training indicators' drill-down (计划期累计): person-times by city, or by enterprise within
 * a city, in the caller's region.
 */
export async function trainingBreakdown(
  ctx: AppContext,
  user: CurrentUser,
  query: { by: 'city' | 'enterprise'; city?: string },
) {
  const window = planTargets().window;
  let regionCodes: string[] | undefined;
  if (user.role === 'city_hrss') {
    if (!user.regionCode) throw new AppError('FORBIDDEN', '账号未设置所属地区');
    regionCodes = await regionScopeCodes(ctx.db, user.regionCode);
  }
  if (query.city) {
    const cityCodes = await regionScopeCodes(ctx.db, query.city);
    regionCodes = regionCodes ? regionCodes.filter((c) => cityCodes.includes(c)) : cityCodes;
  }
  const filter = regionCodes ? { regionCodes } : {};
  const [totals] = await countTrainingPersonTimes(ctx, window, filter, 'none');
  const rows = await countTrainingPersonTimes(ctx, window, filter, query.by === 'city' ? 'city' : 'uscc');
  const names =
    query.by === 'city'
      ? await regionNamesOf(
          ctx.db,
          rows.map((r) => r.key),
        )
      : await findEnterpriseNames(
          ctx.db,
          rows.map((r) => r.key),
        );
  return {
    window,
    totals: { total: totals?.total ?? 0, manufacturing: totals?.manufacturing ?? 0, digital: totals?.digital ?? 0 },
    rows: rows
      .map((r) => ({ ...r, name: names.get(r.key) ?? r.key }))
      .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)),
  };
}
