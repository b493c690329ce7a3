import type { Db } from '../../db/database.ts';
import { decodeExplanation } from '../../policies/codes.ts';
import { explainEvaluation } from '../../policies/explain.ts';
import { evaluatePolicy } from '../../policies/evaluate.ts';
import type { FactDef, Policy } from '../../policies/types.ts';
import { aggregateExplanation, assumptionViews, tallyDecisions } from '../policy/calc-views.ts';
import type { findPolicyInForce } from '../policy/catalogue.service.ts';
import { evaluateRows, type RowDecision } from '../policy/evaluate-rows.ts';
import { factSourceOf } from '../policy/fact-sources.ts';
import { kernelOfVersion } from '../policy/policy-versions.ts';
import { loadEnterpriseFacts } from '../policy/register-facts.service.ts';
import { awaitingDeclaration, declarableMask, failedConditions } from './declared-facts-rules.ts';
import type { Candidate } from './match-evaluate.ts';
import { findCountedPersons } from './match.repository.ts';

/**
 * One enterprise evaluated as a match run evaluates it: the same fact source narrowed to the
 * enterprise, the persons other periods' cases counted left out, the same compiled kernel and the
 * same candidate rule (including a case that waits only for declarable facts). When it is not a
 * candidate, the answer says why: the conditions failed, or the data missing that it cannot declare.
 */

type PolicyVersionRow = Awaited<ReturnType<typeof findPolicyInForce>>['row'];

export type EnterpriseVerdict =
  | { kind: 'candidate'; candidate: Candidate }
  | { kind: 'ineligible'; reasons: string[] }
  | { kind: 'undetermined'; missing: string[] };

/** Evaluates one enterprise for a policy version on a date, as a match run of the period would. */
export async function evaluateEnterpriseForMatch(db: Db, version: PolicyVersionRow, policy: Policy, uscc: string, period: string, date: string): Promise<EnterpriseVerdict> {
  const source = factSourceOf(policy.code);
  const counted = await findCountedPersons(db, policy.code, period);
  const rows = (await loadEnterpriseFacts({ db }, policy, uscc, date)).filter((row) => row.personId === undefined || !counted.has(row.personId));
  const decisions = evaluateRows(kernelOfVersion(version), rows, date, { linked: source.linked, assume: source.assumptions });
  const indices = rows.flatMap((row, index) => (row.uscc === uscc && decisions[index] ? [index] : []));
  const mine = indices.map((i) => decisions[i] as RowDecision);
  const tally = tallyDecisions(mine);
  const mask = declarableMask(policy);
  const note = assumptionViews(policy, source.assumptions).map((a) => `按“${a.label}：否”计算（本系统无此前享受记录，审核时请核实）`);
  const persons = indices.flatMap((i) => ((decisions[i] as RowDecision).outcome === 'eligible' && rows[i]?.personId !== undefined ? [{ personId: rows[i]!.personId!, amountFen: (decisions[i] as RowDecision).amountFen }] : []));
  const awaiting = mask === 0 ? undefined : awaitingDeclaration(policy, source.subjectLabel, mine, mask);
  if (awaiting) {
    return { kind: 'candidate', candidate: { uscc, amountFen: awaiting.totals.eligibleAmountFen, explanation: [...awaiting.explanation, ...note], persons, awaitingDeclaration: awaiting.totals.needsDeclaration } };
  }
  if (tally.undetermined > 0) return { kind: 'undetermined', missing: missingLabels(policy, mine, mask) };
  if (tally.eligible === 0 || tally.eligible_amount_fen <= 0) return { kind: 'ineligible', reasons: ineligibleReasons(policy, source.subjectLabel, mine) };
  const explanation = source.isPerEnterprise
    ? explainEvaluation(evaluatePolicy(policy, { facts: new Map(Object.entries(mine[0]!.facts).filter((e): e is [string, number | string] => e[1] !== undefined)), date, region: rows[indices[0]!]!.region }))
    : aggregateExplanation(policy, source.subjectLabel, tally, new Map(), []);
  return { kind: 'candidate', candidate: { uscc, amountFen: tally.eligible_amount_fen, explanation: [...explanation, ...note], persons } };
}

/** The facts the undetermined rows lack that the enterprise cannot declare (“离校后未就业：2 条”). */
function missingLabels(policy: Policy, decisions: readonly RowDecision[], mask: number): string[] {
  const counts = new Map<FactDef, number>();
  let divisionByZero = 0;
  for (const decision of decisions) {
    if (decision.outcome !== 'undetermined') continue;
    const detail = decodeExplanation(policy, 'undetermined', decision.code & ~mask);
    if (detail.divisionByZero) divisionByZero += 1;
    for (const fact of detail.missing) counts.set(fact, (counts.get(fact) ?? 0) + 1);
  }
  const lines = [...counts].map(([fact, count]) => `${fact.label}：${count} 条`);
  return divisionByZero > 0 ? [...lines, `计算中除数为零：${divisionByZero} 条`] : lines;
}

/** The conditions failed, with their counts; or that the enterprise has no row to compute. */
function ineligibleReasons(policy: Policy, subjectLabel: string, decisions: readonly RowDecision[]): string[] {
  if (decisions.length === 0) return [`本企业没有可计算的${subjectLabel}记录（${policy.valid.from} 至 ${policy.valid.to}）`];
  const failed = [...failedConditions(policy, decisions)].map(([label, count]) => `不符合「${label}」：${count} 条`);
  return failed.length > 0 ? failed : ['符合条件的金额为 0'];
}
