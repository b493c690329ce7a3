import { sql, type Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { BenefitCaseTable } from '../benefits.table.ts';
import type { CaseState } from './case-states.ts';

/** SQL of benefit cases: scoped reads, conditional transitions and the case history. */

/** Which cases a caller may see: all, some region codes, or one enterprise. */
export type CaseScope =
  { kind: 'all' } | { kind: 'regions'; codes: string[] } | { kind: 'own'; uscc: string } | { kind: 'none' };

/** Narrows a case query to a scope (others are simply not found). */
export function scoped<Q extends { where: (...args: any[]) => Q }>(query: Q, scope: CaseScope): Q {
  if (scope.kind === 'all') return query;
  if (scope.kind === 'regions')
    return query.where('benefit_cases.region_code', 'in', scope.codes.length > 0 ? scope.codes : ['-']);
  if (scope.kind === 'own') return query.where('benefit_cases.uscc', '=', scope.uscc);
  return query.where(sql<boolean>`1 = 0`);
}

/** One case in a scope. */
export function findCase(db: Db, id: number, scope: CaseScope) {
  return scoped(
    db.selectFrom('benefit_cases').selectAll().where('benefit_cases.id', '=', id),
    scope,
  ).executeTakeFirst();
}

export interface CaseFilters {
  policy?: string;
  state?: CaseState;
  region?: string;
  runId?: number;
  overdueBefore?: string;
}

/** A page of cases in a scope, newest first. */
export async function findCases(db: Db, scope: CaseScope, filters: CaseFilters, offset: number, limit: number) {
  let query = scoped(db.selectFrom('benefit_cases'), scope);
  if (filters.policy) query = query.where('policy_code', '=', filters.policy);
  if (filters.state) query = query.where('state', '=', filters.state);
  if (filters.region)
    query = query.where((eb) =>
      eb.or([eb('region_code', '=', filters.region!), eb('city_code', '=', filters.region!)]),
    );
  if (filters.runId !== undefined) query = query.where('last_run_id', '=', filters.runId);
  if (filters.overdueBefore)
    query = query.where('state', '=', 'confirmed').where('review_deadline', '<', filters.overdueBefore);
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute();
  return { rows, total: Number(total.n) };
}

/**
 * Moves a case from one of `from` to `to` with one conditional update; extra conditions (publicity
 * over, separate duties, no open objection) go into the same statement. Answers whether it moved.
 */
export async function updateCaseState(
  db: Db,
  id: number,
  from: readonly CaseState[],
  to: CaseState,
  patch: Updateable<BenefitCaseTable>,
  guard?: (q: any) => any,
): Promise<boolean> {
  let query = db
    .updateTable('benefit_cases')
    .set({ ...patch, state: to, revision: sql`revision + 1` })
    .where('id', '=', id)
    .where('state', 'in', from as CaseState[]);
  if (guard) query = guard(query);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appends one entry to a case's history. */
export async function insertCaseEvent(
  db: Db,
  row: {
    case_id: number;
    from_state: string | null;
    to_state: string;
    actor_id: number | null;
    actor_name: string | null;
    note: string | null;
    at: string;
  },
) {
  await db.insertInto('benefit_case_events').values(row).execute();
}

/** A case's history, oldest first. */
export function findCaseEvents(db: Db, caseId: number) {
  return db.selectFrom('benefit_case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** Whether a case has an objection still open. */
export async function hasOpenObjection(db: Db, caseId: number): Promise<boolean> {
  const row = await db
    .selectFrom('benefit_objections')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row !== undefined;
}

/** Overdue reviews (deadline before the date) by unit, and how many of them have a provisional deadline. */
export async function countOverdueByRegion(db: Db, scope: CaseScope, today: string) {
  const rows = await scoped(db.selectFrom('benefit_cases'), scope)
    .where('state', '=', 'confirmed')
    .where('review_deadline', '<', today)
    .select((eb) => [
      'city_code',
      eb.fn.countAll().as('n'),
      eb.fn.sum<number | string | null>('review_deadline_provisional').as('provisional'),
    ])
    .groupBy('city_code')
    .execute();
  return rows.map((r) => ({ city_code: r.city_code, n: Number(r.n), provisional: Number(r.provisional ?? 0) }));
}

/** Appends many history entries at once (a match run's new cases). */
export async function insertCaseEvents(
  db: Db,
  rows: {
    case_id: number;
    from_state: string | null;
    to_state: string;
    actor_id: number | null;
    actor_name: string | null;
    note: string | null;
    at: string;
  }[],
) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('benefit_case_events')
      .values(rows.slice(i, i + 500))
      .execute();
}
