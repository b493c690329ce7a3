import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/** SQL of the benefit records: identities held by cases, and the imported history of benefits paid elsewhere. */

/** Case states in which a case no longer holds its benefit (kept in step with the benefits module's LOST_STATES). */
export const RELEASED_STATES = ['declined', 'rejected', 'revoked', 'cancelled'] as const;

/** The identities of a policy held by live or paid cases, optionally only among some keys. */
export async function findHeldIdentities(db: Db, policyCode: string) {
  const rows = await db
    .selectFrom('benefit_identities as i')
    .innerJoin('benefit_cases as c', 'c.id', 'i.case_id')
    .select(['i.identity_key', 'i.case_id', 'c.period', 'c.uscc', 'c.state'])
    .where('i.policy_code', '=', policyCode)
    .where('c.state', 'not in', [...RELEASED_STATES])
    .execute();
  return rows.map((r) => ({
    key: r.identity_key,
    caseId: toNumber(r.case_id),
    period: r.period,
    uscc: r.uscc,
    state: r.state,
  }));
}

/** History rows of some policies, with the register's person id where the person is on file. */
export async function findHistory(db: Db, policyCodes: readonly string[]) {
  if (policyCodes.length === 0) return [];
  const rows = await db
    .selectFrom('benefit_history as h')
    .leftJoin('persons as p', (join) => join.onRef('p.id_index', '=', 'h.person_index').on('h.person_index', '<>', ''))
    .select(['h.id', 'h.policy_code', 'h.uscc', 'h.period', 'h.source_system', 'h.paid_on', 'p.id as person_id'])
    .where('h.policy_code', 'in', [...policyCodes])
    .execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    policyCode: r.policy_code,
    uscc: r.uscc,
    period: r.period,
    sourceSystem: r.source_system,
    paidOn: r.paid_on,
    personId: r.person_id === null ? undefined : toNumber(r.person_id),
  }));
}

/** Claims identities for new cases: an identity already held is left alone. */
export async function insertIdentities(
  db: Db,
  rows: { policy_code: string; identity_key: string; case_id: number; uscc: string; created_at: string }[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('benefit_identities')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['policy_code', 'identity_key']).doNothing())
      .execute();
  }
}

/** How many identities each of some cases holds. */
export async function countIdentitiesOfCases(db: Db, caseIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('benefit_identities')
      .select(['case_id', (eb) => eb.fn.countAll().as('n')])
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .groupBy('case_id')
      .execute();
    for (const r of rows) counts.set(toNumber(r.case_id), toNumber(r.n as number));
  }
  return counts;
}

/** Frees the identities a case holds (it was lost, or never written). */
export async function deleteIdentitiesOfCases(db: Db, caseIds: readonly number[]) {
  if (caseIds.length > 0)
    await db
      .deleteFrom('benefit_identities')
      .where('case_id', 'in', [...caseIds])
      .execute();
}

/** The case holding an identity, if a live or paid one does. */
export async function findHolderOf(db: Db, policyCode: string, keys: readonly string[]) {
  if (keys.length === 0) return undefined;
  const row = await db
    .selectFrom('benefit_identities as i')
    .innerJoin('benefit_cases as c', 'c.id', 'i.case_id')
    .select(['i.case_id', 'i.identity_key'])
    .where('i.policy_code', '=', policyCode)
    .where('i.identity_key', 'in', [...keys])
    .where('c.state', 'not in', [...RELEASED_STATES])
    .orderBy('i.case_id')
    .executeTakeFirst();
  return row ? { caseId: toNumber(row.case_id), key: row.identity_key } : undefined;
}

/** The identities a case holds. */
export async function findIdentitiesOfCase(db: Db, caseId: number) {
  const rows = await db
    .selectFrom('benefit_identities')
    .select('identity_key')
    .where('case_id', '=', caseId)
    .orderBy('identity_key')
    .execute();
  return rows.map((r) => r.identity_key);
}

/** The credit codes among some that are in the register. */
export async function findRegisteredUsccs(db: Db, usccs: readonly string[]): Promise<Set<string>> {
  if (usccs.length === 0) return new Set();
  const rows = await db
    .selectFrom('enterprises')
    .select('uscc')
    .where('uscc', 'in', [...new Set(usccs)])
    .execute();
  return new Set(rows.map((r) => r.uscc));
}

export interface HistoryRow {
  policy_code: string;
  uscc: string;
  person_index: string;
  period: string;
  amount_fen: number;
  paid_on: string;
  source_system: string;
}

/** History rows already stored under the same keys (policy, enterprise, person, period). */
export async function findStoredHistory(db: Db, rows: readonly HistoryRow[]) {
  if (rows.length === 0) return new Map<string, HistoryRow & { id: number }>();
  const found = await db
    .selectFrom('benefit_history')
    .select(['id', 'policy_code', 'uscc', 'person_index', 'period', 'amount_fen', 'paid_on', 'source_system'])
    .where('uscc', 'in', [...new Set(rows.map((r) => r.uscc))])
    .where('policy_code', 'in', [...new Set(rows.map((r) => r.policy_code))])
    .execute();
  return new Map(found.map((r) => [historyKey(r), { ...r, id: toNumber(r.id), amount_fen: toNumber(r.amount_fen) }]));
}

export function historyKey(row: Pick<HistoryRow, 'policy_code' | 'uscc' | 'person_index' | 'period'>): string {
  return `${row.policy_code}|${row.uscc}|${row.person_index}|${row.period}`;
}

export async function insertHistory(
  db: Db,
  rows: readonly (HistoryRow & { import_run_id: number; created_at: string })[],
) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('benefit_history')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function updateHistory(
  db: Db,
  id: number,
  patch: Pick<HistoryRow, 'amount_fen' | 'paid_on' | 'source_system'> & { import_run_id: number },
) {
  await db.updateTable('benefit_history').set(patch).where('id', '=', id).execute();
}
