import type { AppContext } from '../../../app-context.ts';
import { maskIdNumber } from '../../../platform/crypto/masking.ts';
import { AppError } from '../../../platform/errors.ts';
import { evaluatePolicy } from '../../../policies/evaluate.ts';
import type { Policy } from '../../../policies/types.ts';
import { formatYuan } from '../../../policies/values.ts';
import { findPolicyInForce } from '../catalogue/catalogue.service.ts';
import {
  aggregateExplanation,
  aggregateOutcome,
  assumptionViews,
  citedSourceViews,
  displayFacts,
  evaluationView,
  factQuestion,
  tallyDecisions,
} from './calc-views.ts';
import { describeHolder, recordFactNote, type Holder } from '../records/benefit-records.ts';
import { findDataSnapshot, findEnterpriseProfiles, findPersonsForDisplay } from '../coverage.repository.ts';
import { loadEnterpriseFacts } from '../facts/register-facts.service.ts';
import { evaluateRows, type RowDecision } from '../evaluate-rows.ts';
import { factSourceOf } from '../facts/fact-sources.ts';
import { kernelOfVersion } from '../policy-versions.ts';
import type { FactSource, RuntimeFacts, SubjectRow } from '../facts/subjects.ts';

/**
 * 政策计算器 over the database: one policy for one enterprise on a date, from the facts computed
 * in SQL. The answer is the same object for the API and the CLI: outcome, amount_fen, the Chinese
 * explanation and the version — plus, for policies about hires, persons or certificates, the
 * enterprise's total with every row and its own explanation.
 */

/** The failed-condition id of a row whose benefit is already held. */
const ALREADY_GRANTED = 'already_granted';

/**
 * Computes a policy for one enterprise (no scope check: callers check it). `isOfficial` says
 * whether the answer's sources carry their quality (second-hand copy, notes): the command line is
 * an operator's, so it does.
 */
export async function calculateForEnterprise(
  ctx: AppContext,
  code: string,
  uscc: string,
  date: string,
  isOfficial = true,
) {
  const { row: version, policy } = await findPolicyInForce(ctx.db, code);
  const [enterprise] = await findEnterpriseProfiles(ctx.db, uscc);
  if (!enterprise) throw new AppError('NOT_FOUND', '企业不存在或不在您的管辖范围内');
  const source = factSourceOf(code);
  const header = {
    policy: policy.code,
    name: policy.name,
    version: version.version,
    version_no: version.version_no,
    content_sha256: version.content_sha256,
    uscc,
    enterprise_name: enterprise.name,
    date,
    region: enterprise.region_code,
    subject: source.subjectLabel,
    snapshot: await findDataSnapshot(ctx.db),
    sources: citedSourceViews(policy, isOfficial),
  };
  const outside = evaluatePolicy(policy, { facts: new Map(), date, region: enterprise.region_code });
  if (outside.failed?.id === 'validity_window' || outside.failed?.id === 'region_scope' || source.unavailable) {
    return {
      ...header,
      ...noRowsView(policy, outside, source),
      facts: null,
      provisional: null,
      rows: null,
      summary: null,
    };
  }
  const rows = await loadEnterpriseFacts(ctx, policy, uscc, date);
  const kernel = kernelOfVersion(version);
  const strict = settleGranted(rows, evaluateRows(kernel, rows, date, { linked: source.linked }));
  const hasAssumptions = Object.keys(source.assumptions).length > 0;
  const provisional = hasAssumptions
    ? settleGranted(rows, evaluateRows(kernel, rows, date, { linked: source.linked, assume: source.assumptions }))
    : undefined;
  const own = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.uscc === uscc)
    .sort((a, b) => (a.row.order ?? '').localeCompare(b.row.order ?? ''));
  const parts = { policy, source, date, strict, provisional, own };
  return { ...header, ...(source.isPerEnterprise ? enterpriseView(parts) : await rowsView(ctx, parts)) };
}

/** A row whose benefit a case or the history already holds is not payable again: ineligible, whatever its facts. */
function settleGranted(rows: readonly SubjectRow[], decisions: RowDecision[]): RowDecision[] {
  return decisions.map((decision, index) =>
    rows[index]?.granted && decision.outcome !== 'ineligible'
      ? { ...decision, outcome: 'ineligible', amountFen: 0 }
      : decision,
  );
}

/** The lines saying how the facts answered from the benefit records were decided for a row. */
function recordLines(policy: Policy, source: FactSource, row: SubjectRow, facts: RuntimeFacts): string[] {
  return (source.recordFacts ?? []).flatMap((name) => {
    const fact = policy.factsByName.get(name);
    return fact ? [recordFactNote(fact.label, facts[name] === 1, row.granted)] : [];
  });
}

interface ViewParts {
  policy: Policy;
  source: FactSource;
  date: string;
  strict: RowDecision[];
  provisional?: RowDecision[];
  own: { row: SubjectRow; index: number }[];
}

function noRowsView(policy: Policy, outside: ReturnType<typeof evaluatePolicy>, source: FactSource) {
  if (!source.unavailable || outside.failed) return evaluationView(outside);
  return {
    outcome: 'undetermined' as const,
    amount_fen: null,
    failed_condition: null,
    exceptions: [],
    explanation: [source.unavailable, ...policy.facts.map((fact) => `缺少数据：${fact.label}`)],
    missing_facts: policy.facts.map((fact) => factQuestion(fact, policy)),
  };
}

function evaluate(policy: Policy, facts: RuntimeFacts, date: string, region: string) {
  const known = new Map(
    Object.entries(facts).filter((entry): entry is [string, number | string] => entry[1] !== undefined),
  );
  return evaluatePolicy(policy, { facts: known, date, region });
}

/** One row per enterprise: the row's own evaluation with its explanation, and the provisional result. */
function enterpriseView({ policy, source, date, strict, provisional, own }: ViewParts) {
  const [{ row, index } = { row: undefined, index: -1 }] = own;
  if (!row) throw new AppError('NOT_FOUND', '企业不存在或不在您的管辖范围内');
  const decision = strict[index] as RowDecision;
  const evaluated = evaluationView(evaluate(policy, decision.facts, date, row.region));
  const view = {
    ...evaluated,
    explanation: [...evaluated.explanation, ...recordLines(policy, source, row, decision.facts)],
  };
  const assumed = assumptionViews(policy, source.assumptions).filter((a) =>
    view.missing_facts.some((m) => m.name === a.name),
  );
  const guess =
    provisional && assumed.length > 0
      ? evaluationView(evaluate(policy, (provisional[index] as RowDecision).facts, date, row.region))
      : undefined;
  return {
    ...view,
    facts: displayFacts(policy, decision.facts),
    provisional: guess
      ? { assumptions: assumed, outcome: guess.outcome, amount_fen: guess.amount_fen, explanation: guess.explanation }
      : null,
    rows: null,
    summary: null,
  };
}

/** Many rows per enterprise: the total over the enterprise's rows, and each row with its explanation. */
async function rowsView(ctx: AppContext, { policy, source, date, strict, provisional, own }: ViewParts) {
  const mine = own.map(({ index }) => strict[index] as RowDecision);
  const tally = tallyDecisions(mine);
  const failed = new Map<string, number>();
  const missing = new Set<string>();
  const persons = await findPersonsForDisplay(ctx.db, [
    ...new Set(own.flatMap(({ row }) => (row.personId === undefined ? [] : [row.personId]))),
  ]);
  const rows = own.map(({ row, index }) => {
    const evaluation = evaluate(policy, (strict[index] as RowDecision).facts, date, row.region);
    const held = row.granted ? grantedView(row.granted) : undefined;
    const failedLabel = held ? held.failed_condition.label : evaluation.failed?.label;
    if (failedLabel) failed.set(failedLabel, (failed.get(failedLabel) ?? 0) + 1);
    if (!held) evaluation.missing.forEach((fact) => missing.add(fact.name));
    const person = row.personId === undefined ? undefined : persons.get(row.personId);
    const guess = provisional?.[index];
    return {
      key: row.key,
      person: person ? { name: person.name, id_number: maskIdNumber(ctx.cipher.decrypt(person.idEnc)) } : null,
      ...row.describe,
      ...(held ?? evaluationView(evaluation)),
      facts: displayFacts(policy, (strict[index] as RowDecision).facts),
      provisional:
        guess && guess.outcome !== evaluation.outcome
          ? { outcome: guess.outcome, amount_fen: guess.outcome === 'eligible' ? guess.amountFen : null }
          : null,
    };
  });
  const missingFacts = policy.facts.filter((fact) => missing.has(fact.name));
  const outcome = aggregateOutcome(tally);
  const explanation = aggregateExplanation(policy, source.subjectLabel, tally, failed, missingFacts);
  return {
    outcome,
    amount_fen: outcome === 'eligible' ? tally.eligible_amount_fen : null,
    explanation,
    failed_condition: outcome === 'ineligible' ? mostFrequentFailure(policy, failed) : null,
    missing_facts: missingFacts.map((fact) => factQuestion(fact, policy)),
    exceptions: [],
    facts: null,
    provisional: provisionalTotal(policy, source, own, provisional, outcome),
    rows,
    summary: tally,
  };
}

/** A row whose benefit is already held, as the calculator shows it. */
function grantedView(holder: Holder) {
  return {
    outcome: 'ineligible' as const,
    amount_fen: null,
    failed_condition: { id: ALREADY_GRANTED, label: '已享受过同一待遇' },
    exceptions: [],
    missing_facts: [],
    explanation: [`已享受过同一待遇，不再重复发放：${describeHolder(holder)}`],
  };
}

function mostFrequentFailure(policy: Policy, failed: Map<string, number>) {
  const [label] = [...failed.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const condition = policy.conditions.find((c) => c.label === label);
  if (label === '已享受过同一待遇') return { id: ALREADY_GRANTED, label };
  return label ? { id: condition?.id ?? 'validity_window', label } : { id: 'no_subjects', label: '没有可计算的记录' };
}

function provisionalTotal(
  policy: Policy,
  source: FactSource,
  own: ViewParts['own'],
  provisional: RowDecision[] | undefined,
  strictOutcome: string,
) {
  if (!provisional || strictOutcome !== 'undetermined') return null;
  const tally = tallyDecisions(own.map(({ index }) => provisional[index] as RowDecision));
  const assumptions = assumptionViews(policy, source.assumptions);
  const outcome = aggregateOutcome(tally);
  const amount = outcome === 'eligible' ? tally.eligible_amount_fen : null;
  const premise = `若${assumptions.map((a) => `「${a.label}」为“否”`).join('、')}`;
  const total = `${policy.amount.label}合计 ${formatYuan(tally.eligible_amount_fen)}（符合 ${tally.eligible} 条，仍待定 ${tally.undetermined} 条）`;
  return {
    assumptions,
    outcome,
    amount_fen: amount,
    eligible_amount_fen: tally.eligible_amount_fen,
    explanation: [`${premise}：${total}`],
  };
}
