import type { Val } from './outcome.ts';
import { FUNCTION_LABELS } from './typecheck-calls.ts';
import type { CompareOp, Policy, TExpr, ValueType } from './types.ts';
import { isoFromDays } from './dates.ts';
import { formatNumber, formatPercent, formatYuan } from './values.ts';

/**
 * Renders an expression in plain Chinese with the values of one evaluation substituted:
 * `ui_contributions_last_year × refund_rate` → “上年失业保险缴费 80,000.00 元 × 60%”.
 * Facts and plain definitions show their label and value; parameters and definitions decided
 * by exceptions show the value only (their provenance gets its own line).
 */

export interface RenderContext {
  policy: Policy;
  values: Map<TExpr, Val>;
  definitions: Map<string, Val>;
  /** Decimal places for numbers and percentages; raised when rounding would hide a difference. */
  digits: number;
}

const ARITH_SYMBOLS = { add: '+', sub: '−', mul: '×', div: '÷', mul_money: '×', div_money: '÷' } as const;
const COMPARE_SYMBOLS: Record<CompareOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=', '!=': '≠' };
const NEGATED: Record<CompareOp, CompareOp> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' };
const MISSING = '（缺）';

/** Formats one runtime value of a type, with an optional unit; an unknown value shows as missing. */
export function formatValue(type: ValueType, value: Val | undefined, unit?: string, digits = 2): string {
  if (!value || value.m !== 0) return MISSING;
  const v = value.v;
  switch (type) {
    case 'money': return formatYuan(Number(v));
    case 'percent': return formatPercent(Number(v), digits);
    case 'date': return isoFromDays(Number(v));
    case 'bool': return Number(v) !== 0 ? '是' : '否';
    case 'text': return String(v);
    case 'number': return `${formatNumber(Number(v), digits)}${unit ? ` ${unit}` : ''}`;
  }
}

/** Renders an expression with its values. */
export function renderExpr(expr: TExpr, ctx: RenderContext): string {
  const value = ctx.values.get(expr);
  switch (expr.k) {
    case 'const': return formatValue(expr.type, { v: expr.value, m: 0 }, undefined, ctx.digits);
    case 'fact': return labelled(ctx.policy.factsByName.get(expr.name)?.label ?? expr.name, expr.type, value, ctx, ctx.policy.factsByName.get(expr.name)?.unit);
    case 'param': return formatValue(expr.type, value, ctx.policy.parameters.get(expr.name)?.unit, ctx.digits);
    case 'table': return formatValue(expr.type, value, ctx.policy.parameters.get(expr.name)?.unit, ctx.digits);
    case 'def': return renderDefinitionRef(expr.name, expr.type, value, ctx);
    case 'eval_date': return `评估日期 ${formatValue('date', value)}`;
    case 'neg': return `−${wrap(expr.operand, ctx, 3)}`;
    case 'arith': return renderArith(expr, ctx);
    case 'cmp': return renderComparison(expr, ctx, false);
    case 'text_in': return renderExpr(expr.operand, ctx);
    case 'not': return expr.operand.type === 'bool' && isLeaf(expr.operand) ? renderExpr(expr.operand, ctx) : `并非（${renderExpr(expr.operand, ctx)}）`;
    case 'logic': return `${renderExpr(expr.left, ctx)} ${expr.op === 'and' ? '且' : '或'} ${renderExpr(expr.right, ctx)}`;
    case 'call': return `${FUNCTION_LABELS[expr.fn]}(${expr.args.map((arg) => renderExpr(arg, ctx)).join('，')})`;
    case 'if': return renderIf(expr, ctx);
  }
}

/** Renders a comparison, stated the other way round when it failed (3.2% > 5.5% rather than "not ≤"). */
export function renderComparison(expr: Extract<TExpr, { k: 'cmp' }>, ctx: RenderContext, isFailed: boolean): string {
  const op = isFailed ? NEGATED[expr.op] : expr.op;
  let digits = ctx.digits;
  let left = renderExpr(expr.left, ctx);
  let right = renderExpr(expr.right, ctx);
  const [a, b] = [ctx.values.get(expr.left), ctx.values.get(expr.right)];
  // 5.504% must not read "5.5% > 5.5%": show more decimals until the two sides differ.
  const looksEqual = (places: number) => formatValue(expr.left.type, a, undefined, places) === formatValue(expr.right.type, b, undefined, places);
  while (digits < 6 && a && b && a.m === 0 && b.m === 0 && a.v !== b.v && looksEqual(digits)) {
    digits += 2;
    const finer = { ...ctx, digits };
    left = renderExpr(expr.left, finer);
    right = renderExpr(expr.right, finer);
  }
  return `${left} ${COMPARE_SYMBOLS[op]} ${right}`;
}

function isLeaf(expr: TExpr): boolean {
  return expr.k === 'fact' || expr.k === 'def' || expr.k === 'param' || expr.k === 'const' || expr.k === 'table';
}

function labelled(label: string, type: ValueType, value: Val | undefined, ctx: RenderContext, unit?: string): string {
  if (type === 'bool') return `${label}：${formatValue(type, value)}`;
  return `${label} ${formatValue(type, value, unit, ctx.digits)}`;
}

function renderDefinitionRef(name: string, type: ValueType, value: Val | undefined, ctx: RenderContext): string {
  const definition = ctx.policy.definitions.find((d) => d.name === name);
  const current = value ?? ctx.definitions.get(name);
  if (definition && definition.exceptions.length > 0) return formatValue(type, current, definition.unit, ctx.digits);
  return labelled(definition?.label ?? name, type, current, ctx, definition?.unit);
}

const PRECEDENCE = { add: 1, sub: 1, mul: 2, div: 2, mul_money: 2, div_money: 2 } as const;

function renderArith(expr: Extract<TExpr, { k: 'arith' }>, ctx: RenderContext): string {
  const level = PRECEDENCE[expr.op];
  const isRightAssociativeRisk = expr.op === 'sub' || expr.op === 'div' || expr.op === 'div_money';
  const left = wrap(expr.left, ctx, level);
  const right = wrap(expr.right, ctx, isRightAssociativeRisk ? level + 1 : level);
  return `${left} ${ARITH_SYMBOLS[expr.op]} ${right}`;
}

function wrap(expr: TExpr, ctx: RenderContext, minimum: number): string {
  const text = renderExpr(expr, ctx);
  const level = expr.k === 'arith' ? PRECEDENCE[expr.op] : expr.k === 'logic' || expr.k === 'cmp' ? 0 : 9;
  return level < minimum ? `（${text}）` : text;
}

function renderIf(expr: Extract<TExpr, { k: 'if' }>, ctx: RenderContext): string {
  const cond = ctx.values.get(expr.cond);
  if (cond && cond.m === 0) return renderExpr(cond.v !== 0 ? expr.then : expr.otherwise, ctx);
  return `若 ${renderExpr(expr.cond, ctx)} 则 ${renderExpr(expr.then, ctx)} 否则 ${renderExpr(expr.otherwise, ctx)}`;
}
