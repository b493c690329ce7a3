import { requireIsoDate, toDayNumber } from '../platform/iso-date.ts';
import { decodeExplanation, type ExplanationDetail } from './codes.ts';
import { applyFunction, choose, decide, OUTCOME_BY_CODE, REGION_SCOPE_FAILED, VALIDITY_WINDOW_FAILED, type Decision, type Outcome, type Val } from './outcome.ts';
import { isWithinRegion, resolveParameter } from './parameters.ts';
import type { CompareOp, DefinitionDef, ParamValue, Policy, TExpr } from './types.ts';
import { DIVISION_BY_ZERO, divideMoney, multiplyMoney } from './values.ts';

/**
 * The tree-walking evaluator: three-valued, with a trace of every value it computed, from which
 * explain.ts renders the Chinese explanation. The column kernels (compile.ts) must give the same
 * outcome, amount and explanation code for every input; a property test holds them to it.
 */

/** Facts in runtime form (money in fen, percent as a fraction, dates as day numbers, bool 1/0); absent = missing. */
export type FactValues = ReadonlyMap<string, number | string>;

export interface EvaluationInput {
  facts: FactValues;
  date: string;
  region: string;
}

export interface Trace {
  values: Map<TExpr, Val>;
  definitions: Map<string, Val>;
  conditions: Val[];
  amount: Val;
  parameters: Map<string, ParamValue>;
  day: number;
}

export interface Evaluation extends ExplanationDetail {
  policy: Policy;
  date: string;
  region: string;
  outcome: Outcome;
  amountFen: number | null;
  code: number;
  /** Absent when the date or region lies outside the policy, so nothing was computed. */
  trace?: Trace;
}

/** Evaluates a policy for one enterprise or person on a date, in a region. */
export function evaluatePolicy(policy: Policy, input: EvaluationInput): Evaluation {
  const day = toDayNumber(requireIsoDate(input.date, '评估日期'));
  const base = { policy, date: input.date, region: input.region };
  if (day < policy.valid.fromDay || day > policy.valid.toDay) return finish(base, { outcome: 2, amountFen: 0, code: VALIDITY_WINDOW_FAILED });
  if (!policy.scope.some((root) => isWithinRegion(input.region, root))) return finish(base, { outcome: 2, amountFen: 0, code: REGION_SCOPE_FAILED });
  const walker = new TreeWalker(policy, input.facts, bindParameters(policy, day, input.region), day);
  const trace = walker.run();
  const decision: Decision = { outcome: 0, amountFen: 0, code: 0 };
  const values = trace.conditions.map((condition) => Number(condition.v));
  const masks = trace.conditions.map((condition) => condition.m);
  decide(values, masks, values.length, Number(trace.amount.v), trace.amount.m, walker.exceptionsMask, decision);
  return finish(base, decision, trace);
}

function finish(base: { policy: Policy; date: string; region: string }, decision: Decision, trace?: Trace): Evaluation {
  const outcome = OUTCOME_BY_CODE[decision.outcome] as Outcome;
  const detail = decodeExplanation(base.policy, outcome, decision.code);
  return { ...base, ...detail, outcome, amountFen: outcome === 'eligible' ? decision.amountFen : null, code: decision.code, trace };
}

/** Each parameter's value on the day in the region (load-time checks guarantee one exists). */
export function bindParameters(policy: Policy, day: number, region: string): Map<string, ParamValue> {
  const bound = new Map<string, ParamValue>();
  for (const param of policy.parameters.values()) {
    const value = resolveParameter(param, day, region);
    if (!value) throw new Error(`参数「${param.name}」在地区 ${region} 无取值`);
    bound.set(param.name, value);
  }
  return bound;
}

class TreeWalker {
  exceptionsMask = 0;
  private readonly values = new Map<TExpr, Val>();
  private readonly definitions = new Map<string, Val>();

  constructor(
    private readonly policy: Policy,
    private readonly facts: FactValues,
    private readonly parameters: Map<string, ParamValue>,
    private readonly day: number,
  ) {}

  run(): Trace {
    // Definitions are evaluated eagerly, in dependency order, exactly as the kernels do.
    for (const definition of this.policy.definitions) this.definitions.set(definition.name, this.definition(definition));
    const conditions = this.policy.conditions.map((condition) => this.eval(condition.when));
    const amount = this.eval(this.policy.amount.formula);
    return { values: this.values, definitions: this.definitions, conditions, amount, parameters: this.parameters, day: this.day };
  }

  private definition(definition: DefinitionDef): Val {
    let result = this.eval(definition.formula);
    let isDecided = true;
    // Walk from the lowest priority up, so the highest-priority exception ends outermost.
    for (const exception of [...definition.exceptions].reverse()) {
      result = choose(this.eval(exception.when), this.eval(exception.value), result);
    }
    for (const exception of definition.exceptions) {
      const when = this.values.get(exception.when) as Val;
      if (isDecided && when.m === 0 && when.v !== 0) this.exceptionsMask |= 1 << exception.bit;
      isDecided = isDecided && when.m === 0 && when.v === 0;
    }
    return result;
  }

  private eval(expr: TExpr): Val {
    const result = this.compute(expr);
    this.values.set(expr, result);
    return result;
  }

  private compute(expr: TExpr): Val {
    switch (expr.k) {
      case 'const': return { v: expr.value, m: 0 };
      case 'fact': return this.fact(expr.name, expr.bit);
      case 'param': return { v: this.parameters.get(expr.name)?.value as number, m: 0 };
      case 'table': return this.table(expr);
      case 'def': return this.definitions.get(expr.name) as Val;
      case 'eval_date': return { v: this.day, m: 0 };
      case 'neg': return strict2(this.eval(expr.operand), KNOWN, (a) => -a);
      case 'arith': return this.arith(expr);
      case 'cmp': return strict2(this.eval(expr.left), this.eval(expr.right), (a, b) => Number(compare(expr.op, a, b)));
      case 'text_in': return this.textIn(expr);
      case 'not': return strict2(this.eval(expr.operand), KNOWN, (a) => (a === 0 ? 1 : 0));
      case 'logic': return kleene(expr.op, this.eval(expr.left), this.eval(expr.right));
      case 'call': return this.call(expr);
      case 'if': return this.conditional(expr);
    }
  }

  private fact(name: string, bit: number): Val {
    const value = this.facts.get(name);
    return value === undefined ? { v: 0, m: 1 << bit } : { v: value, m: 0 };
  }

  private table(expr: Extract<TExpr, { k: 'table' }>): Val {
    const param = this.policy.parameters.get(expr.name);
    const keys = expr.keys.map((key) => this.eval(key));
    const mask = keys.reduce((acc, key) => acc | key.m, 0);
    if (mask !== 0 || !param) return { v: 0, m: mask };
    const index = keys.reduce((acc, key, level) => acc * (param.keys[level]?.length ?? 1) + (param.keys[level]?.indexOf(String(key.v)) ?? 0), 0);
    return { v: (this.parameters.get(expr.name)?.value as number[])[index] as number, m: 0 };
  }

  private arith(expr: Extract<TExpr, { k: 'arith' }>): Val {
    const left = this.eval(expr.left);
    const right = this.eval(expr.right);
    const isLeftMoney = expr.left.type === 'money';
    return strict2(left, right, (a, b) => {
      switch (expr.op) {
        case 'add': return a + b;
        case 'sub': return a - b;
        case 'mul': return a * b;
        case 'div': return b === 0 ? NaN : a / b;
        case 'mul_money': return isLeftMoney ? multiplyMoney(a, b) : multiplyMoney(b, a);
        case 'div_money': return b === 0 ? NaN : divideMoney(a, b);
      }
    }, expr.op === 'div' || expr.op === 'div_money');
  }

  private call(expr: Extract<TExpr, { k: 'call' }>): Val {
    const args = expr.args.map((arg) => this.eval(arg));
    const mask = args.reduce((acc, arg) => acc | arg.m, 0);
    return mask !== 0 ? { v: 0, m: mask } : { v: applyFunction(expr.fn, expr.type, expr.digits, args.map((arg) => Number(arg.v))), m: 0 };
  }

  private textIn(expr: Extract<TExpr, { k: 'text_in' }>): Val {
    const operand = this.eval(expr.operand);
    if (operand.m !== 0) return { v: 0, m: operand.m };
    return { v: expr.items.includes(String(operand.v)) !== expr.negated ? 1 : 0, m: 0 };
  }

  private conditional(expr: Extract<TExpr, { k: 'if' }>): Val {
    const cond = this.eval(expr.cond);
    if (cond.m === 0) return cond.v !== 0 ? this.eval(expr.then) : this.eval(expr.otherwise);
    return choose(cond, this.eval(expr.then), this.eval(expr.otherwise));
  }
}

const KNOWN: Val = { v: 0, m: 0 };

/** Strict operations: any unknown operand makes the result unknown, naming all missing facts. */
function strict2(left: Val, right: Val, apply: (a: number, b: number) => number, isDivision = false): Val {
  const mask = left.m | right.m;
  if (mask !== 0) return { v: 0, m: mask };
  const result = apply(Number(left.v), Number(right.v));
  if (isDivision && Number.isNaN(result)) return { v: 0, m: DIVISION_BY_ZERO };
  return { v: result, m: 0 };
}

/** Kleene's strong three-valued and / or: a known false (true) decides and (or) alone. */
function kleene(op: 'and' | 'or', left: Val, right: Val): Val {
  const decisive = op === 'and' ? 0 : 1;
  if ((left.m === 0 && left.v === decisive) || (right.m === 0 && right.v === decisive)) return { v: decisive, m: 0 };
  const mask = left.m | right.m;
  return mask !== 0 ? { v: 0, m: mask } : { v: 1 - decisive, m: 0 };
}

/** Compares two known values. */
export function compare(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '=': return a === b;
    case '!=': return a !== b;
  }
}
