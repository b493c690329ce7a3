import type { AppContext } from '../../app-context.ts';
import { evaluatePolicy } from '../../policies/evaluate.ts';
import { explainEvaluation } from '../../policies/explain.ts';
import type { Policy } from '../../policies/types.ts';
import { aggregateExplanation, assumptionViews, tallyDecisions } from '../policy/calc-views.ts';
import type { findPolicyInForce } from '../policy/catalogue.service.ts';
import { evaluateRows, type RowDecision } from '../policy/evaluate-rows.ts';
import { factSourceOf } from '../policy/fact-sources.ts';
import { kernelOfVersion } from '../policy/policy-versions.ts';
import { loadRegisterFacts } from '../policy/register-facts.service.ts';
import type { SubjectRow } from '../policy/subjects.ts';
import { awaitingDeclaration, declarableMask } from './declared-facts-rules.ts';

/**
 * The evaluation half of a match run: the policy module's facts (set-wise SQL) and compiled
 * kernel over every enterprise, minus the persons already counted, grouped per enterprise with
 * the amount and a Chinese explanation for each candidate. For an application policy that takes
 * declared facts (申报事实), an enterprise whose rows wait only for such values is a candidate too:
 * amount so far (0 until it declares), asked to declare them and upload the materials.
 */

type PolicyVersionRow = Awaited<ReturnType<typeof findPolicyInForce>>['row'];

export interface Candidate {
  uscc: string;
  amountFen: number;
  explanation: string[];
  persons: { personId: number; amountFen: number }[];
  /** Rows waiting for the enterprise's declared facts (absent: the amount is the data's whole answer). */
  awaitingDeclaration?: number;
}

export interface Evaluated {
  candidates: Candidate[];
  rows: number;
  excludedRows: number;
  enterprises: number;
  factsMs: number;
  evaluateMs: number;
}

/** Evaluates a policy version over the register on a date, excluding persons already counted. */
export async function evaluateForMatch(ctx: AppContext, version: PolicyVersionRow, policy: Policy, date: string, counted: Set<number>): Promise<Evaluated> {
  const source = factSourceOf(policy.code);
  const started = performance.now();
  const all = await loadRegisterFacts(ctx, policy, date);
  const rows = counted.size === 0 ? all : all.filter((row) => row.personId === undefined || !counted.has(row.personId));
  const factsMs = performance.now() - started;
  // Facts only a grant record answers (refunded before, other subsidies) are assumed “no” here and
  // said so in the explanation; the enterprises and persons this system granted are excluded above.
  const decisions = evaluateRows(kernelOfVersion(version), rows, date, { linked: source.linked, assume: source.assumptions });
  const byEnterprise = groupByEnterprise(rows, decisions);
  const note = assumptionNotes(policy);
  const candidates: Candidate[] = [];
  for (const [uscc, indices] of byEnterprise) {
    const candidate = candidateOf(policy, { uscc, rows, decisions, indices, date, note });
    if (candidate) candidates.push(candidate);
  }
  return { candidates, rows: all.length, excludedRows: all.length - rows.length, enterprises: byEnterprise.size, factsMs, evaluateMs: performance.now() - started - factsMs };
}

/** What a candidate's explanation says of the facts only a grant record answers (assumed “no”). */
export function assumptionNotes(policy: Policy): string[] {
  return assumptionViews(policy, factSourceOf(policy.code).assumptions).map((a) => `按“${a.label}：否”计算（本系统无此前享受记录，审核时请核实）`);
}

/**
 * The candidate rule, for one enterprise's rows (`indices` into `rows` and `decisions`): every row
 * decided and some amount eligible; or, for an application policy, rows waiting only for facts the
 * enterprise declares. Answers undefined when the enterprise is not a candidate.
 */
export function candidateOf(policy: Policy, input: { uscc: string; rows: readonly SubjectRow[]; decisions: readonly RowDecision[]; indices: readonly number[]; date: string; note: readonly string[] }): Candidate | undefined {
  const { uscc, rows, decisions, indices, date, note } = input;
  const source = factSourceOf(policy.code);
  const mine = indices.map((i) => decisions[i] as RowDecision);
  const tally = tallyDecisions(mine);
  const mask = declarableMask(policy);
  const awaiting = mask === 0 ? undefined : awaitingDeclaration(policy, source.subjectLabel, mine, mask);
  if (!awaiting && (tally.undetermined > 0 || tally.eligible === 0 || tally.eligible_amount_fen <= 0)) return undefined;
  const persons = indices.flatMap((i) => ((decisions[i] as RowDecision).outcome === 'eligible' && rows[i]?.personId !== undefined ? [{ personId: rows[i]!.personId!, amountFen: (decisions[i] as RowDecision).amountFen }] : []));
  if (awaiting) {
    return { uscc, amountFen: awaiting.totals.eligibleAmountFen, explanation: [...awaiting.explanation, ...note], persons, awaitingDeclaration: awaiting.totals.needsDeclaration };
  }
  const explanation = source.isPerEnterprise
    ? explainOne(policy, rows[indices[0]!]!, mine[0]!, date)
    : aggregateExplanation(policy, source.subjectLabel, tally, new Map(), []);
  return { uscc, amountFen: tally.eligible_amount_fen, explanation: [...explanation, ...note], persons };
}

function groupByEnterprise(rows: readonly SubjectRow[], decisions: readonly RowDecision[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (!decisions[index]) return;
    const list = groups.get(row.uscc);
    if (list) list.push(index);
    else groups.set(row.uscc, [index]);
  });
  return groups;
}

// The interpreted evaluator gives the step-by-step trace; it runs for candidates only.
function explainOne(policy: Policy, row: SubjectRow, decision: RowDecision, date: string): string[] {
  const facts = new Map(Object.entries(decision.facts).filter((e): e is [string, number | string] => e[1] !== undefined));
  return explainEvaluation(evaluatePolicy(policy, { facts, date, region: row.region }));
}
