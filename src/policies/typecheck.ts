import { ExpressionError } from './errors.ts';
import { typeCall } from './typecheck-calls.ts';
import {
  TYPE_NAMES,
  type ArithOp,
  type CompareOp,
  type Expr,
  type FactDef,
  type ParamDef,
  type TExpr,
  type ValueType,
} from './types.ts';

/**
 * Load-time type checking: resolves every name and gives each node its type, so a policy that
 * compares money with a count, or adds a date to a percentage, never reaches evaluation.
 */

export interface TypeEnv {
  facts: Map<string, FactDef>;
  parameters: Map<string, ParamDef>;
  definitions: Map<string, { type: ValueType }>;
}

/** The built-in name for the evaluation date (评估日期). */
export const EVAL_DATE = 'eval_date';

/** Types each node of the tree, or throws ExpressionError (Chinese) at the offending position. */
export function typecheck(expr: Expr, env: TypeEnv): TExpr {
  switch (expr.kind) {
    case 'literal':
      return { k: 'const', type: expr.type, value: expr.value, pos: expr.pos };
    case 'name':
      return typeName(expr.name, expr.pos, env);
    case 'index':
      return typeIndex(expr, env);
    case 'unary':
      return typeUnary(expr.op, typecheck(expr.operand, env), expr.pos);
    case 'binary':
      return typeBinary(expr, env);
    case 'in':
      return typeIn(typecheck(expr.operand, env), expr.items.map((item) => typecheck(item, env)), expr.negated, expr.pos, env);
    case 'call':
      return typeCall(expr.name, expr.args.map((arg) => typecheck(arg, env)), expr.pos);
    case 'if':
      return typeIf(typecheck(expr.cond, env), typecheck(expr.then, env), typecheck(expr.otherwise, env), expr.pos);
  }
}

/** Whether a value of type `actual` may stand where `expected` is declared (counts and percentages mix). */
export function isAssignable(expected: ValueType, actual: ValueType): boolean {
  return expected === actual || unifyRatio(expected, actual) !== undefined;
}

/** The common type of a count and a percentage (percent), or of two equal types. */
export function unifyRatio(a: ValueType, b: ValueType): ValueType | undefined {
  if (a === b) return a === 'number' || a === 'percent' ? a : undefined;
  if ((a === 'number' && b === 'percent') || (a === 'percent' && b === 'number')) return 'percent';
  return undefined;
}

function typeName(name: string, pos: number, env: TypeEnv): TExpr {
  if (name === EVAL_DATE) return { k: 'eval_date', type: 'date', pos };
  const fact = env.facts.get(name);
  if (fact) return { k: 'fact', type: fact.type, name, bit: fact.bit, pos };
  const param = env.parameters.get(name);
  if (param) {
    if (param.indexedBy.length > 0) throw new ExpressionError(`参数「${name}」是表格，需按 ${param.indexedBy.join('、')} 取值，如 ${name}[${param.indexedBy.join('][')}]`, pos);
    return { k: 'param', type: param.type, name, pos };
  }
  const definition = env.definitions.get(name);
  if (definition) return { k: 'def', type: definition.type, name, pos };
  throw new ExpressionError(`未定义的名称「${name}」（不是本政策的事实、参数或中间量）`, pos);
}

function typeIndex(expr: Extract<Expr, { kind: 'index' }>, env: TypeEnv): TExpr {
  const keys: Expr[] = [];
  let target: Expr = expr;
  while (target.kind === 'index') {
    keys.unshift(target.key);
    target = target.target;
  }
  const param = target.kind === 'name' ? env.parameters.get(target.name) : undefined;
  if (!param || param.indexedBy.length === 0) throw new ExpressionError('只有表格参数可以用 [ ] 取值', expr.pos);
  if (keys.length !== param.indexedBy.length) {
    throw new ExpressionError(`表格参数「${param.name}」需要 ${param.indexedBy.length} 个下标（${param.indexedBy.join('、')}），这里有 ${keys.length} 个`, expr.pos);
  }
  const typedKeys = keys.map((key, level) => typeTableKey(typecheck(key, env), param, level, env));
  return { k: 'table', type: param.type, name: param.name, keys: typedKeys, pos: target.pos };
}

function typeTableKey(key: TExpr, param: ParamDef, level: number, env: TypeEnv): TExpr {
  const allowed = param.keys[level] ?? [];
  if (key.k === 'const' && key.type === 'text' && allowed.includes(String(key.value))) return key;
  if (key.k === 'fact' && key.type === 'text') {
    const values = env.facts.get(key.name)?.values ?? [];
    if (values.length === allowed.length && values.every((value) => allowed.includes(value))) return key;
  }
  throw new ExpressionError(`表格参数「${param.name}」第 ${level + 1} 个下标应为事实「${param.indexedBy[level]}」或其取值之一（${allowed.join('、')}）`, key.pos);
}

function typeUnary(op: '-' | 'not', operand: TExpr, pos: number): TExpr {
  if (op === 'not') {
    requireBool(operand, 'not 的对象');
    return { k: 'not', type: 'bool', operand, pos };
  }
  if (!['number', 'money', 'percent'].includes(operand.type)) {
    throw new ExpressionError(`${TYPE_NAMES[operand.type]}不能取负`, pos);
  }
  return { k: 'neg', type: operand.type, operand, pos };
}

function typeBinary(expr: Extract<Expr, { kind: 'binary' }>, env: TypeEnv): TExpr {
  const left = typecheck(expr.left, env);
  const right = typecheck(expr.right, env);
  const { op, pos } = expr;
  if (op === 'and' || op === 'or') {
    requireBool(left, `${op} 的左边`);
    requireBool(right, `${op} 的右边`);
    return { k: 'logic', type: 'bool', op, left, right, pos };
  }
  if (op === '+' || op === '-' || op === '*' || op === '/') return typeArith(op, left, right, pos);
  return typeCompare(op, left, right, pos, env);
}

function typeArith(op: '+' | '-' | '*' | '/', left: TExpr, right: TExpr, pos: number): TExpr {
  const result = arithResult(op, left.type, right.type);
  if (!result) {
    const symbol = { '+': '+', '-': '−', '*': '×', '/': '÷' }[op];
    throw new ExpressionError(`${TYPE_NAMES[left.type]} ${symbol} ${TYPE_NAMES[right.type]} 没有意义（左边为${TYPE_NAMES[left.type]}，右边为${TYPE_NAMES[right.type]}）`, pos);
  }
  return { k: 'arith', type: result.type, op: result.op, left, right, pos };
}

function arithResult(op: '+' | '-' | '*' | '/', a: ValueType, b: ValueType): { type: ValueType; op: ArithOp } | undefined {
  const ratio = (t: ValueType) => t === 'number' || t === 'percent';
  if (op === '+' || op === '-') {
    const plain = op === '+' ? 'add' : 'sub';
    if (a === 'money' && b === 'money') return { type: 'money', op: plain };
    if (op === '-' && a === 'date' && b === 'date') return { type: 'number', op: 'sub' };
    const unified = unifyRatio(a, b);
    return unified ? { type: unified, op: plain } : undefined;
  }
  if (op === '*') {
    if ((a === 'money' && ratio(b)) || (ratio(a) && b === 'money')) return { type: 'money', op: 'mul_money' };
    if (a === 'percent' && b === 'percent') return { type: 'percent', op: 'mul' };
    return ratio(a) && ratio(b) ? { type: 'number', op: 'mul' } : undefined;
  }
  if (a === 'money' && b === 'number') return { type: 'money', op: 'div_money' };
  if (a === 'money' && b === 'money') return { type: 'number', op: 'div' };
  if (a === 'percent' && b === 'number') return { type: 'percent', op: 'div' };
  return ratio(a) && ratio(b) ? { type: 'number', op: 'div' } : undefined;
}

function typeCompare(op: CompareOp, left: TExpr, right: TExpr, pos: number, env: TypeEnv): TExpr {
  if (left.type === 'text' || right.type === 'text') {
    if (op !== '=' && op !== '!=') throw new ExpressionError('文本只能用 = 、≠ 或 in 比较', pos);
    const [fact, literal] = left.k === 'const' ? [right, left] : [left, right];
    return typeIn(fact, [literal], op === '!=', pos, env);
  }
  const isComparable = unifyRatio(left.type, right.type) !== undefined
    || (left.type === right.type && (left.type === 'money' || left.type === 'date'))
    || (left.type === 'bool' && right.type === 'bool' && (op === '=' || op === '!='));
  if (!isComparable) {
    throw new ExpressionError(`${TYPE_NAMES[left.type]}不能与${TYPE_NAMES[right.type]}比较（左边为${TYPE_NAMES[left.type]}，右边为${TYPE_NAMES[right.type]}）`, pos);
  }
  return { k: 'cmp', type: 'bool', op, left, right, pos };
}

/** Text is compared only as an enumerated fact against literals from its list of values. */
function typeIn(operand: TExpr, items: TExpr[], negated: boolean, pos: number, env: TypeEnv): TExpr {
  if (operand.k !== 'fact' || operand.type !== 'text') {
    throw new ExpressionError('文本比较的一边应为有取值清单的事实（如 enterprise_size），另一边为文本', operand.pos);
  }
  const texts = items.map((item) => {
    if (item.k !== 'const' || item.type !== 'text') throw new ExpressionError('这里应为带引号的文本，如 "大型"', item.pos);
    const values = env.facts.get(operand.name)?.values ?? [];
    if (!values.includes(String(item.value))) {
      throw new ExpressionError(`「${String(item.value)}」不是事实「${operand.name}」的取值（可取：${values.join('、')}）`, item.pos);
    }
    return String(item.value);
  });
  return { k: 'text_in', type: 'bool', operand, items: texts, negated, pos };
}

function typeIf(cond: TExpr, then: TExpr, otherwise: TExpr, pos: number): TExpr {
  requireBool(cond, 'if 的条件');
  const type = then.type === otherwise.type ? then.type : unifyRatio(then.type, otherwise.type);
  if (!type || type === 'text') {
    throw new ExpressionError(`then 与 else 两支类型应相同（then 为${TYPE_NAMES[then.type]}，else 为${TYPE_NAMES[otherwise.type]}）`, pos);
  }
  return { k: 'if', type, cond, then, otherwise, pos };
}

function requireBool(expr: TExpr, what: string): void {
  if (expr.type !== 'bool') throw new ExpressionError(`${what}应为是非值（条件），却是${TYPE_NAMES[expr.type]}`, expr.pos);
}
