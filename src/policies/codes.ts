import { BUILT_IN_CONDITIONS, REGION_SCOPE_FAILED, VALIDITY_WINDOW_FAILED, type Outcome } from './outcome.ts';
import type { ExceptionDef, FactDef, Policy, Source } from './types.ts';
import { isoFromDays } from './dates.ts';
import { DIVISION_BY_ZERO } from './values.ts';

/**
 * The compact explanation code of a decision, decoded against its policy. Kernels write only the
 * code (an Int32 per row); the Chinese text is rendered from it when someone looks.
 *
 * eligible → bits of the exceptions applied; ineligible → failed condition number in bits 0–7
 * (255 validity window, 254 region scope) and exceptions from bit 8; undetermined → bits of the
 * missing facts, bit 31 for a division by zero.
 */

export interface ExplanationDetail {
  failed?: { id: string; label: string; index: number; basis: Source[] };
  missing: FactDef[];
  divisionByZero: boolean;
  exceptions: ExceptionDef[];
}

/** Decodes an explanation code into the failed condition, missing facts and exceptions applied. */
export function decodeExplanation(policy: Policy, outcome: Outcome, code: number): ExplanationDetail {
  const detail: ExplanationDetail = { missing: [], divisionByZero: false, exceptions: [] };
  if (outcome === 'undetermined') {
    detail.missing = policy.facts.filter((fact) => (code & (1 << fact.bit)) !== 0);
    detail.divisionByZero = (code & DIVISION_BY_ZERO) !== 0;
    return detail;
  }
  const exceptionBits = outcome === 'eligible' ? code : code >>> 8;
  detail.exceptions = policy.definitions.flatMap((definition) => definition.exceptions).filter((exception) => (exceptionBits & (1 << exception.bit)) !== 0);
  if (outcome === 'ineligible') detail.failed = failedCondition(policy, code & 0xff);
  return detail;
}

function failedCondition(policy: Policy, index: number): ExplanationDetail['failed'] {
  if (index === VALIDITY_WINDOW_FAILED) return { id: 'validity_window', label: BUILT_IN_CONDITIONS.validity_window, index, basis: policy.legalBasis };
  if (index === REGION_SCOPE_FAILED) return { id: 'region_scope', label: BUILT_IN_CONDITIONS.region_scope, index, basis: policy.legalBasis };
  const condition = policy.conditions[index];
  return condition ? { id: condition.id, label: condition.label, index, basis: condition.basis } : undefined;
}

/**
 * The citation text of sources in explanations, notices and 测算说明: the 文号 only. Explanations
 * reach enterprises and the public, so how good a source is (a second-hand copy, a number still to
 * be checked) is not written here: officials see it beside the sources (`sourceViews`).
 */
export function citeSources(sources: Source[]): string {
  const unique = sources.filter((source, index) => sources.findIndex((other) => other.doc === source.doc) === index);
  return unique.map((source) => source.doc).join('；');
}

/** Plain Chinese lines from a code alone, without numbers (for lists of thousands of rows). */
export function explainCode(policy: Policy, outcome: Outcome, code: number): string[] {
  const detail = decodeExplanation(policy, outcome, code);
  const applied = detail.exceptions.map((exception) => `适用例外：${exception.label}（${citeSources(exception.basis)}）`);
  if (outcome === 'undetermined') {
    const lines = detail.missing.map((fact) => `缺少数据：${fact.label}${fact.unit ? `（${fact.unit}）` : ''}`);
    return detail.divisionByZero ? [...lines, '无法计算：计算中出现除数为零'] : lines;
  }
  if (outcome === 'eligible') return ['符合全部条件', ...applied];
  const failed = detail.failed;
  if (failed?.id === 'validity_window') return [`不符合：评估日期不在政策有效期 ${isoFromDays(policy.valid.fromDay)} 至 ${isoFromDays(policy.valid.toDay)} 内`];
  if (failed?.id === 'region_scope') return [`不符合：地区不在政策适用范围（${policy.scope.join('、')}）内`];
  return [`不符合：${failed?.label ?? '未知条件'}（${citeSources(failed?.basis ?? [])}）`, ...applied];
}
