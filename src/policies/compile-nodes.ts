import { applyFunction } from './outcome.ts';
import type { ArithOp, CompareOp, TExpr } from './types.ts';
import { addMonths, ageOn, DIVISION_BY_ZERO, divideMoney, multiplyMoney, yearOfDay } from './values.ts';

/**
 * Column-at-a-time building blocks of the policy kernels. Each node owns two chunk-sized buffers
 * (values and missing masks) and a `run` that fills them for rows [start, start + len) after
 * running its children; one tight loop per operation keeps V8's code monomorphic and fast.
 * Semantics mirror evaluate.ts exactly (same helpers for money and dates).
 */

export const CHUNK = 2048;

export interface Col {
  v: Float64Array;
  m: Int32Array;
}

export interface KernelNode extends Col {
  run(len: number): void;
}

/** A node computed elsewhere (a fact, parameter or definition filled once per chunk). */
export function sharedNode(col: Col): KernelNode {
  return { v: col.v, m: col.m, run: () => undefined };
}

/** A buffer pair of chunk size. */
export function newCol(): Col {
  return { v: new Float64Array(CHUNK), m: new Int32Array(CHUNK) };
}

/** A constant, filled once. */
export function constNode(value: number): KernelNode {
  const col = newCol();
  col.v.fill(value);
  return sharedNode(col);
}

/** Builds a node over fresh buffers: runs the children, then `compute` fills the buffers. */
export function node(children: KernelNode[], compute: (out: Col, len: number) => void): KernelNode {
  const out = newCol();
  return {
    ...out,
    run(len: number) {
      for (const child of children) child.run(len);
      compute(out, len);
    },
  };
}

/** Arithmetic on two columns; `isMoneyLeft` tells which side of money × ratio is the money. */
export function arithNode(op: ArithOp, a: KernelNode, b: KernelNode, isMoneyLeft: boolean): KernelNode {
  return node([a, b], (out, len) => {
    const { v, m } = out;
    for (let i = 0; i < len; i++) m[i] = (a.m[i] as number) | (b.m[i] as number);
    switch (op) {
      case 'add': for (let i = 0; i < len; i++) v[i] = (a.v[i] as number) + (b.v[i] as number); break;
      case 'sub': for (let i = 0; i < len; i++) v[i] = (a.v[i] as number) - (b.v[i] as number); break;
      case 'mul': for (let i = 0; i < len; i++) v[i] = (a.v[i] as number) * (b.v[i] as number); break;
      case 'div':
      case 'div_money':
        for (let i = 0; i < len; i++) {
          const divisor = b.v[i] as number;
          if (m[i] === 0 && divisor === 0) m[i] = DIVISION_BY_ZERO;
          v[i] = m[i] !== 0 ? 0 : op === 'div' ? (a.v[i] as number) / divisor : divideMoney(a.v[i] as number, divisor);
        }
        break;
      case 'mul_money': {
        const [money, ratio] = isMoneyLeft ? [a.v, b.v] : [b.v, a.v];
        for (let i = 0; i < len; i++) v[i] = m[i] === 0 ? multiplyMoney(money[i] as number, ratio[i] as number) : 0;
        break;
      }
    }
  });
}

/** Comparison producing 1 / 0. */
export function compareNode(op: CompareOp, a: KernelNode, b: KernelNode): KernelNode {
  return node([a, b], ({ v, m }, len) => {
    const x = a.v;
    const y = b.v;
    for (let i = 0; i < len; i++) m[i] = (a.m[i] as number) | (b.m[i] as number);
    switch (op) {
      case '<': for (let i = 0; i < len; i++) v[i] = (x[i] as number) < (y[i] as number) ? 1 : 0; break;
      case '<=': for (let i = 0; i < len; i++) v[i] = (x[i] as number) <= (y[i] as number) ? 1 : 0; break;
      case '>': for (let i = 0; i < len; i++) v[i] = (x[i] as number) > (y[i] as number) ? 1 : 0; break;
      case '>=': for (let i = 0; i < len; i++) v[i] = (x[i] as number) >= (y[i] as number) ? 1 : 0; break;
      case '=': for (let i = 0; i < len; i++) v[i] = x[i] === y[i] ? 1 : 0; break;
      case '!=': for (let i = 0; i < len; i++) v[i] = x[i] !== y[i] ? 1 : 0; break;
    }
  });
}

/** Kleene and / or: a known decisive value wins over a missing one. */
export function logicNode(op: 'and' | 'or', a: KernelNode, b: KernelNode): KernelNode {
  const decisive = op === 'and' ? 0 : 1;
  return node([a, b], ({ v, m }, len) => {
    for (let i = 0; i < len; i++) {
      const am = a.m[i] as number;
      const bm = b.m[i] as number;
      if ((am === 0 && a.v[i] === decisive) || (bm === 0 && b.v[i] === decisive)) {
        v[i] = decisive;
        m[i] = 0;
      } else {
        v[i] = 1 - decisive;
        m[i] = am | bm;
      }
    }
  });
}

/** Negation of a boolean or of a number. */
export function unaryNode(kind: 'not' | 'neg', a: KernelNode): KernelNode {
  return node([a], ({ v, m }, len) => {
    for (let i = 0; i < len; i++) {
      m[i] = a.m[i] as number;
      v[i] = kind === 'not' ? (a.v[i] === 0 ? 1 : 0) : -(a.v[i] as number);
    }
  });
}

/** Membership of an enumerated text fact (stored as the index of its value) in a set. */
export function textInNode(a: KernelNode, members: Uint8Array, negated: boolean): KernelNode {
  const flip = negated ? 1 : 0;
  return node([a], ({ v, m }, len) => {
    for (let i = 0; i < len; i++) {
      m[i] = a.m[i] as number;
      v[i] = m[i] === 0 ? (members[a.v[i] as number] as number) ^ flip : 0;
    }
  });
}

/** Three-valued if: both branches are computed; an unknown condition keeps agreeing branches. */
export function ifNode(c: KernelNode, t: KernelNode, e: KernelNode): KernelNode {
  return node([c, t, e], ({ v, m }, len) => {
    for (let i = 0; i < len; i++) {
      if (c.m[i] === 0) {
        const pick = c.v[i] !== 0 ? t : e;
        v[i] = pick.v[i] as number;
        m[i] = pick.m[i] as number;
      } else if (t.m[i] === 0 && e.m[i] === 0 && t.v[i] === e.v[i]) {
        v[i] = t.v[i] as number;
        m[i] = 0;
      } else {
        v[i] = 0;
        m[i] = (c.m[i] as number) | (t.m[i] as number) | (e.m[i] as number);
      }
    }
  });
}

/** Built-in functions; min and max fold left exactly as the tree walker's reduce does. */
export function callNode(expr: Extract<TExpr, { k: 'call' }>, args: KernelNode[]): KernelNode {
  const [first, second] = args as [KernelNode, KernelNode | undefined];
  return node(args, ({ v, m }, len) => {
    for (let i = 0; i < len; i++) {
      let mask = 0;
      for (const arg of args) mask |= arg.m[i] as number;
      m[i] = mask;
      if (mask !== 0) {
        v[i] = 0;
        continue;
      }
      const x = first.v[i] as number;
      const y = second ? (second.v[i] as number) : 0;
      switch (expr.fn) {
        case 'min': v[i] = second && args.length === 2 ? Math.min(x, y) : fold(args, i, Math.min); break;
        case 'max': v[i] = second && args.length === 2 ? Math.max(x, y) : fold(args, i, Math.max); break;
        case 'year': v[i] = yearOfDay(x); break;
        case 'age_on': v[i] = ageOn(x, y); break;
        case 'add_months': v[i] = addMonths(x, y); break;
        case 'round_half_up': v[i] = applyFunction('round_half_up', expr.type, expr.digits, [x]); break;
      }
    }
  });
}

function fold(args: KernelNode[], i: number, combine: (a: number, b: number) => number): number {
  let acc = args[0]?.v[i] as number;
  for (let k = 1; k < args.length; k++) acc = combine(acc, args[k]?.v[i] as number);
  return acc;
}
