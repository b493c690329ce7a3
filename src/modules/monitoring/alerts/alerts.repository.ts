import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { Database } from '../../../db/schema.ts';
import type { EnterpriseScope } from '../../enterprises/enterprise-scope.ts';
import type { AlertKind, AlertStatus, MonitoringAlertEventTable, MonitoringAlertTable } from '../monitoring.table.ts';

/** SQL of the alert list, one alert, its changes and history. */

export interface AlertFilter {
  scope: EnterpriseScope;
  status?: AlertStatus;
  kind?: AlertKind;
  period?: number;
  regionCodes?: readonly string[];
  uscc?: string;
  assigneeId?: number;
}

type Eb = ExpressionBuilder<Database & { a: MonitoringAlertTable }, 'a'>;

function scopeCondition(eb: Eb, scope: EnterpriseScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'regions':
      return scope.codes.length ? eb('a.region_code', 'in', scope.codes) : sql<SqlBool>`1 = 0`;
    case 'assigned':
      return eb(
        'a.uscc',
        'in',
        eb
          .selectFrom('key_enterprises')
          .select('key_enterprises.uscc')
          .where('key_enterprises.commissioner_id', '=', scope.commissionerId),
      );
    case 'own':
      return eb('a.uscc', '=', scope.uscc);
    case 'none':
      return sql<SqlBool>`1 = 0`;
  }
}

function matches(filter: AlertFilter) {
  return (eb: Eb) => {
    const parts: Expression<SqlBool>[] = [scopeCondition(eb, filter.scope)];
    if (filter.status) parts.push(eb('a.status', '=', filter.status));
    if (filter.kind) parts.push(eb('a.kind', '=', filter.kind));
    if (filter.period) parts.push(eb('a.period', '=', filter.period));
    if (filter.regionCodes)
      parts.push(filter.regionCodes.length ? eb('a.region_code', 'in', [...filter.regionCodes]) : sql<SqlBool>`1 = 0`);
    if (filter.uscc) parts.push(eb('a.uscc', '=', filter.uscc));
    if (filter.assigneeId !== undefined) parts.push(eb('a.assignee_id', '=', filter.assigneeId));
    return eb.and(parts);
  };
}

function withNames(db: Db) {
  return db
    .selectFrom('monitoring_alerts as a')
    .leftJoin('enterprises as e', 'e.uscc', 'a.uscc')
    .leftJoin('regions as r', 'r.code', 'a.region_code')
    .leftJoin('users as u', 'u.id', 'a.assignee_id')
    .selectAll('a')
    .select(['e.name as enterprise_name', 'r.name as region_name', 'u.display_name as assignee_name']);
}

export type AlertRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

/** A page of alerts, newest period first, with the total. */
export async function listAlertRows(
  db: Db,
  filter: AlertFilter,
  offset: number,
  limit: number,
): Promise<{ rows: AlertRow[]; total: number }> {
  const total = await db
    .selectFrom('monitoring_alerts as a')
    .where(matches(filter))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  // The page's ids first, from the alerts alone; names are joined for those rows only.
  const page = db
    .selectFrom('monitoring_alerts as a')
    .select('a.id')
    .where(matches(filter))
    .orderBy('a.period', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset);
  const rows = await withNames(db)
    .where('a.id', 'in', page)
    .orderBy('a.period', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return { rows, total: toNumber(total.n) };
}

/** One alert inside the scope, or undefined. */
export function findAlertRow(db: Db, id: number, scope: EnterpriseScope): Promise<AlertRow | undefined> {
  return withNames(db).where(matches({ scope })).where('a.id', '=', id).executeTakeFirst();
}

/** Changes an alert's status, assignee or note. */
export async function updateAlertRow(db: Db, id: number, values: Updateable<MonitoringAlertTable>): Promise<void> {
  await db.updateTable('monitoring_alerts').set(values).where('id', '=', id).execute();
}

/** Appends one entry to an alert's history. */
export async function insertAlertEvent(db: Db, event: Omit<MonitoringAlertEventTable, 'id'>): Promise<void> {
  await db.insertInto('monitoring_alert_events').values(event).execute();
}

/** An alert's history, oldest first. */
export function findAlertEvents(db: Db, alertId: number) {
  return db
    .selectFrom('monitoring_alert_events')
    .select(['at', 'actor_name', 'action', 'note'])
    .where('alert_id', '=', alertId)
    .orderBy('id')
    .execute();
}

/** The commissioner assigned to an enterprise on the key-enterprise lists, if any. */
export function findCommissioner(db: Db, uscc: string) {
  return db
    .selectFrom('key_enterprises as k')
    .innerJoin('users as u', 'u.id', 'k.commissioner_id')
    .select(['u.id', 'u.display_name'])
    .where('k.uscc', '=', uscc)
    .executeTakeFirst();
}

/** Alert counts per kind for a month (the bulletin's 预警 section). */
export async function countAlertsByKind(db: Db, filter: AlertFilter): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('monitoring_alerts as a')
    .where(matches(filter))
    .select(['a.kind', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('a.kind')
    .execute();
  return new Map(rows.map((r) => [r.kind, toNumber(r.n)]));
}
