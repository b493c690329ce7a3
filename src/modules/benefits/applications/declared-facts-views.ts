import { maskIdNumber } from '../../../platform/crypto/masking.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import type { PersonalDataCipher } from '../../../platform/crypto/personal-data.ts';
import { isoFromDays } from '../../../policies/dates.ts';
import { evaluatePolicy } from '../../../policies/evaluate.ts';
import { explainEvaluation } from '../../../policies/explain.ts';
import type { FactDef, Policy } from '../../../policies/types.ts';
import { formatNumber, formatPercent, formatYuan } from '../../../policies/values.ts';
import { displayValue } from '../../policy/calculator/calc-views.ts';
import { decodeExplanation } from '../../../policies/codes.ts';
import type { CaseEvaluation, EvaluatedRow } from './declared-facts-evaluate.ts';
import { declarableMask, proofNames, subjectKeyOf } from './declared-facts-rules.ts';
import type { CaseState } from '../cases/case-states.ts';

/**
 * What the case page shows of 申报事实: each declarable fact as an input (with the materials that
 * prove it), each row with its person masked (name and ID number), every fact marked as coming
 * from the data or declared by the enterprise (who, when), its outcome, amount and explanation.
 */

export type Persons = Map<number, { name: string; idEnc: string }>;

/** Where a value shown on a row came from: the data on file, the enterprise's declaration, or nowhere yet. */
export type FactSourceKind = 'data' | 'declared' | 'missing';

/** A person's name masked for lists: the surname's first character kept (“李**”). */
export function maskPersonName(name: string): string {
  const characters = [...name.trim()];
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

/** A runtime value in words: “一年以上”, “525.00 元”, “是”, “2025-07-01”. */
export function valueText(fact: FactDef, value: number | string): string {
  switch (fact.type) {
    case 'money':
      return formatYuan(Number(value));
    case 'percent':
      return formatPercent(Number(value));
    case 'date':
      return isoFromDays(Number(value));
    case 'bool':
      return Number(value) !== 0 ? '是' : '否';
    case 'number':
      return `${formatNumber(Number(value))}${fact.unit ? ` ${fact.unit}` : ''}`;
    default:
      return String(value);
  }
}

/** The inputs the enterprise fills: each declarable fact with its form and the materials that prove it. */
export function declarationFields(policy: Policy) {
  return policy.declaredFacts.map((declared) => {
    const fact = policy.factsByName.get(declared.fact) as FactDef;
    return {
      fact: fact.name,
      label: declared.label,
      type: fact.type,
      unit: fact.unit ?? null,
      values: fact.values ? [...fact.values] : null,
      description: fact.description,
      proved_by: declared.provedBy.map((code, index) => ({
        code,
        name: proofNames(policy, declared.fact)[index] ?? code,
      })),
    };
  });
}

/** A person as every role sees it here: name and ID number masked. */
export function personShown(persons: Persons, cipher: PersonalDataCipher, personId: number | undefined) {
  const person = personId === undefined ? undefined : persons.get(personId);
  return person ? { name: maskPersonName(person.name), id_number: maskIdNumber(cipher.decrypt(person.idEnc)) } : null;
}

/** One row: its person, what it is (hire month…), every fact with its source, the outcome and its explanation. */
export function rowView(evaluation: CaseEvaluation, evaluated: EvaluatedRow, person: ReturnType<typeof personShown>) {
  const { policy } = evaluation;
  const { row, decision, declarations } = evaluated;
  const declaredHere = new Map(declarations.map((d) => [d.fact, d]));
  const mask = declarableMask(policy);
  const missing =
    decision.outcome === 'undetermined' ? decodeExplanation(policy, 'undetermined', decision.code).missing : [];
  const facts = policy.facts.map((fact) => {
    const value = decision.facts[fact.name];
    const declared = declaredHere.get(fact.name);
    const isDeclared = declared !== undefined && evaluated.declaredFacts.has(fact.name);
    return {
      name: fact.name,
      label: fact.label,
      value: displayValue(fact, value),
      text: value === undefined ? null : valueText(fact, value),
      source: (value === undefined ? 'missing' : isDeclared ? 'declared' : 'data') as FactSourceKind,
      declared_by: isDeclared ? declared!.declaredBy : null,
      declared_at: isDeclared ? declared!.declaredAt : null,
    };
  });
  return {
    key: subjectKeyOf(row),
    person,
    describe: row.describe,
    status: evaluated.status,
    outcome: decision.outcome,
    amount_fen: decision.outcome === 'eligible' ? decision.amountFen : null,
    is_declarable: evaluated.status === 'needs_declaration' || declarations.length > 0,
    needs: missing.filter((fact) => (mask & (1 << fact.bit)) !== 0).map((fact) => fact.name),
    facts,
    explanation: [
      ...declaredLine(policy, facts),
      ...explainEvaluation(
        evaluatePolicy(policy, { facts: knownFacts(decision.facts), date: evaluation.date, region: row.region }),
      ),
    ],
  };
}

function declaredLine(
  policy: Policy,
  facts: {
    name: string;
    text: string | null;
    source: string;
    declared_by: string | null;
    declared_at: string | null;
  }[],
): string[] {
  const declared = facts.filter((fact) => fact.source === 'declared');
  if (declared.length === 0) return [];
  const labels = new Map(policy.declaredFacts.map((d) => [d.fact, d.label]));
  const last =
    declared
      .map((fact) => fact.declared_at ?? '')
      .sort()
      .at(-1) ?? '';
  const day = last ? todayInShanghai(() => new Date(last)) : '';
  return [
    `企业申报：${declared.map((fact) => `${labels.get(fact.name) ?? fact.name} ${fact.text}`).join('；')}（${declared[0]!.declared_by ?? ''} ${day} 申报，以所附材料为证）`,
  ];
}

function knownFacts(facts: Record<string, number | string | undefined>): Map<string, number | string> {
  return new Map(Object.entries(facts).filter((entry): entry is [string, number | string] => entry[1] !== undefined));
}

/** The case's whole declaration answer: status, totals, inputs, rows, explanation. */
export function declarationsView(
  meta: { caseId: number; state: CaseState; isEditable: boolean },
  evaluation: CaseEvaluation,
  persons: Persons,
  cipher: PersonalDataCipher,
) {
  const { totals, status } = evaluation;
  return {
    case_id: meta.caseId,
    policy: evaluation.policy.code,
    state: meta.state,
    takes_declarations: true,
    is_editable: meta.isEditable,
    status,
    amount_fen: status === 'eligible' ? evaluation.amountFen : null,
    eligible_amount_fen: evaluation.amountFen,
    summary: {
      rows: totals.rows,
      eligible: totals.eligible,
      ineligible: totals.ineligible,
      needs_declaration: totals.needsDeclaration,
      undetermined: totals.undetermined,
    },
    fields: declarationFields(evaluation.policy),
    explanation: evaluation.explanation,
    rows: evaluation.rows.map((evaluated) =>
      rowView(evaluation, evaluated, personShown(persons, cipher, evaluated.row.personId)),
    ),
  };
}

/** The answer for a case whose policy takes no declarations (免申即享, or an application without 申报事实). */
export function noDeclarationsView(meta: { caseId: number; state: CaseState; policy: string }) {
  return {
    case_id: meta.caseId,
    policy: meta.policy,
    state: meta.state,
    takes_declarations: false,
    is_editable: false,
    status: 'not_applicable' as const,
    amount_fen: null,
    eligible_amount_fen: 0,
    summary: { rows: 0, eligible: 0, ineligible: 0, needs_declaration: 0, undetermined: 0 },
    fields: [],
    explanation: [],
    rows: [],
  };
}
