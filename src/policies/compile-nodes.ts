import { addMonths, ageOn, yearOfDay } from './dates.ts';
import { applyFunction } from './outcome.ts';
import type { ArithOp, CompareOp, TExpr } from './types.ts';
import { DIVISION_BY_ZERO, divideMoney, multiplyMoney } from './values.ts';

/**
 * Column-at-a-time building blocks of the policy kernels. Each node owns two chunk-sized buffers
 * (values and missing masks) and a `run` that fills them for rows [start, start + len) after
 * running its children. Loops read typed arrays from locals and keep one operation per loop,
 * so V8 compiles them to tight machine code. Semantics mirror evaluate.ts exactly.
 */

export const CHUNK = 2048;

export interface Col {
  v: Float64Array;
  m: Int32Array;
}

type Compute = (v: Float64Array, m: Int32Array, len: number) => void;

/** One node of a kernel: its buffers, its children and what it computes from them. */
export class KernelNode implements Col {
  readonly v: Float64Array;
  readonly m: Int32Array;

  constructor(private readonly children: KernelNode[], private readonly compute: Compute | undefined, col?: Col) {
    this.v = col?.v ?? new Float64Array(CHUNK);
    this.m = col?.m ?? new Int32Array(CHUNK);
  }

  run(len: number): void {
    for (let k = 0; k < this.children.length; k++) (this.children[k] as KernelNode).run(len);
    if (this.compute) this.compute(this.v, this.m, len);
  }
}

/** A node over fresh buffers: runs the children, then `compute` fills the buffers. */
export function node(children: KernelNode[], compute: Compute): KernelNode {
  return new KernelNode(children, compute);
}

/** A node computed elsewhere (a fact, parameter or definition filled once per chunk). */
export function sharedNode(col: Col): KernelNode {
  return new KernelNode([], undefined, col);
}

/** A constant, filled once. */
export function constNode(value: number): KernelNode {
  const col = { v: new Float64Array(CHUNK).fill(value), m: new Int32Array(CHUNK) };
  return sharedNode(col);
}

/** Arithmetic on two columns; `isMoneyLeft` tells which side of money × ratio is the money. */
export function arithNode(op: ArithOp, a: KernelNode, b: KernelNode, isMoneyLeft: boolean): KernelNode {
  const [av, am, bv, bm] = [a.v, a.m, b.v, b.m];
  return node([a, b], (v, m, len) => {
    for (let i = 0; i < len; i++) m[i] = (am[i] as number) | (bm[i] as number);
    switch (op) {
      case 'add': for (let i = 0; i < len; i++) v[i] = (av[i] as number) + (bv[i] as number); break;
      case 'sub': for (let i = 0; i < len; i++) v[i] = (av[i] as number) - (bv[i] as number); break;
      case 'mul': for (let i = 0; i < len; i++) v[i] = (av[i] as number) * (bv[i] as number); break;
      case 'div':
      case 'div_money':
        for (let i = 0; i < len; i++) {
          const divisor = bv[i] as number;
          if (m[i] === 0 && divisor === 0) m[i] = DIVISION_BY_ZERO;
          v[i] = m[i] !== 0 ? 0 : op === 'div' ? (av[i] as number) / divisor : divideMoney(av[i] as number, divisor);
        }
        break;
      case 'mul_money': {
        const [money, ratio] = isMoneyLeft ? [av, bv] : [bv, av];
        for (let i = 0; i < len; i++) v[i] = m[i] === 0 ? multiplyMoney(money[i] as number, ratio[i] as number) : 0;
        break;
      }
    }
  });
}

/** Comparison producing 1 / 0; `+(a < b)` compiles without a branch, which random data would mispredict. */
export function compareNode(op: CompareOp, a: KernelNode, b: KernelNode): KernelNode {
  const [x, am, y, bm] = [a.v, a.m, b.v, b.m];
  return node([a, b], (v, m, len) => {
    for (let i = 0; i < len; i++) m[i] = (am[i] as number) | (bm[i] as number);
    switch (op) {
      case '<': for (let i = 0; i < len; i++) v[i] = +((x[i] as number) < (y[i] as number)); break;
      case '<=': for (let i = 0; i < len; i++) v[i] = +((x[i] as number) <= (y[i] as number)); break;
      case '>': for (let i = 0; i < len; i++) v[i] = +((x[i] as number) > (y[i] as number)); break;
      case '>=': for (let i = 0; i < len; i++) v[i] = +((x[i] as number) >= (y[i] as number)); break;
      case '=': for (let i = 0; i < len; i++) v[i] = +(x[i] === y[i]); break;
      case '!=': for (let i = 0; i < len; i++) v[i] = +(x[i] !== y[i]); break;
    }
  });
}

/** Kleene and / or: a known decisive value wins over a missing one (computed without branches). */
export function logicNode(op: 'and' | 'or', a: KernelNode, b: KernelNode): KernelNode {
  const decisive = op === 'and' ? 0 : 1;
  const [av, am, bv, bm] = [a.v, a.m, b.v, b.m];
  return node([a, b], (v, m, len) => {
    for (let i = 0; i < len; i++) {
      const maskA = am[i] as number;
      const maskB = bm[i] as number;
      const isDecided = (+(maskA === 0) & +(av[i] === decisive)) | (+(maskB === 0) & +(bv[i] === decisive));
      // Decided: the decisive value, known (mask 0); otherwise the other value, or unknown with both masks.
      v[i] = decisive === 0 ? 1 - isDecided : isDecided;
      m[i] = (maskA | maskB) & (isDecided - 1);
    }
  });
}

/** Negation of a boolean or of a number. */
export function unaryNode(kind: 'not' | 'neg', a: KernelNode): KernelNode {
  const [av, am] = [a.v, a.m];
  return node([a], (v, m, len) => {
    m.set(am.subarray(0, len));
    if (kind === 'not') for (let i = 0; i < len; i++) v[i] = av[i] === 0 ? 1 : 0;
    else for (let i = 0; i < len; i++) v[i] = -(av[i] as number);
  });
}

/** Membership of an enumerated text fact (stored as the index of its value) in a set. */
export function textInNode(a: KernelNode, members: Uint8Array, negated: boolean): KernelNode {
  const flip = negated ? 1 : 0;
  const [av, am] = [a.v, a.m];
  return node([a], (v, m, len) => {
    m.set(am.subarray(0, len));
    for (let i = 0; i < len; i++) v[i] = m[i] === 0 ? (members[av[i] as number] as number) ^ flip : 0;
  });
}

/** Three-valued if: both branches are computed; an unknown condition keeps agreeing branches. */
export function ifNode(c: KernelNode, t: KernelNode, e: KernelNode): KernelNode {
  const [cv, cm, tv, tm, ev, em] = [c.v, c.m, t.v, t.m, e.v, e.m];
  return node([c, t, e], (v, m, len) => {
    for (let i = 0; i < len; i++) {
      if (cm[i] === 0) {
        const isThen = cv[i] !== 0;
        v[i] = (isThen ? tv[i] : ev[i]) as number;
        m[i] = (isThen ? tm[i] : em[i]) as number;
      } else if (tm[i] === 0 && em[i] === 0 && tv[i] === ev[i]) {
        v[i] = tv[i] as number;
        m[i] = 0;
      } else {
        v[i] = 0;
        m[i] = (cm[i] as number) | (tm[i] as number) | (em[i] as number);
      }
    }
  });
}

/** Built-in functions, one loop each; min and max fold left exactly as the tree walker's reduce does. */
export function callNode(expr: Extract<TExpr, { k: 'call' }>, args: KernelNode[]): KernelNode {
  const [a, b] = args as [KernelNode, KernelNode];
  switch (expr.fn) {
    case 'year': return unaryCall(a, yearOfDay);
    case 'round_half_up': return unaryCall(a, (x) => applyFunction('round_half_up', expr.type, expr.digits, [x]));
    case 'age_on': return binaryCall(a, b, ageOn);
    case 'add_months': return binaryCall(a, b, addMonths);
    case 'min': return args.length === 2 ? binaryCall(a, b, Math.min) : foldCall(args, Math.min);
    case 'max': return args.length === 2 ? binaryCall(a, b, Math.max) : foldCall(args, Math.max);
  }
}

function unaryCall(a: KernelNode, apply: (x: number) => number): KernelNode {
  const [av, am] = [a.v, a.m];
  return node([a], (v, m, len) => {
    for (let i = 0; i < len; i++) {
      const mask = am[i] as number;
      m[i] = mask;
      v[i] = mask === 0 ? apply(av[i] as number) : 0;
    }
  });
}

function binaryCall(a: KernelNode, b: KernelNode, apply: (x: number, y: number) => number): KernelNode {
  const [av, am, bv, bm] = [a.v, a.m, b.v, b.m];
  return node([a, b], (v, m, len) => {
    for (let i = 0; i < len; i++) {
      const mask = (am[i] as number) | (bm[i] as number);
      m[i] = mask;
      v[i] = mask === 0 ? apply(av[i] as number, bv[i] as number) : 0;
    }
  });
}

function foldCall(args: KernelNode[], combine: (a: number, b: number) => number): KernelNode {
  return node(args, (v, m, len) => {
    for (let i = 0; i < len; i++) {
      let mask = 0;
      let acc = args[0]?.v[i] as number;
      for (let k = 0; k < args.length; k++) mask |= args[k]?.m[i] as number;
      for (let k = 1; k < args.length; k++) acc = combine(acc, args[k]?.v[i] as number);
      m[i] = mask;
      v[i] = mask === 0 ? acc : 0;
    }
  });
}
