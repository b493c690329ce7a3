import type { CompareOp, DefinitionDef, ExceptionDef, FactDef, TExpr } from './types.ts';

/**
 * Load-time check of exceptions (Catala's idea: a labelled exception overrides the default,
 * and among exceptions the higher priority wins). Two exceptions of one definition with equal
 * priority are accepted only when their conditions provably cannot hold together; otherwise
 * the policy would depend on the order of lines in a file.
 */

/** One comparison of a name with a constant, as the disjointness analysis sees it. */
type Atom =
  | { name: string; kind: 'range'; op: CompareOp; bound: string; value: number }
  | { name: string; kind: 'set'; values: Set<string> }
  | { name: string; kind: 'bool'; value: boolean };

/** Problems (Chinese) for exceptions with equal priority whose conditions may overlap. */
export function checkExceptionPriorities(definition: DefinitionDef, facts: Map<string, FactDef>): string[] {
  const problems: string[] = [];
  const { exceptions } = definition;
  for (let i = 0; i < exceptions.length; i += 1) {
    for (let j = i + 1; j < exceptions.length; j += 1) {
      const a = exceptions[i] as ExceptionDef;
      const b = exceptions[j] as ExceptionDef;
      if (a.priority !== b.priority || areDisjoint(a.when, b.when, facts)) continue;
      problems.push(`中间量「${definition.name}」的例外「${a.id}」与「${b.id}」优先级相同（${a.priority}），且条件可能同时成立：请给出不同的优先级`);
    }
  }
  return problems;
}

/** Whether two conditions can never both be true (a sound, deliberately simple analysis). */
export function areDisjoint(a: TExpr, b: TExpr, facts: Map<string, FactDef>): boolean {
  const atomsA = conjuncts(a, facts);
  const atomsB = conjuncts(b, facts);
  return atomsA.some((x) => atomsB.some((y) => contradict(x, y)));
}

function conjuncts(expr: TExpr, facts: Map<string, FactDef>): Atom[] {
  if (expr.k === 'logic' && expr.op === 'and') return [...conjuncts(expr.left, facts), ...conjuncts(expr.right, facts)];
  const atom = atomOf(expr, facts);
  return atom ? [atom] : [];
}

function atomOf(expr: TExpr, facts: Map<string, FactDef>): Atom | undefined {
  if ((expr.k === 'fact' || expr.k === 'def') && expr.type === 'bool') return { name: expr.name, kind: 'bool', value: true };
  if (expr.k === 'not' && (expr.operand.k === 'fact' || expr.operand.k === 'def')) return { name: expr.operand.name, kind: 'bool', value: false };
  if (expr.k === 'text_in' && expr.operand.k === 'fact') {
    const all = facts.get(expr.operand.name)?.values ?? [];
    const values = expr.negated ? all.filter((value) => !expr.items.includes(value)) : expr.items;
    return { name: expr.operand.name, kind: 'set', values: new Set(values) };
  }
  if (expr.k === 'cmp' && isNamed(expr.left) && isBound(expr.right)) {
    return { name: expr.left.name, kind: 'range', op: expr.op, ...boundOf(expr.right) };
  }
  return undefined;
}

type Named = Extract<TExpr, { k: 'fact' | 'def' }>;

function isNamed(expr: TExpr): expr is Named {
  return expr.k === 'fact' || expr.k === 'def';
}

function isBound(expr: TExpr): boolean {
  return (expr.k === 'const' && typeof expr.value === 'number') || expr.k === 'param';
}

// A parameter's value is unknown at load time, so it is treated as a symbol with offset 0:
// `x <= p` and `x > p` still contradict each other, whatever p turns out to be.
function boundOf(expr: TExpr): { bound: string; value: number } {
  if (expr.k === 'param') return { bound: `param:${expr.name}`, value: 0 };
  return { bound: 'const', value: Number((expr as { value: number }).value) };
}

function contradict(x: Atom, y: Atom): boolean {
  if (x.name !== y.name || x.kind !== y.kind) return false;
  if (x.kind === 'bool' && y.kind === 'bool') return x.value !== y.value;
  if (x.kind === 'set' && y.kind === 'set') return ![...x.values].some((value) => y.values.has(value));
  if (x.kind === 'range' && y.kind === 'range' && x.bound === y.bound) return rangesDisjoint(x, y);
  return false;
}

interface Interval {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

function intervalOf(op: CompareOp, value: number): Interval | undefined {
  switch (op) {
    case '<': return { low: -Infinity, lowOpen: true, high: value, highOpen: true };
    case '<=': return { low: -Infinity, lowOpen: true, high: value, highOpen: false };
    case '>': return { low: value, lowOpen: true, high: Infinity, highOpen: true };
    case '>=': return { low: value, lowOpen: false, high: Infinity, highOpen: true };
    case '=': return { low: value, lowOpen: false, high: value, highOpen: false };
    case '!=': return undefined;
  }
}

function rangesDisjoint(x: { op: CompareOp; value: number }, y: { op: CompareOp; value: number }): boolean {
  if (x.op === '!=' || y.op === '!=') return (x.op === '=' || y.op === '=') && x.value === y.value;
  const a = intervalOf(x.op, x.value) as Interval;
  const b = intervalOf(y.op, y.value) as Interval;
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  if (low < high) return false;
  if (low > high) return true;
  // The intervals meet at one point: disjoint unless both include it.
  const aIncludes = (a.low < low || !a.lowOpen) && (a.high > low || !a.highOpen);
  const bIncludes = (b.low < low || !b.lowOpen) && (b.high > low || !b.highOpen);
  return !(aIncludes && bIncludes);
}
