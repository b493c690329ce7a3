import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Policy } from '../../../policies/types.ts';
import { findPolicyVersion } from '../../policy/catalogue/catalogue.service.ts';
import { evaluateRows, type RowDecision } from '../../policy/evaluate-rows.ts';
import { factSourceOf } from '../../policy/facts/fact-sources.ts';
import { kernelOfVersion } from '../../policy/policy-versions.ts';
import { loadEnterpriseFacts } from '../../policy/facts/register-facts.service.ts';
import type { RuntimeFacts, SubjectRow } from '../../policy/facts/subjects.ts';
import {
  caseStatusOf,
  declarableMask,
  declarationExplanation,
  failedConditions,
  rowStatusOf,
  subjectKeyOf,
  totalRows,
  withDeclared,
  type CaseStatus,
  type RowStatus,
  type RowTotals,
} from './declared-facts-rules.ts';
import { findCaseEvaluationRefs, findDeclaredFacts, type StoredDeclaration } from './declared-facts.repository.ts';

/**
 * A case re-evaluated with the values its enterprise declared: the policy version and date the
 * match used, the enterprise's rows from the same fact source, the persons other periods' cases
 * already counted left out as in the match, the declared values filling what the data leaves
 * missing, and the same compiled kernel deciding every row.
 */

export interface CaseRef {
  id: number | string;
  policy_code: string;
  period: string;
  uscc: string;
}

export interface EvaluatedRow {
  row: SubjectRow;
  decision: RowDecision;
  status: RowStatus;
  /** The declarations kept for the row's subject (those the data now answers are shown, not used). */
  declarations: StoredDeclaration[];
  /** The facts whose value came from a declaration (the data left them missing). */
  declaredFacts: Set<string>;
}

export interface CaseEvaluation {
  policy: Policy;
  date: string;
  subjectLabel: string;
  rows: EvaluatedRow[];
  totals: RowTotals;
  status: CaseStatus;
  /** What the case amounts to now: the eligible rows' total (so far, while declarations are awaited). */
  amountFen: number;
  explanation: string[];
  /** The persons of the eligible rows, with their amounts, as the case counts them. */
  persons: { personId: number; amountFen: number }[];
}

type VersionRow = Awaited<ReturnType<typeof findPolicyVersion>>['row'];

/** The policy version and evaluation date a case was matched with. */
export interface CaseBasis {
  version: VersionRow;
  policy: Policy;
  evalDate: string;
}

/** The version and date of a case's match; NOT_FOUND when its match run or version is gone. */
export async function findCaseBasis(db: Db, current: CaseRef): Promise<CaseBasis> {
  const refs = await findCaseEvaluationRefs(db, toNumber(current.id));
  if (!refs) throw new AppError('NOT_FOUND', '案件的匹配批次或政策版本不存在');
  const { row: version, policy } = await findPolicyVersion(db, current.policy_code, refs.versionNo);
  return { version, policy, evalDate: refs.evalDate };
}

/** Re-evaluates a case's rows with its declarations. */
export async function evaluateCaseDeclarations(db: Db, current: CaseRef, basis?: CaseBasis): Promise<CaseEvaluation> {
  const caseId = toNumber(current.id);
  const { version, policy, evalDate } = basis ?? (await findCaseBasis(db, current));
  const source = factSourceOf(policy.code);
  const loaded = await loadEnterpriseFacts({ db }, policy, current.uscc, evalDate, { ownPeriod: current.period });
  const stored = await findDeclaredFacts(db, caseId);
  const bySubject = groupBySubject(stored);
  const rows = loaded.map((row) =>
    row.uscc === current.uscc ? withDeclared(row, valuesOf(bySubject.get(subjectKeyOf(row)))) : row,
  );
  const decisions = evaluateRows(kernelOfVersion(version), rows, evalDate, {
    linked: source.linked,
    assume: source.assumptions,
  });
  const mask = declarableMask(policy);
  // Rows whose benefit another case or the history already holds are not this case's.
  const own = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.uscc === current.uscc && !row.granted)
    .sort((a, b) => (a.row.order ?? '').localeCompare(b.row.order ?? ''))
    .map(({ row, index }): EvaluatedRow => {
      const declarations = bySubject.get(subjectKeyOf(row)) ?? [];
      const original = loaded[index] as SubjectRow;
      const declaredFacts = new Set(
        declarations.filter((d) => original.facts[d.fact] === undefined).map((d) => d.fact),
      );
      return {
        row,
        decision: decisions[index] as RowDecision,
        status: rowStatusOf(decisions[index] as RowDecision, mask),
        declarations,
        declaredFacts,
      };
    });
  const ownDecisions = own.map((r) => r.decision);
  const totals = totalRows(
    own.map((r) => r.status),
    ownDecisions,
  );
  const status = caseStatusOf(totals);
  const explanation = declarationExplanation(
    policy,
    source.subjectLabel,
    totals,
    failedConditions(policy, ownDecisions),
    own.filter((r) => r.declaredFacts.size > 0).length,
  );
  const persons = own.flatMap((r) =>
    r.status === 'eligible' && r.row.personId !== undefined
      ? [{ personId: r.row.personId, amountFen: r.decision.amountFen }]
      : [],
  );
  return {
    policy,
    date: evalDate,
    subjectLabel: source.subjectLabel,
    rows: own,
    totals,
    status,
    amountFen: totals.eligibleAmountFen,
    explanation,
    persons,
  };
}

function groupBySubject(stored: readonly StoredDeclaration[]): Map<string, StoredDeclaration[]> {
  const groups = new Map<string, StoredDeclaration[]>();
  for (const declaration of stored) {
    const list = groups.get(declaration.subjectKey);
    if (list) list.push(declaration);
    else groups.set(declaration.subjectKey, [declaration]);
  }
  return groups;
}

function valuesOf(declarations: readonly StoredDeclaration[] | undefined): RuntimeFacts | undefined {
  return declarations && Object.fromEntries(declarations.map((d) => [d.fact, d.value]));
}
