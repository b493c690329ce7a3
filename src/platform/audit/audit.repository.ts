import type { Db } from '../../db/database.ts';

export interface AuditFilter {
  action?: string;
  username?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`);
  if (filter.username) query = query.where('actor_name', '=', filter.username);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome as 'success');
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  return query;
}

/** A page of audit rows, newest first. */
export async function listAuditRows(db: Db, filter: AuditFilter, offset: number, limit: number) {
  const [items, count] = await Promise.all([
    filtered(db, filter).selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}
