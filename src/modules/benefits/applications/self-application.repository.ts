import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { BenefitMatchRunTable } from '../benefits.table.ts';
import type { Names } from '../match/match-write.ts';

/** SQL of an enterprise's own application: its register entry, its case of a period, and the one-enterprise run record. */

/** The enterprise's name and region as the match run reads them (empty when it is not in the register). */
export async function findEnterpriseName(db: Db, uscc: string): Promise<Names> {
  const rows = await db
    .selectFrom('enterprises')
    .select(['uscc', 'name', 'region_code', 'city_code'])
    .where('uscc', '=', uscc)
    .execute();
  return new Map(rows.map((r) => [r.uscc, r]));
}

/** The enterprise's case of a policy and period, in whatever state. */
export async function findEnterpriseCase(db: Db, code: string, period: string, uscc: string) {
  const row = await db
    .selectFrom('benefit_cases')
    .select(['id', 'state', 'run_id'])
    .where('policy_code', '=', code)
    .where('period', '=', period)
    .where('uscc', '=', uscc)
    .executeTakeFirst();
  return row && { id: toNumber(row.id), state: row.state, runId: toNumber(row.run_id) };
}

/** Records a run already finished (one enterprise evaluated in the request); it never holds the policy's one running run. */
export async function insertFinishedRun(db: Db, row: Insertable<BenefitMatchRunTable>): Promise<number> {
  const inserted = await db.insertInto('benefit_match_runs').values(row).returning('id').executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

/** The outcome of a finished one-enterprise run. */
export async function setRunSummary(db: Db, id: number, summary: Record<string, unknown>) {
  await db
    .updateTable('benefit_match_runs')
    .set({ summary: JSON.stringify(summary) })
    .where('id', '=', id)
    .execute();
}
