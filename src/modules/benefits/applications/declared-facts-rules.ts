import { citeSources, decodeExplanation } from '../../../policies/codes.ts';
import type { Policy } from '../../../policies/types.ts';
import { formatYuan } from '../../../policies/values.ts';
import type { RowDecision } from '../../policy/evaluate-rows.ts';
import type { RuntimeFacts, SubjectRow } from '../../policy/facts/subjects.ts';

/**
 * The rules of 申报事实, shared by the match run and a case's re-evaluation: which rows wait only
 * for values the applicant may declare, what a case's rows add up to, how declared values join
 * the data's facts, and the Chinese lines that say which values the enterprise declared.
 */

/** A row as the applicant sees it: decided, or waiting for its declaration, or undecidable from what can be declared. */
export const ROW_STATUSES = ['eligible', 'ineligible', 'needs_declaration', 'undetermined'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** A case as a whole: still waiting for declarations, or decided. */
export const CASE_STATUSES = ['awaiting_declaration', 'eligible', 'ineligible', 'undetermined'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface RowTotals {
  rows: number;
  eligible: number;
  ineligible: number;
  needsDeclaration: number;
  undetermined: number;
  eligibleAmountFen: number;
}

/** The missing-facts bits the applicant may fill (0 when the policy takes no declarations). */
export function declarableMask(policy: Policy): number {
  if (policy.delivery !== 'application') return 0;
  return policy.declaredFacts.reduce(
    (mask, declared) => mask | (1 << (policy.factsByName.get(declared.fact)?.bit ?? 0)),
    0,
  );
}

/** Whether a policy takes declared facts at all. */
export function takesDeclarations(policy: Policy): boolean {
  return declarableMask(policy) !== 0;
}

/**
 * A row's status: undetermined only for want of declarable facts — every other fact that matters
 * known, no condition failing — is `needs_declaration`; anything else missing (or a division by
 * zero) leaves it `undetermined`.
 */
export function rowStatusOf(decision: RowDecision, mask: number): RowStatus {
  if (decision.outcome !== 'undetermined') return decision.outcome;
  return mask !== 0 && decision.code !== 0 && (decision.code & ~mask) === 0 ? 'needs_declaration' : 'undetermined';
}

/** Counts the statuses and the eligible total. */
export function totalRows(statuses: readonly RowStatus[], decisions: readonly RowDecision[]): RowTotals {
  const totals: RowTotals = {
    rows: statuses.length,
    eligible: 0,
    ineligible: 0,
    needsDeclaration: 0,
    undetermined: 0,
    eligibleAmountFen: 0,
  };
  statuses.forEach((status, index) => {
    if (status === 'eligible') {
      totals.eligible += 1;
      totals.eligibleAmountFen += (decisions[index] as RowDecision).amountFen;
    } else if (status === 'ineligible') totals.ineligible += 1;
    else if (status === 'needs_declaration') totals.needsDeclaration += 1;
    else totals.undetermined += 1;
  });
  return totals;
}

/** The case's status from its rows: anything undeterminable wins, then what waits for a declaration. */
export function caseStatusOf(totals: RowTotals): CaseStatus {
  if (totals.undetermined > 0) return 'undetermined';
  if (totals.needsDeclaration > 0) return 'awaiting_declaration';
  return totals.eligible > 0 && totals.eligibleAmountFen > 0 ? 'eligible' : 'ineligible';
}

/** The key a declaration is kept under: the row's person (spells are rebuilt by imports), else the row. */
export function subjectKeyOf(row: SubjectRow): string {
  return row.personId === undefined ? row.key : `person:${row.personId}`;
}

/** A row's facts with the declared values filling what the data leaves missing (data on file wins). */
export function withDeclared(row: SubjectRow, declared: RuntimeFacts | undefined): SubjectRow {
  if (!declared) return row;
  const facts = { ...row.facts };
  for (const [name, value] of Object.entries(declared))
    if (facts[name] === undefined && value !== undefined) facts[name] = value;
  return { ...row, facts };
}

/** The materials that prove a declared fact, by name (“劳动合同”). */
export function proofNames(policy: Policy, fact: string): string[] {
  const codes = policy.declaredFacts.find((declared) => declared.fact === fact)?.provedBy ?? [];
  return codes.map((code) => policy.attachments.find((attachment) => attachment.code === code)?.name ?? code);
}

/** “劳动合同期限（以「劳动合同」为证）、个人月缴…（以「个人缴费明细」为证）”. */
export function declaredFactsText(policy: Policy): string {
  return policy.declaredFacts
    .map(
      (declared) =>
        `${declared.label}（以${proofNames(policy, declared.fact)
          .map((name) => `「${name}」`)
          .join('、')}为证）`,
    )
    .join('、');
}

/** Conditions the ineligible rows failed, with their counts. */
export function failedConditions(policy: Policy, decisions: readonly RowDecision[]): Map<string, number> {
  const failed = new Map<string, number>();
  for (const decision of decisions) {
    if (decision.outcome !== 'ineligible') continue;
    const label = decodeExplanation(policy, 'ineligible', decision.code).failed?.label ?? '未知条件';
    failed.set(label, (failed.get(label) ?? 0) + 1);
  }
  return failed;
}

/**
 * The explanation of a case over its rows: the counts, the conditions failed, what still waits for
 * the enterprise's declaration, which values the enterprise declared, and the total.
 */
export function declarationExplanation(
  policy: Policy,
  subjectLabel: string,
  totals: RowTotals,
  failed: Map<string, number>,
  declaredRows: number,
): string[] {
  const waiting = [
    totals.needsDeclaration > 0 ? `待企业申报 ${totals.needsDeclaration} 条` : '',
    totals.undetermined > 0 ? `数据不足待定 ${totals.undetermined} 条` : '',
  ].filter(Boolean);
  const lines = [
    `${subjectLabel}共 ${totals.rows} 条：符合 ${totals.eligible} 条，不符合 ${totals.ineligible} 条${waiting.map((text) => `，${text}`).join('')}`,
  ];
  for (const [label, count] of failed) lines.push(`不符合「${label}」：${count} 条`);
  if (totals.needsDeclaration > 0) {
    lines.push(
      `您单位可能符合${policy.name}条件：请为待申报的 ${totals.needsDeclaration} 条申报${declaredFactsText(policy)}，并上传材料；申报后按同一规则重新测算金额`,
    );
  }
  if (declaredRows > 0)
    lines.push(
      `其中 ${declaredRows} 条的${policy.declaredFacts.map((d) => `「${d.label}」`).join('')}为企业申报，审核时请与所附材料核对`,
    );
  const basis = citeSources(policy.amount.basis);
  if (totals.eligible > 0)
    lines.push(
      `→ ${policy.amount.label}合计 = ${totals.eligible} 条符合 = ${formatYuan(totals.eligibleAmountFen)}${basis ? `（${basis}）` : ''}`,
    );
  return lines;
}

/**
 * A match run's candidate that waits for the enterprise's declarations: no row undeterminable from
 * what can be declared, at least one waiting; undefined otherwise (the 免申 rule then applies).
 */
export function awaitingDeclaration(
  policy: Policy,
  subjectLabel: string,
  decisions: readonly RowDecision[],
  mask: number,
) {
  const totals = totalRows(
    decisions.map((decision) => rowStatusOf(decision, mask)),
    decisions,
  );
  if (caseStatusOf(totals) !== 'awaiting_declaration') return undefined;
  return {
    totals,
    explanation: declarationExplanation(policy, subjectLabel, totals, failedConditions(policy, decisions), 0),
  };
}
