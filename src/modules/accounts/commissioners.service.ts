import type { AppContext } from '../../app-context.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';
import { listActiveCommissioners } from './users.repository.ts';

export interface CommissionerView {
  id: number;
  displayName: string;
  regionCode: string | null;
}

/** The service commissioners a city official may assign: those of their region; province officials see all. */
export async function listCommissioners(ctx: AppContext, user: CurrentUser): Promise<{ items: CommissionerView[] }> {
  const isProvince = user.role === 'province_hrss' || user.role === 'province_miit';
  const codes = isProvince ? 'all' : await regionScopeCodes(ctx.db, user.regionCode ?? '');
  const rows = await listActiveCommissioners(ctx.db, codes);
  return { items: rows.map((r) => ({ id: Number(r.id), displayName: r.display_name, regionCode: r.region_code })) };
}
