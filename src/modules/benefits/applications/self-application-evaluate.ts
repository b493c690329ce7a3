import type { Db } from '../../../db/database.ts';
import { decodeExplanation } from '../../../policies/codes.ts';
import type { FactDef, Policy } from '../../../policies/types.ts';
import { tallyDecisions } from '../../policy/calculator/calc-views.ts';
import type { findPolicyInForce } from '../../policy/catalogue/catalogue.service.ts';
import { evaluateRows, type RowDecision } from '../../policy/evaluate-rows.ts';
import { factSourceOf } from '../../policy/facts/fact-sources.ts';
import { kernelOfVersion } from '../../policy/policy-versions.ts';
import { loadEnterpriseFacts } from '../../policy/facts/register-facts.service.ts';
import { declarableMask, failedConditions } from './declared-facts-rules.ts';
import { assumptionNotes, candidateOf, type Candidate } from '../match/match-evaluate.ts';
import { describeHolder } from '../../policy/records/benefit-records.ts';

/**
 * One enterprise evaluated as a match run evaluates it: the same fact source narrowed to the
 * enterprise, rows whose benefit is already held left out, the same compiled kernel and the
 * same candidate rule (including a case that waits only for declarable facts). When it is not a
 * candidate, the answer says why: the conditions failed, or the data missing that it cannot declare.
 */

type PolicyVersionRow = Awaited<ReturnType<typeof findPolicyInForce>>['row'];

export type EnterpriseVerdict =
  | { kind: 'candidate'; candidate: Candidate }
  | { kind: 'ineligible'; reasons: string[] }
  | { kind: 'undetermined'; missing: string[] };

/** Evaluates one enterprise for a policy version on a date, as a match run of the period would. */
export async function evaluateEnterpriseForMatch(
  db: Db,
  version: PolicyVersionRow,
  policy: Policy,
  uscc: string,
  period: string,
  date: string,
): Promise<EnterpriseVerdict> {
  const source = factSourceOf(policy.code);
  const rows = await loadEnterpriseFacts({ db }, policy, uscc, date, { ownPeriod: period });
  const decisions = evaluateRows(kernelOfVersion(version), rows, date, {
    linked: source.linked,
    assume: source.assumptions,
  });
  const indices = rows.flatMap((row, index) => (row.uscc === uscc && decisions[index] && !row.granted ? [index] : []));
  const candidate = candidateOf(policy, { uscc, rows, decisions, indices, date, note: assumptionNotes(policy) });
  if (candidate) return { kind: 'candidate', candidate };
  const mine = indices.map((i) => decisions[i] as RowDecision);
  if (tallyDecisions(mine).undetermined > 0)
    return { kind: 'undetermined', missing: missingLabels(policy, mine, declarableMask(policy)) };
  const granted = rows.filter((row) => row.uscc === uscc && row.granted);
  if (mine.length === 0 && granted.length > 0)
    return {
      kind: 'ineligible',
      reasons: [
        `已享受过同一待遇：${describeHolder(granted[0]!.granted!)}${granted.length > 1 ? ` 等 ${granted.length} 条` : ''}`,
      ],
    };
  return { kind: 'ineligible', reasons: ineligibleReasons(policy, source.subjectLabel, mine) };
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
  if (decisions.length === 0)
    return [`本企业没有可计算的${subjectLabel}记录（${policy.valid.from} 至 ${policy.valid.to}）`];
  const failed = [...failedConditions(policy, decisions)].map(([label, count]) => `不符合「${label}」：${count} 条`);
  return failed.length > 0 ? failed : ['符合条件的金额为 0'];
}
