import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/** SQL of the settlement of cases written before benefit identities were recorded. */

/** Cases whose identities are not recorded yet, oldest first, with their run's evaluation date. */
export async function findUnsettledCases(db: Db, limit: number) {
  const rows = await db
    .selectFrom('benefit_cases as c')
    .innerJoin('benefit_match_runs as r', 'r.id', 'c.run_id')
    .select(['c.id', 'c.policy_code', 'c.period', 'c.uscc', 'c.state', 'r.eval_date'])
    .where('c.identity_settled', '=', 0)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    policy_code: r.policy_code,
    period: r.period,
    uscc: r.uscc,
    state: r.state,
    evalDate: r.eval_date,
  }));
}

/** The persons a case counted. */
export async function findCasePersonIds(db: Db, caseId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('benefit_case_persons').select('person_id').where('case_id', '=', caseId).execute();
  return new Set(rows.map((r) => toNumber(r.person_id)));
}

/** Marks a case settled, with the earlier case holding its benefit if it is a duplicate. */
export async function markCaseSettled(db: Db, caseId: number, duplicateOf: number | null) {
  await db
    .updateTable('benefit_cases')
    .set({ identity_settled: 1, duplicate_of: duplicateOf })
    .where('id', '=', caseId)
    .execute();
}
