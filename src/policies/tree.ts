import type { TExpr } from './types.ts';

/** The direct children of a typed node, in reading order. */
export function childrenOf(expr: TExpr): TExpr[] {
  switch (expr.k) {
    case 'const':
    case 'fact':
    case 'param':
    case 'def':
    case 'eval_date':
      return [];
    case 'table':
      return expr.keys;
    case 'neg':
    case 'not':
    case 'text_in':
      return [expr.operand];
    case 'arith':
    case 'cmp':
    case 'logic':
      return [expr.left, expr.right];
    case 'call':
      return expr.args;
    case 'if':
      return [expr.cond, expr.then, expr.otherwise];
  }
}

/** Every node of the tree, parents before children. */
export function nodesOf(expr: TExpr): TExpr[] {
  return [expr, ...childrenOf(expr).flatMap(nodesOf)];
}

/** Names referred to by a tree, by kind: facts, parameters (plain or table) and definitions. */
export function referencesOf(expr: TExpr): { facts: Set<string>; parameters: Set<string>; definitions: Set<string> } {
  const found = { facts: new Set<string>(), parameters: new Set<string>(), definitions: new Set<string>() };
  for (const node of nodesOf(expr)) {
    if (node.k === 'fact') found.facts.add(node.name);
    if (node.k === 'param' || node.k === 'table') found.parameters.add(node.name);
    if (node.k === 'def') found.definitions.add(node.name);
  }
  return found;
}
