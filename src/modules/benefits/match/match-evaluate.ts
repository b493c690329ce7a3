import type { AppContext } from '../../../app-context.ts';
import { evaluatePolicy } from '../../../policies/evaluate.ts';
import { explainEvaluation } from '../../../policies/explain.ts';
import type { Policy } from '../../../policies/types.ts';
import {
  aggregateExplanation,
  assumptionViews,
  recordFactNotes,
  tallyDecisions,
} from '../../policy/calculator/calc-views.ts';
import type { findPolicyInForce } from '../../policy/catalogue/catalogue.service.ts';
import { evaluateRows, type RowDecision } from '../../policy/evaluate-rows.ts';
import { factSourceOf } from '../../policy/facts/fact-sources.ts';
import { kernelOfVersion } from '../../policy/policy-versions.ts';
import { loadRegisterFacts } from '../../policy/facts/register-facts.service.ts';
import type { SubjectRow } from '../../policy/facts/subjects.ts';
import { awaitingDeclaration, declarableMask } from '../applications/declared-facts-rules.ts';

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
  /** The benefit identities the case will hold (its eligible rows and those waiting for declarations). */
  identities: string[];
  /** Rows waiting for the enterprise's declared facts (absent: the amount is the data's whole answer). */
  awaitingDeclaration?: number;
}

export interface Evaluated {
  candidates: Candidate[];
  rows: number;
  /** Rows whose benefit a case of another period or the imported history already holds. */
  excludedRows: number;
  enterprises: number;
  factsMs: number;
  evaluateMs: number;
}

/**
 * Evaluates a policy version over the register on a date for a period's run. Every row is evaluated
 * (an earlier benefit still counts in the linked facts of later rows), and rows whose benefit is
 * already held — by a case of another period or path, or the imported history — make no candidate.
 */
export async function evaluateForMatch(
  ctx: AppContext,
  version: PolicyVersionRow,
  policy: Policy,
  date: string,
  period: string,
): Promise<Evaluated> {
  const source = factSourceOf(policy.code);
  const started = performance.now();
  const rows = await loadRegisterFacts(ctx, policy, date, { ownPeriod: period });
  const factsMs = performance.now() - started;
  // Facts no record can answer are assumed “no” here and said so in the explanation.
  const decisions = evaluateRows(kernelOfVersion(version), rows, date, {
    linked: source.linked,
    assume: source.assumptions,
  });
  const excludedRows = rows.reduce((n, row) => n + (row.granted ? 1 : 0), 0);
  const byEnterprise = groupByEnterprise(rows, decisions);
  const note = assumptionNotes(policy);
  const candidates: Candidate[] = [];
  for (const [uscc, indices] of byEnterprise) {
    const candidate = candidateOf(policy, { uscc, rows, decisions, indices, date, note });
    if (candidate) candidates.push(candidate);
  }
  return {
    candidates,
    rows: rows.length,
    excludedRows,
    enterprises: byEnterprise.size,
    factsMs,
    evaluateMs: performance.now() - started - factsMs,
  };
}

/** What a candidate's explanation says of facts answered from the benefit records, and of facts assumed. */
export function assumptionNotes(policy: Policy): string[] {
  const source = factSourceOf(policy.code);
  return [
    ...recordFactNotes(policy, source.recordFacts ?? []),
    ...assumptionViews(policy, source.assumptions).map((a) => `按“${a.label}：否”计算（无数据可查，审核时请核实）`),
  ];
}

/**
 * The candidate rule, for one enterprise's rows (`indices` into `rows` and `decisions`): every row
 * decided and some amount eligible; or, for an application policy, rows waiting only for facts the
 * enterprise declares. Answers undefined when the enterprise is not a candidate.
 */
export function candidateOf(
  policy: Policy,
  input: {
    uscc: string;
    rows: readonly SubjectRow[];
    decisions: readonly RowDecision[];
    indices: readonly number[];
    date: string;
    note: readonly string[];
  },
): Candidate | undefined {
  const { uscc, rows, decisions, indices, date, note } = input;
  const source = factSourceOf(policy.code);
  const mine = indices.map((i) => decisions[i] as RowDecision);
  const tally = tallyDecisions(mine);
  const mask = declarableMask(policy);
  const awaiting = mask === 0 ? undefined : awaitingDeclaration(policy, source.subjectLabel, mine, mask);
  if (!awaiting && (tally.undetermined > 0 || tally.eligible === 0 || tally.eligible_amount_fen <= 0)) return undefined;
  const persons = personsOf(rows, decisions, indices);
  const identities = indices.flatMap((i) =>
    (decisions[i] as RowDecision).outcome === 'ineligible' ? [] : (rows[i]?.identityKeys ?? []),
  );
  if (awaiting) {
    return {
      uscc,
      amountFen: awaiting.totals.eligibleAmountFen,
      explanation: [...awaiting.explanation, ...note],
      persons,
      identities,
      awaitingDeclaration: awaiting.totals.needsDeclaration,
    };
  }
  const explanation = source.isPerEnterprise
    ? explainOne(policy, rows[indices[0]!]!, mine[0]!, date)
    : aggregateExplanation(policy, source.subjectLabel, tally, new Map(), []);
  return { uscc, amountFen: tally.eligible_amount_fen, explanation: [...explanation, ...note], persons, identities };
}

/** The persons of a candidate's eligible rows with their amounts (a person's rows summed: one line per case and person). */
function personsOf(rows: readonly SubjectRow[], decisions: readonly RowDecision[], indices: readonly number[]) {
  const byPerson = new Map<number, number>();
  for (const i of indices) {
    const decision = decisions[i] as RowDecision;
    const person = rows[i]?.personId;
    if (decision.outcome === 'eligible' && person !== undefined)
      byPerson.set(person, (byPerson.get(person) ?? 0) + decision.amountFen);
  }
  return [...byPerson].map(([personId, amountFen]) => ({ personId, amountFen }));
}

function groupByEnterprise(rows: readonly SubjectRow[], decisions: readonly RowDecision[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (!decisions[index] || row.granted) return;
    const list = groups.get(row.uscc);
    if (list) list.push(index);
    else groups.set(row.uscc, [index]);
  });
  return groups;
}

// The interpreted evaluator gives the step-by-step trace; it runs for candidates only.
function explainOne(policy: Policy, row: SubjectRow, decision: RowDecision, date: string): string[] {
  const facts = new Map(
    Object.entries(decision.facts).filter((e): e is [string, number | string] => e[1] !== undefined),
  );
  return explainEvaluation(evaluatePolicy(policy, { facts, date, region: row.region }));
}
