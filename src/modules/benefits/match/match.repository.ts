import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { BenefitCaseTable, BenefitMatchRunTable } from '../benefits.table.ts';

/** SQL of match runs: the run record, what is already granted, and the candidates written in chunks. */

/** Inserts a run and returns its id; a second running run of the same policy and period fails on the unique index `benefit_match_runs_one_running`. */
export async function insertMatchRun(db: Db, row: Insertable<BenefitMatchRunTable>): Promise<number> {
  const inserted = await db.insertInto('benefit_match_runs').values(row).returning('id').executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

/** Updates the progress or outcome of a run still running (one taken over as abandoned stays as it was marked). */
export async function updateMatchRun(
  db: Db,
  id: number,
  patch: Partial<Pick<BenefitMatchRunTable, 'status' | 'phase' | 'summary' | 'error' | 'finished_at' | 'heartbeat_at'>>,
) {
  await db.updateTable('benefit_match_runs').set(patch).where('id', '=', id).where('status', '=', 'running').execute();
}

/** Records that a running run is still alive. */
export async function beatMatchRun(db: Db, id: number, at: string) {
  await db
    .updateTable('benefit_match_runs')
    .set({ heartbeat_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/**
 * Marks a running run whose last heartbeat is before `staleBefore` as failed (phase `interrupted`);
 * false when it beat in the meantime (or finished), so a live run is never taken over.
 */
export async function markMatchRunAbandoned(
  db: Db,
  id: number,
  staleBefore: string,
  outcome: { error: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('benefit_match_runs')
    .set({ status: 'failed', phase: 'interrupted', error: outcome.error, finished_at: outcome.at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'started_at'), '<', staleBefore))
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}

/** One run. */
export function findMatchRun(db: Db, id: number) {
  return db.selectFrom('benefit_match_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of runs, newest first, of one policy or all. */
export async function findMatchRuns(db: Db, policy: string | undefined, offset: number, limit: number) {
  let base = db.selectFrom('benefit_match_runs');
  if (policy) base = base.where('policy_code', '=', policy);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute();
  return { rows, total: toNumber(total.n as number) };
}

/** The runs of the same policy and period recorded as running, with their last heartbeat. */
export async function findRunningMatches(db: Db, code: string, period: string) {
  const rows = await db
    .selectFrom('benefit_match_runs')
    .select(['id', 'started_at', 'heartbeat_at'])
    .where('policy_code', '=', code)
    .where('period', '=', period)
    .where('status', '=', 'running')
    .execute();
  return rows.map((r) => ({ id: toNumber(r.id), lastBeatAt: r.heartbeat_at ?? r.started_at }));
}

/** The cases already on file for a policy and period, by enterprise. */
export async function findCasesOfPeriod(db: Db, code: string, period: string) {
  const rows = await db
    .selectFrom('benefit_cases')
    .select(['id', 'uscc', 'state', 'amount_fen', 'run_id'])
    .where('policy_code', '=', code)
    .where('period', '=', period)
    .execute();
  return new Map(
    rows.map((r) => [
      r.uscc,
      { id: toNumber(r.id), state: r.state, amountFen: toNumber(r.amount_fen), runId: toNumber(r.run_id) },
    ]),
  );
}

/** The register's names and regions. */
export async function findEnterpriseNames(db: Db) {
  const rows = await db.selectFrom('enterprises').select(['uscc', 'name', 'region_code', 'city_code']).execute();
  return new Map(rows.map((r) => [r.uscc, r]));
}

/** Inserts new cases (an existing one for the same policy, period and enterprise is left alone) and returns their ids by enterprise. */
export async function insertCases(
  db: Db,
  rows: Insertable<BenefitCaseTable>[],
  code: string,
  period: string,
  runId: number,
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  await db
    .insertInto('benefit_cases')
    .values(rows)
    .onConflict((oc) => oc.columns(['policy_code', 'period', 'uscc']).doNothing())
    .execute();
  return findCasesOfRun(
    db,
    code,
    period,
    runId,
    rows.map((r) => r.uscc),
  );
}

/** The cases a run wrote for some enterprises, by enterprise. */
export async function findCasesOfRun(
  db: Db,
  code: string,
  period: string,
  runId: number,
  usccs: readonly string[],
): Promise<Map<string, number>> {
  if (usccs.length === 0) return new Map();
  const written = await db
    .selectFrom('benefit_cases')
    .select(['id', 'uscc'])
    .where('policy_code', '=', code)
    .where('period', '=', period)
    .where('run_id', '=', runId)
    .where('uscc', 'in', [...usccs])
    .execute();
  return new Map(written.map((r) => [r.uscc, toNumber(r.id)]));
}

/** Removes cases inserted in the caller's transaction that could not claim their benefit (nothing else refers to them yet). */
export async function deleteUnwrittenCases(db: Db, ids: readonly number[]) {
  if (ids.length > 0)
    await db
      .deleteFrom('benefit_cases')
      .where('id', 'in', [...ids])
      .execute();
}

/** Records the persons a case counted, one line per case and person. */
export async function insertCasePersons(
  db: Db,
  rows: { policy_code: string; person_id: number; case_id: number; amount_fen: number }[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('benefit_case_persons')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['case_id', 'person_id']).doNothing())
      .execute();
  }
}

/** A rerun's new amount: replaces the amount while the enterprise has not confirmed, else is kept beside it; either way flagged. */
export async function flagAmountChange(
  db: Db,
  caseId: number,
  amountFen: number,
  isOpen: boolean,
  runId: number,
  explanation: string,
  at: string,
) {
  const patch = isOpen
    ? { amount_fen: amountFen, rerun_amount_fen: null, explanation }
    : { rerun_amount_fen: amountFen };
  await db
    .updateTable('benefit_cases')
    .set({ ...patch, is_amount_changed: 1, last_run_id: runId, updated_at: at })
    .where('id', '=', caseId)
    .execute();
}

/** The data snapshot: for each import kind, the id of its latest completed run. */
export async function findSnapshot(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('import_runs')
    .select(['kind', (eb) => eb.fn.max('id').as('run_id')])
    .where('status', '=', 'completed')
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, toNumber(r.run_id as number)]));
}
