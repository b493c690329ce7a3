import type { AppContext } from '../../../app-context.ts';
import { toNumber } from '../../../db/convert.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import * as collections from './collections.repository.ts';
import { scopeOf } from './collections.service.ts';

/** Collections received per enterprise in a year (the burden officials watch), in the caller's scope. */
export async function collectionBurden(ctx: AppContext, user: CurrentUser, year: number) {
  const scope = await scopeOf(ctx.db, user);
  const [rows, totals] = await Promise.all([
    collections.listBurden(ctx.db, year, scope, 500),
    collections.burdenTotals(ctx.db, year, scope),
  ]);
  return {
    year,
    enterprises: toNumber(totals.enterprises),
    collections: toNumber(totals.collections),
    sent: toNumber(totals.sent),
    items: rows.map((r) => ({
      uscc: r.uscc,
      name: r.name,
      regionCode: r.region_code,
      regionName: r.region_name,
      received: toNumber(r.received),
      answered: toNumber(r.answered),
    })),
  };
}
