import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { GovernanceScope } from './governance-scope.ts';
import type { GovernanceRequestFileTable, GovernanceRequestTable, RequestState } from './governance.table.ts';

/** SQL of enterprise requests (诉求) and their files. */

export interface RequestFilter {
  state?: RequestState;
  category?: string;
  uscc?: string;
  isOverdueOn?: string;
  isEscalated?: boolean;
}

function scoped(db: Db, scope: GovernanceScope) {
  let query = db
    .selectFrom('governance_requests as q')
    .leftJoin('enterprises as e', 'e.uscc', 'q.uscc')
    .leftJoin('regions as r', 'r.code', 'q.region_code')
    .leftJoin('key_enterprises as k', 'k.uscc', 'q.uscc')
    .leftJoin('users as c', 'c.id', 'k.commissioner_id');
  if (scope.kind === 'regions') query = query.where('q.region_code', 'in', scope.codes.length > 0 ? scope.codes : ['']);
  if (scope.kind === 'assigned') query = query.where('k.commissioner_id', '=', scope.commissionerId);
  if (scope.kind === 'enterprise') query = query.where('q.uscc', '=', scope.uscc);
  if (scope.kind === 'none') query = query.where('q.id', '=', -1);
  return query;
}

const COLUMNS = [
  'q.id',
  'q.uscc',
  'q.region_code',
  'q.category',
  'q.text',
  'q.state',
  'q.submitted_at',
  'q.deadline_date',
  'q.deadline_provisional',
  'q.escalation_level',
  'q.escalated_at',
  'q.resolution',
  'q.answered_at',
  'q.first_answered_at',
  'q.is_first_answer_on_time',
  'q.rating',
  'q.rating_comment',
  'q.rated_at',
  'q.reopen_count',
  'q.reopen_reason',
  'q.reopened_at',
  'e.name as enterprise_name',
  'r.name as region_name',
  'k.commissioner_id as current_commissioner_id',
  'c.display_name as commissioner_name',
] as const;

function filtered(db: Db, scope: GovernanceScope, filter: RequestFilter) {
  let query = scoped(db, scope);
  if (filter.state) query = query.where('q.state', '=', filter.state);
  if (filter.category) query = query.where('q.category', '=', filter.category);
  if (filter.uscc) query = query.where('q.uscc', '=', filter.uscc);
  if (filter.isOverdueOn)
    query = query.where('q.state', 'in', ['submitted', 'reopened']).where('q.deadline_date', '<', filter.isOverdueOn);
  if (filter.isEscalated) query = query.where('q.escalation_level', '>', 0);
  return query;
}

/** A page of requests in the scope, newest first. */
export async function listRequestRows(
  db: Db,
  scope: GovernanceScope,
  filter: RequestFilter,
  offset: number,
  limit: number,
) {
  const count = await filtered(db, scope, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, scope, filter)
    .select(COLUMNS)
    .orderBy('q.submitted_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: toNumber(count.n) };
}

export type RequestRow = Awaited<ReturnType<typeof listRequestRows>>['rows'][number];

/** Every request in the scope (for the statistics and their export). */
export function listAllRequestRows(db: Db, scope: GovernanceScope): Promise<RequestRow[]> {
  return scoped(db, scope).select(COLUMNS).orderBy('q.id').execute();
}

/** One request in the scope, or undefined. */
export function findRequestRow(db: Db, scope: GovernanceScope, id: number): Promise<RequestRow | undefined> {
  return scoped(db, scope).select(COLUMNS).where('q.id', '=', id).executeTakeFirst();
}

export async function insertRequest(db: Db, row: Insertable<GovernanceRequestTable>): Promise<number> {
  const inserted = await db.insertInto('governance_requests').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Changes a request only while it is in one of the given states; answers whether it did. */
export async function updateRequestInState(
  db: Db,
  id: number,
  states: readonly RequestState[],
  values: Updateable<GovernanceRequestTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('governance_requests')
    .set(values)
    .where('id', '=', id)
    .where('state', 'in', [...states])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Open requests whose deadline passed before the day and that have not reached the top level. */
export function findOverdueOpenRequests(db: Db, today: string) {
  return db
    .selectFrom('governance_requests')
    .select(['id', 'uscc', 'region_code', 'category', 'deadline_date', 'escalation_level', 'submitted_at'])
    .where('state', 'in', ['submitted', 'reopened'])
    .where('deadline_date', '<', today)
    .where('escalation_level', '<', 2)
    .orderBy('id')
    .execute();
}

/**
 * Raises a request's escalation level from the level the job read: of two processes running the
 * job at once exactly one changes the row (and writes its audit row and notice).
 */
export async function raiseEscalation(db: Db, id: number, from: number, to: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('governance_requests')
    .set({ escalation_level: to, escalated_at: at })
    .where('id', '=', id)
    .where('escalation_level', '=', from)
    .where('state', 'in', ['submitted', 'reopened'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRequestFile(db: Db, row: Insertable<GovernanceRequestFileTable>): Promise<number> {
  const inserted = await db
    .insertInto('governance_request_files')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** The files of a request, without their content. */
export function listRequestFiles(db: Db, requestId: number) {
  return db
    .selectFrom('governance_request_files')
    .select(['id', 'request_id', 'file_name', 'file_type', 'size_bytes', 'uploaded_at'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export async function countRequestFiles(db: Db, requestId: number): Promise<number> {
  const row = await db
    .selectFrom('governance_request_files')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/** One file with its content. */
export function findRequestFile(db: Db, id: number) {
  return db.selectFrom('governance_request_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An enterprise of the register with its region, or undefined. */
export function findRegisteredEnterprise(db: Db, uscc: string) {
  return db
    .selectFrom('enterprises as e')
    .leftJoin('key_enterprises as k', 'k.uscc', 'e.uscc')
    .select(['e.uscc', 'e.name', 'e.region_code', 'k.commissioner_id'])
    .where('e.uscc', '=', uscc)
    .executeTakeFirst();
}
