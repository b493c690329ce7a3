import type { FunctionName, ValueType } from './types.ts';
import { addMonths, ageOn, yearOfDay } from './dates.ts';
import { roundHalfUpTo, roundMoney } from './values.ts';

/**
 * The rules both evaluators follow: the three-valued choice of `if`, the functions, and the
 * decision of an outcome from the conditions and the amount (the kernels apply `decide`
 * column by column; compile.test.ts holds the two equal on random facts).
 *
 * A value travels with a mask: 0 means known; otherwise the bits name the missing facts that
 * made it unknown (bit 31: a division by zero). Missing is never read as zero.
 */

/** Outcome codes written by the kernels (0 = not evaluated). */
export const OUTCOME = { eligible: 1, ineligible: 2, undetermined: 3 } as const;
export type Outcome = keyof typeof OUTCOME;
export const OUTCOME_BY_CODE: Record<number, Outcome> = { 1: 'eligible', 2: 'ineligible', 3: 'undetermined' };

/** Failed-condition numbers for the checks made before a policy's own conditions. */
export const VALIDITY_WINDOW_FAILED = 255;
export const REGION_SCOPE_FAILED = 254;

/** Reserved condition ids for the checks every policy makes before its own conditions. */
export const BUILT_IN_CONDITIONS = { validity_window: '政策有效期', region_scope: '政策适用地区' } as const;

/** A value and its missing-facts mask. */
export interface Val {
  v: number | string;
  m: number;
}

/** The decision for one row; `code` is the compact explanation code. */
export interface Decision {
  outcome: number;
  amountFen: number;
  code: number;
}

/**
 * Decides one row. The first condition known to be false makes it ineligible — even when other
 * facts are missing (Kleene) — and its code is the condition number plus the applied exceptions
 * shifted by 8. With no false condition, anything unknown makes it undetermined and the code is
 * the mask of missing facts; otherwise it is eligible and the code is the exceptions mask.
 */
export function decide(values: ArrayLike<number>, masks: ArrayLike<number>, count: number, amount: number, amountMask: number, exceptions: number, out: Decision): void {
  let missing = 0;
  for (let index = 0; index < count; index += 1) {
    const mask = masks[index] as number;
    if (mask !== 0) missing |= mask;
    else if (values[index] === 0) {
      out.outcome = OUTCOME.ineligible;
      out.amountFen = 0;
      out.code = index | (exceptions << 8);
      return;
    }
  }
  if (missing === 0 && amountMask === 0) {
    out.outcome = OUTCOME.eligible;
    out.amountFen = amount;
    out.code = exceptions;
    return;
  }
  out.outcome = OUTCOME.undetermined;
  out.amountFen = 0;
  out.code = missing | amountMask;
}

/**
 * Three-valued `if`: a known condition picks its branch; an unknown one still gives an answer
 * when both branches agree (a 0% uplift needs no answer to "is it a shortage occupation?").
 */
export function choose(cond: Val, then: Val, otherwise: Val): Val {
  if (cond.m === 0) return cond.v !== 0 ? then : otherwise;
  if (then.m === 0 && otherwise.m === 0 && then.v === otherwise.v) return then;
  return { v: 0, m: cond.m | then.m | otherwise.m };
}

/** Applies a built-in function to known arguments. */
export function applyFunction(fn: FunctionName, type: ValueType, digits: number, args: number[]): number {
  switch (fn) {
    case 'min':
      return args.reduce((a, b) => Math.min(a, b));
    case 'max':
      return args.reduce((a, b) => Math.max(a, b));
    case 'round_half_up':
      return roundValue(type, args[0] as number, digits);
    case 'year':
      return yearOfDay(args[0] as number);
    case 'age_on':
      return ageOn(args[0] as number, args[1] as number);
    case 'add_months':
      return addMonths(args[0] as number, args[1] as number);
  }
}

function roundValue(type: ValueType, value: number, digits: number): number {
  if (type === 'money') return roundMoney(value, digits);
  // A percentage is rounded in percentage points: round_half_up(3.286%, 1) = 3.3%.
  if (type === 'percent') return roundHalfUpTo(value * 100, digits) / 100;
  return roundHalfUpTo(value, digits);
}
