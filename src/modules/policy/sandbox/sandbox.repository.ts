import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { PolicySandboxRunTable } from '../policy.table.ts';
import type { EnterpriseChange } from './sandbox-summary.ts';

/** All SQL of stored sandbox runs (policy_sandbox_runs, policy_sandbox_changes). */

/** Stores a run and the enterprises it changed; returns the run's id. */
export async function insertSandboxRun(
  db: Db,
  run: Insertable<PolicySandboxRunTable>,
  changes: readonly EnterpriseChange[],
): Promise<number> {
  const row = await db.insertInto('policy_sandbox_runs').values(run).returning('id').executeTakeFirstOrThrow();
  const runId = toNumber(row.id);
  for (let i = 0; i < changes.length; i += 500) {
    await db
      .insertInto('policy_sandbox_changes')
      .values(changes.slice(i, i + 500).map((change) => ({ run_id: runId, ...change })))
      .execute();
  }
  return runId;
}

/** Runs of a policy, newest first. */
export async function findSandboxRuns(db: Db, code: string, offset: number, limit: number) {
  const rows = await db
    .selectFrom('policy_sandbox_runs')
    .selectAll()
    .where('code', '=', code)
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  const total = await db
    .selectFrom('policy_sandbox_runs')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return {
    rows: rows.map((r) => ({
      ...r,
      id: toNumber(r.id),
      policy_version_id: toNumber(r.policy_version_id),
      created_by: r.created_by === null ? null : toNumber(r.created_by),
    })),
    total: toNumber(total.n as number),
  };
}

/** One run of a policy. */
export async function findSandboxRun(db: Db, code: string, id: number) {
  const row = await db
    .selectFrom('policy_sandbox_runs')
    .selectAll()
    .where('code', '=', code)
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      ...row,
      id: toNumber(row.id),
      policy_version_id: toNumber(row.policy_version_id),
      created_by: row.created_by === null ? null : toNumber(row.created_by),
    }
  );
}

/** Which changed enterprises to list: those that gain, those that lose, or all (largest change first). */
export type ChangeDirection = 'gain' | 'loss' | 'all';

/** A page of a run's changed enterprises. */
export async function findSandboxChanges(
  db: Db,
  runId: number,
  direction: ChangeDirection,
  offset: number,
  limit: number,
) {
  let query = db.selectFrom('policy_sandbox_changes').where('run_id', '=', runId);
  if (direction === 'gain') query = query.where('delta_fen', '>', 0);
  if (direction === 'loss') query = query.where('delta_fen', '<', 0);
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const ordered =
    direction === 'loss'
      ? query.orderBy('delta_fen', 'asc')
      : direction === 'gain'
        ? query.orderBy('delta_fen', 'desc')
        : query.orderBy(sql`abs(delta_fen)`, 'desc');
  const rows = await ordered.selectAll().orderBy('uscc').offset(offset).limit(limit).execute();
  return {
    total: toNumber(total.n as number),
    items: rows.map(({ run_id: _run, ...row }) => ({
      ...row,
      before_fen: toNumber(row.before_fen),
      after_fen: toNumber(row.after_fen),
      delta_fen: toNumber(row.delta_fen),
    })),
  };
}
