import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { convertFact } from '../../../policies/facts.ts';
import type { Policy } from '../../../policies/types.ts';
import { isEditable } from './attachments.service.ts';
import { CASE_STATE_LABELS, type CaseState } from '../cases/case-states.ts';
import { visibleCase } from '../cases/confirm.service.ts';
import {
  evaluateCaseDeclarations,
  findCaseBasis,
  type CaseEvaluation,
  type CaseRef,
  type EvaluatedRow,
} from './declared-facts-evaluate.ts';
import { subjectKeyOf, takesDeclarations } from './declared-facts-rules.ts';
import { declarationsView, noDeclarationsView, personShown, valueText } from './declared-facts-views.ts';
import {
  deleteDeclaredFact,
  findPersonsShown,
  replaceCasePersons,
  updateCaseAssessment,
  upsertDeclaredFact,
} from './declared-facts.repository.ts';

/**
 * 申报事实 on a case: the enterprise declares, person by person, the facts its policy lets an
 * applicant declare (proved by the materials it uploads); each save re-evaluates the case with the
 * same kernel the match used and writes the new amount and explanation to the case. Officials of
 * the region and the province read the same rows, declared values marked 企业申报.
 */

type Enterprise = Actor & { user: CurrentUser };

export interface DeclarationInput {
  key: string;
  values: Record<string, unknown>;
}

/** The case's declarable facts, its rows with their values and outcomes, and the total. */
export async function getCaseDeclarations(ctx: AppContext, user: CurrentUser, caseId: number) {
  const current = await visibleCase(ctx.db, user, caseId);
  const basis = await findCaseBasis(ctx.db, current);
  if (!takesDeclarations(basis.policy))
    return noDeclarationsView({ caseId, state: current.state, policy: current.policy_code });
  return answer(ctx, ctx.db, current, await evaluateCaseDeclarations(ctx.db, current, basis));
}

/** Stores the enterprise's declared values (null withdraws one), re-evaluates the case and answers it. */
export async function saveCaseDeclarations(
  trx: Db,
  ctx: AppContext,
  actor: Enterprise,
  caseId: number,
  inputs: readonly DeclarationInput[],
) {
  const current = await visibleCase(trx, actor.user, caseId);
  const basis = await findCaseBasis(trx, current);
  if (!takesDeclarations(basis.policy))
    throw new AppError('DECLARATION_NOT_ALLOWED', `${basis.policy.name}不接受企业申报事实`);
  if (!isEditable(current.state)) {
    throw new AppError(
      'INVALID_STATE_TRANSITION',
      `案件当前状态（${CASE_STATE_LABELS[current.state as CaseState] ?? current.state}）不能修改申报，或已被他人处理`,
      { id: caseId, state: current.state, action: 'declare' },
    );
  }
  const before = await evaluateCaseDeclarations(trx, current, basis);
  const persons = await findPersonsShown(
    trx,
    before.rows.flatMap((r) => (r.row.personId === undefined ? [] : [r.row.personId])),
  );
  const nameOf = (row: EvaluatedRow) => {
    const person = personShown(persons, ctx.cipher, row.row.personId);
    return person ? `${person.name}（${person.id_number}）` : row.row.key;
  };
  const changes = checkInputs(basis.policy, before, inputs, nameOf);
  const at = ctx.clock().toISOString();
  for (const change of changes) {
    if (change.value === null) await deleteDeclaredFact(trx, caseId, change.key, change.fact);
    else
      await upsertDeclaredFact(trx, {
        case_id: caseId,
        subject_key: change.key,
        person_id: change.personId,
        fact: change.fact,
        value: change.value,
        declared_by: actor.user.id,
        declared_by_name: actor.user.username,
        declared_at: at,
      });
  }
  const after = await evaluateCaseDeclarations(trx, current, basis);
  await writeAssessment(trx, current, after, at);
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: 'benefits.case.declare',
      outcome: 'success',
      objectType: 'benefit_case',
      objectId: caseId,
      details: {
        policy: current.policy_code,
        period: current.period,
        changes: changes.map(({ key, fact, value }) => ({ subject: key, fact, value })),
        status: after.status,
        amount_fen: after.amountFen,
      },
    },
    ctx.clock(),
  );
  return answer(ctx, trx, current, after);
}

/**
 * For 提交申请: re-evaluates the case with its declarations and writes the amount; refuses while a
 * row waits for a declaration or cannot be decided, or when the declared values make it ineligible.
 * Answers undefined for a policy that takes no declarations.
 */
export async function settleDeclarationsForApply(trx: Db, ctx: AppContext, current: CaseRef & { state: CaseState }) {
  const basis = await findCaseBasis(trx, current);
  if (!takesDeclarations(basis.policy)) return undefined;
  const evaluation = await evaluateCaseDeclarations(trx, current, basis);
  if (evaluation.status === 'awaiting_declaration') {
    const waiting = evaluation.rows.filter((r) => r.status === 'needs_declaration');
    const persons = await findPersonsShown(
      trx,
      waiting.flatMap((r) => (r.row.personId === undefined ? [] : [r.row.personId])),
    );
    const named = waiting.map((r) => ({ key: r.row.key, person: personShown(persons, ctx.cipher, r.row.personId) }));
    const list = named
      .slice(0, 5)
      .map((n) => (n.person ? `${n.person.name}（${n.person.id_number}）` : n.key))
      .join('、');
    throw new AppError(
      'DECLARATION_INCOMPLETE',
      `还有 ${waiting.length} 条待申报：${list}${waiting.length > 5 ? ' 等' : ''}。请填写${basis.policy.declaredFacts.map((d) => d.label).join('、')}后再提交`,
      { rows: named },
    );
  }
  if (evaluation.status === 'undetermined') {
    throw new AppError(
      'FACTS_NOT_AVAILABLE',
      `有 ${evaluation.totals.undetermined} 条缺少企业不能申报的数据，暂不能提交，请联系人社部门核实`,
    );
  }
  if (evaluation.status === 'ineligible') {
    const reasons = evaluation.explanation.filter((line) => line.startsWith('不符合')).join('；');
    throw new AppError(
      'DECLARATION_INELIGIBLE',
      `按申报的数据不符合${basis.policy.name}条件${reasons ? `：${reasons}` : ''}，请核对申报内容或放弃申领`,
      { explanation: evaluation.explanation },
    );
  }
  await writeAssessment(trx, current, evaluation, ctx.clock().toISOString());
  return {
    amountFen: evaluation.amountFen,
    declaredRows: evaluation.rows.filter((r) => r.declaredFacts.size > 0).length,
  };
}

async function writeAssessment(trx: Db, current: CaseRef, evaluation: CaseEvaluation, at: string) {
  await updateCaseAssessment(
    trx,
    toNumber(current.id),
    evaluation.amountFen,
    evaluation.explanation,
    evaluation.totals.needsDeclaration,
    at,
  );
  await replaceCasePersons(trx, current.policy_code, toNumber(current.id), evaluation.persons);
}

async function answer(ctx: AppContext, db: Db, current: CaseRef & { state: CaseState }, evaluation: CaseEvaluation) {
  const persons = await findPersonsShown(
    db,
    evaluation.rows.flatMap((r) => (r.row.personId === undefined ? [] : [r.row.personId])),
  );
  return declarationsView(
    { caseId: toNumber(current.id), state: current.state, isEditable: isEditable(current.state) },
    evaluation,
    persons,
    ctx.cipher,
  );
}

interface Change {
  key: string;
  personId: number | null;
  fact: string;
  value: number | string | null;
}

/** Checks every input against the case's rows and the policy's declarable facts; all problems at once, in Chinese. */
function checkInputs(
  policy: Policy,
  evaluation: CaseEvaluation,
  inputs: readonly DeclarationInput[],
  nameOf: (row: EvaluatedRow) => string,
): Change[] {
  const rows = new Map<string, EvaluatedRow>(evaluation.rows.map((r) => [subjectKeyOf(r.row), r]));
  const labels = new Map(policy.declaredFacts.map((d) => [d.fact, d.label]));
  const problems: string[] = [];
  const changes: Change[] = [];
  inputs.forEach((input, index) => {
    const row = rows.get(input.key);
    if (!row) {
      problems.push(`第 ${index + 1} 行（${input.key}）：不是本案件的人员`);
      return;
    }
    const where = nameOf(row);
    if (!(row.status === 'needs_declaration' || row.declarations.length > 0)) {
      problems.push(`${where}：按现有数据已能确定结果，无需申报`);
      return;
    }
    for (const [name, raw] of Object.entries(input.values)) {
      const label = labels.get(name);
      const fact = policy.factsByName.get(name);
      if (!label || !fact)
        problems.push(`${where}：「${name}」不是本政策可申报的事实（可申报：${[...labels.values()].join('、')}）`);
      else if (row.row.facts[name] !== undefined && !row.declaredFacts.has(name))
        problems.push(`${where}：${label}已有数据（${valueText(fact, row.row.facts[name]!)}），不能申报`);
      else if (raw === null || raw === '')
        changes.push({ key: input.key, personId: row.row.personId ?? null, fact: name, value: null });
      else {
        const value = convertFact(fact, raw);
        if (typeof value === 'object') problems.push(`${where}：${label}${value.problem}`);
        else if (typeof value === 'number' && value < 0) problems.push(`${where}：${label}不能为负数`);
        else changes.push({ key: input.key, personId: row.row.personId ?? null, fact: name, value });
      }
    }
  });
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      problems.length === 1
        ? `申报内容有误：${problems[0]}`
        : `申报内容有 ${problems.length} 处问题：${problems.join('；')}`,
      { problems },
    );
  return changes;
}
