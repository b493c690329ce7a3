import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/** SQL of 申报事实: the values declared on a case, and what a re-evaluation writes back to the case. */

/** The policy version number and evaluation date a case was matched with. */
export async function findCaseEvaluationRefs(
  db: Db,
  caseId: number,
): Promise<{ versionNo: number; evalDate: string } | undefined> {
  const row = await db
    .selectFrom('benefit_cases as c')
    .innerJoin('policy_versions as v', 'v.id', 'c.policy_version_id')
    .innerJoin('benefit_match_runs as r', 'r.id', 'c.run_id')
    .select(['v.version_no', 'r.eval_date'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return row && { versionNo: toNumber(row.version_no), evalDate: row.eval_date };
}

export interface StoredDeclaration {
  subjectKey: string;
  personId: number | null;
  fact: string;
  value: number | string;
  declaredBy: string;
  declaredAt: string;
}

/** The values declared on a case, in the order they were first declared. */
export async function findDeclaredFacts(db: Db, caseId: number): Promise<StoredDeclaration[]> {
  const rows = await db
    .selectFrom('benefit_declared_facts')
    .select(['subject_key', 'person_id', 'fact', 'value', 'declared_by_name', 'declared_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    subjectKey: r.subject_key,
    personId: r.person_id === null ? null : toNumber(r.person_id),
    fact: r.fact,
    value: JSON.parse(r.value) as number | string,
    declaredBy: r.declared_by_name,
    declaredAt: r.declared_at,
  }));
}

/** Sets one declared value (a later declaration of the same subject and fact replaces it). */
export async function upsertDeclaredFact(
  db: Db,
  row: {
    case_id: number;
    subject_key: string;
    person_id: number | null;
    fact: string;
    value: number | string;
    declared_by: number;
    declared_by_name: string;
    declared_at: string;
  },
) {
  const values = { ...row, value: JSON.stringify(row.value) };
  await db
    .insertInto('benefit_declared_facts')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['case_id', 'subject_key', 'fact']).doUpdateSet({
        value: values.value,
        person_id: values.person_id,
        declared_by: values.declared_by,
        declared_by_name: values.declared_by_name,
        declared_at: values.declared_at,
      }),
    )
    .execute();
}

/** Withdraws one declared value. */
export async function deleteDeclaredFact(db: Db, caseId: number, subjectKey: string, fact: string) {
  await db
    .deleteFrom('benefit_declared_facts')
    .where('case_id', '=', caseId)
    .where('subject_key', '=', subjectKey)
    .where('fact', '=', fact)
    .execute();
}

/** The cases of a policy and period holding declared values. */
export async function findDeclaredCaseIds(db: Db, code: string, period: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('benefit_declared_facts as d')
    .innerJoin('benefit_cases as c', 'c.id', 'd.case_id')
    .select('d.case_id')
    .distinct()
    .where('c.policy_code', '=', code)
    .where('c.period', '=', period)
    .execute();
  return new Set(rows.map((r) => toNumber(r.case_id)));
}

/** Writes a re-evaluation's amount and explanation to a case the enterprise is still working on. */
export async function updateCaseAssessment(
  db: Db,
  caseId: number,
  amountFen: number,
  explanation: readonly string[],
  awaitingDeclaration: number,
  at: string,
) {
  await db
    .updateTable('benefit_cases')
    .set({
      amount_fen: amountFen,
      explanation: JSON.stringify(explanation),
      awaiting_declaration: awaitingDeclaration,
      updated_at: at,
    })
    .where('id', '=', caseId)
    .where('state', 'in', ['matched', 'returned'])
    .execute();
}

/** Replaces the persons a case counts with its eligible ones (a person another case holds stays with it). */
export async function replaceCasePersons(
  db: Db,
  code: string,
  caseId: number,
  persons: readonly { personId: number; amountFen: number }[],
) {
  await db.deleteFrom('benefit_case_persons').where('case_id', '=', caseId).execute();
  for (let i = 0; i < persons.length; i += 500) {
    const rows = persons
      .slice(i, i + 500)
      .map((p) => ({ policy_code: code, person_id: p.personId, case_id: caseId, amount_fen: p.amountFen }));
    await db
      .insertInto('benefit_case_persons')
      .values(rows)
      .onConflict((oc) => oc.columns(['case_id', 'person_id']).doNothing())
      .execute();
  }
}

/** Name and encrypted ID number of persons, for the masked display. */
export async function findPersonsShown(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, { name: string; idEnc: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'name', 'id_enc'])
    .where('id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((r) => [toNumber(r.id), { name: r.name, idEnc: r.id_enc }]));
}
