import { citeSources } from '../../../policies/codes.ts';
import { isoFromDays } from '../../../policies/dates.ts';
import type { Evaluation } from '../../../policies/evaluate.ts';
import { explainEvaluation } from '../../../policies/explain.ts';
import type { Outcome } from '../../../policies/outcome.ts';
import type { FactDef, Policy, Source } from '../../../policies/types.ts';
import { formatYuan } from '../../../policies/values.ts';
import { sourceView } from '../catalogue/catalogue-views.ts';
import type { RowDecision } from '../evaluate-rows.ts';
import type { RuntimeFacts } from '../facts/subjects.ts';

/**
 * The calculator's answer, shaped once for the API and the CLI alike: outcome, amount in fen,
 * the Chinese explanation and the version, with the failed condition, the missing facts (with
 * their Chinese labels, as questions to ask) and the facts used.
 */

/**
 * A fact as a question: what to ask and in which form, and whether the applicant declares it on
 * its case when it applies (申报事实: no data holds it, a material proves it).
 */
export function factQuestion(fact: FactDef, policy?: Policy) {
  return {
    name: fact.name,
    label: fact.label,
    type: fact.type,
    unit: fact.unit ?? null,
    description: fact.description,
    values: fact.values ? [...fact.values] : null,
    declared_on_application: policy?.declaredFacts.some((declared) => declared.fact === fact.name) ?? false,
  };
}

/** A runtime fact value in the form facts files and the public form use (yuan, ISO dates, booleans). */
export function displayValue(fact: FactDef, value: number | string | undefined): unknown {
  if (value === undefined) return null;
  switch (fact.type) {
    case 'money':
      return Number(value) / 100;
    case 'date':
      return isoFromDays(Number(value));
    case 'bool':
      return Number(value) !== 0;
    default:
      return value;
  }
}

/** Every fact of a policy with its value (null = missing). */
export function displayFacts(policy: Policy, facts: RuntimeFacts): Record<string, unknown> {
  return Object.fromEntries(policy.facts.map((fact) => [fact.name, displayValue(fact, facts[fact.name])]));
}

/** The decision part of an evaluation, as every calculator answer carries it. */
export function evaluationView(evaluation: Evaluation) {
  return {
    outcome: evaluation.outcome,
    amount_fen: evaluation.amountFen,
    explanation: explainEvaluation(evaluation),
    failed_condition: evaluation.failed ? { id: evaluation.failed.id, label: evaluation.failed.label } : null,
    missing_facts: evaluation.missing.map((fact) => factQuestion(fact, evaluation.policy)),
    exceptions: evaluation.exceptions.map((exception) => ({ id: exception.id, label: exception.label })),
  };
}

/**
 * Every source the policy's rules cite (legal basis, definitions, exceptions, conditions, amount),
 * once each: 文号 and clause for everyone; whether it was read from a copy (secondary) and the
 * notes on it for officials only.
 */
export function citedSourceViews(policy: Policy, isOfficial: boolean) {
  const cited: Source[] = [
    ...policy.legalBasis,
    ...policy.definitions.flatMap((definition) => [
      ...definition.basis,
      ...definition.exceptions.flatMap((exception) => exception.basis),
    ]),
    ...policy.conditions.flatMap((condition) => condition.basis),
    ...policy.amount.basis,
  ];
  return cited
    .filter((source, index) => cited.findIndex((other) => other.key === source.key) === index)
    .map((source) => sourceView(source, isOfficial));
}

/** The assumed facts of a provisional result, in Chinese. */
export function assumptionViews(policy: Policy, assumptions: Record<string, number>) {
  return Object.entries(assumptions).flatMap(([name, value]) => {
    const fact = policy.factsByName.get(name);
    return fact ? [{ name, label: fact.label, value: displayValue(fact, value) }] : [];
  });
}

export interface RowTally {
  rows: number;
  eligible: number;
  ineligible: number;
  undetermined: number;
  eligible_amount_fen: number;
}

/** Counts and the eligible total of a set of decisions. */
export function tallyDecisions(decisions: readonly RowDecision[]): RowTally {
  const tally: RowTally = {
    rows: decisions.length,
    eligible: 0,
    ineligible: 0,
    undetermined: 0,
    eligible_amount_fen: 0,
  };
  for (const decision of decisions) {
    tally[decision.outcome] += 1;
    if (decision.outcome === 'eligible') tally.eligible_amount_fen += decision.amountFen;
  }
  return tally;
}

/** An enterprise's outcome from its rows: any undetermined row leaves it undetermined; no eligible row, ineligible. */
export function aggregateOutcome(tally: RowTally): Outcome {
  if (tally.undetermined > 0) return 'undetermined';
  return tally.eligible > 0 ? 'eligible' : 'ineligible';
}

/** Explanation lines of an enterprise's total over its rows. */
export function aggregateExplanation(
  policy: Policy,
  subjectLabel: string,
  tally: RowTally,
  failed: Map<string, number>,
  missing: FactDef[],
): string[] {
  const lines = [
    `${subjectLabel}共 ${tally.rows} 条：符合 ${tally.eligible} 条，不符合 ${tally.ineligible} 条，待定 ${tally.undetermined} 条`,
  ];
  if (tally.rows === 0) return [`本企业没有可计算的${subjectLabel}记录（${policy.valid.from} 至 ${policy.valid.to}）`];
  for (const [label, count] of failed) lines.push(`不符合「${label}」：${count} 条`);
  if (missing.length > 0) lines.push(`缺少数据：${missing.map((fact) => fact.label).join('、')}`);
  if (tally.eligible > 0) {
    const basis = citeSources(policy.amount.basis);
    lines.push(
      `→ ${policy.amount.label}合计 = ${tally.eligible} 条符合 = ${formatYuan(tally.eligible_amount_fen)}${basis ? `（${basis}）` : ''}`,
    );
  }
  return lines;
}

/** How facts answered from the benefit records were decided, one line each. */
export function recordFactNotes(policy: Policy, names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const fact = policy.factsByName.get(name);
    return fact
      ? [
          `「${fact.label}」依据本系统发放记录及已导入的历史享受记录确定（本系统及已导入的历史享受记录中无记录即为“否”）`,
        ]
      : [];
  });
}
