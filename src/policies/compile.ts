import { requireIsoDate, toDayNumber } from '../platform/iso-date.ts';
import type { FactColumns } from './columns.ts';
import {
  arithNode, callNode, CHUNK, compareNode, constNode, ifNode, KernelNode, logicNode, sharedNode, textInNode, unaryNode,
  type Col,
} from './compile-nodes.ts';
import { OUTCOME, REGION_SCOPE_FAILED, VALIDITY_WINDOW_FAILED } from './outcome.ts';
import { bindRegions, factLoader, paramLoader, tableNode, type Binding, type State } from './compile-inputs.ts';
import type { DefinitionDef, Policy, TExpr } from './types.ts';

/**
 * Compiles a policy once into a kernel over columns: per row it writes an outcome code
 * (1 eligible, 2 ineligible, 3 undetermined), the amount in fen and the explanation code
 * (codes.ts). The typed tree becomes a graph of column operations run chunk by chunk; no
 * text is ever turned into code (no eval, no new Function).
 */

export interface KernelOutput {
  outcome: Uint8Array;
  amountFen: Float64Array;
  explanation: Int32Array;
}

export interface PolicyKernel {
  readonly policy: Policy;
  /** Evaluates every row on a date; `output` may be reused between runs of the same size. */
  run(columns: FactColumns, date: string, output?: KernelOutput): KernelOutput;
}

/** Output arrays for `rows` rows. */
export function allocateOutput(rows: number): KernelOutput {
  return { outcome: new Uint8Array(rows), amountFen: new Float64Array(rows), explanation: new Int32Array(rows) };
}

/** Compiles a policy into its column kernel. */
export function compilePolicy(policy: Policy): PolicyKernel {
  const state: State = { start: 0 };
  const evalDate: Col = { v: new Float64Array(CHUNK), m: new Int32Array(CHUNK) };
  const facts = new Map(policy.facts.map((fact) => [fact.name, factLoader(state, fact.name, 1 << fact.bit)]));
  const params = new Map([...policy.parameters.values()].filter((p) => p.indexedBy.length === 0).map((p) => [p.name, paramLoader(state, p.name)]));
  const definitions = new Map<string, Col>();
  const compileTree = (expr: TExpr): KernelNode => compileExpr(expr, { policy, state, facts, params, definitions, evalDate });
  const definitionSteps = policy.definitions.map((definition) => {
    const step = compileDefinition(definition, compileTree);
    definitions.set(definition.name, step.node);
    return step;
  });
  const conditions = policy.conditions.map((condition) => compileTree(condition.when));
  const amount = compileTree(policy.amount.formula);
  const loaders = [...facts.values(), ...params.values()];
  const exceptions = new Int32Array(CHUNK);
  const scratch: DecisionScratch = { failed: new Int32Array(CHUNK), missing: new Int32Array(CHUNK) };

  const runChunk = (len: number) => {
    for (const loader of loaders) loader.run(len);
    exceptions.fill(0, 0, len);
    for (const step of definitionSteps) step.run(len, exceptions);
    for (const condition of conditions) condition.run(len);
    amount.run(len);
  };
  return {
    policy,
    run(columns, date, output = allocateOutput(columns.rows)) {
      const day = toDayNumber(requireIsoDate(date, '评估日期'));
      if (day < policy.valid.fromDay || day > policy.valid.toDay) {
        output.outcome.fill(OUTCOME.ineligible);
        output.amountFen.fill(0);
        output.explanation.fill(VALIDITY_WINDOW_FAILED);
        return output;
      }
      Object.assign(state, { columns, binding: bindRegions(policy, day, columns.regions) });
      evalDate.v.fill(day);
      for (let start = 0; start < columns.rows; start += CHUNK) {
        const len = Math.min(CHUNK, columns.rows - start);
        state.start = start;
        runChunk(len);
        writeDecisions(state, conditions, amount, exceptions, len, output, scratch);
      }
      return output;
    },
  };
}

/** Scratch buffers of the column-wise decision. */
interface DecisionScratch {
  failed: Int32Array;
  missing: Int32Array;
}

/**
 * The rule of outcome.ts `decide`, column by column: the first condition known false decides
 * (ineligible); else any unknown makes the row undetermined; else eligible with the amount.
 */
function writeDecisions(state: State, conditions: KernelNode[], amount: KernelNode, exceptions: Int32Array, len: number, output: KernelOutput, scratch: DecisionScratch): void {
  const { failed, missing } = scratch;
  failed.fill(-1, 0, len);
  missing.fill(0, 0, len);
  for (let c = 0; c < conditions.length; c++) {
    const { v: cv, m: cm } = conditions[c] as KernelNode;
    for (let i = 0; i < len; i++) {
      const mask = cm[i] as number;
      // Missing facts after the first false condition do not matter: that row is decided anyway.
      missing[i] = (missing[i] as number) | mask;
      const isFirstFalse = +(mask === 0) & +(cv[i] === 0) & ((failed[i] as number) >>> 31);
      failed[i] = (failed[i] as number) + isFirstFalse * (c + 1);
    }
  }
  const { start } = state;
  const regionIndex = (state.columns as FactColumns).regionIndex;
  const inScope = (state.binding as Binding).inScope;
  const { outcome, amountFen, explanation } = output;
  const [av, am] = [amount.v, amount.m];
  for (let i = 0; i < len; i++) {
    const row = start + i;
    const unknown = (missing[i] as number) | (am[i] as number);
    const isEligible = failed[i] === -1 && unknown === 0;
    if (inScope[regionIndex[row] as number] === 0) {
      outcome[row] = OUTCOME.ineligible;
      explanation[row] = REGION_SCOPE_FAILED;
    } else if ((failed[i] as number) >= 0) {
      outcome[row] = OUTCOME.ineligible;
      explanation[row] = (failed[i] as number) | ((exceptions[i] as number) << 8);
    } else {
      outcome[row] = isEligible ? OUTCOME.eligible : OUTCOME.undetermined;
      explanation[row] = isEligible ? (exceptions[i] as number) : unknown;
    }
    amountFen[row] = isEligible && inScope[regionIndex[row] as number] !== 0 ? (av[i] as number) : 0;
  }
}

interface CompileContext {
  policy: Policy;
  state: State;
  facts: Map<string, KernelNode>;
  params: Map<string, KernelNode>;
  definitions: Map<string, Col>;
  evalDate: Col;
}

function compileExpr(expr: TExpr, ctx: CompileContext): KernelNode {
  const sub = (child: TExpr) => compileExpr(child, ctx);
  switch (expr.k) {
    case 'const': return constNode(typeof expr.value === 'number' ? expr.value : 0);
    case 'fact': return sharedNode(ctx.facts.get(expr.name) as Col);
    case 'param': return sharedNode(ctx.params.get(expr.name) as Col);
    case 'def': return sharedNode(ctx.definitions.get(expr.name) as Col);
    case 'eval_date': return sharedNode(ctx.evalDate);
    case 'table': return tableNode(expr, ctx.policy, ctx.state, expr.keys.map(sub));
    case 'neg': return unaryNode('neg', sub(expr.operand));
    case 'not': return unaryNode('not', sub(expr.operand));
    case 'arith': return arithNode(expr.op, sub(expr.left), sub(expr.right), expr.left.type === 'money');
    case 'cmp': return compareNode(expr.op, sub(expr.left), sub(expr.right));
    case 'logic': return logicNode(expr.op, sub(expr.left), sub(expr.right));
    case 'call': return callNode(expr, expr.args.map(sub));
    case 'if': return ifNode(sub(expr.cond), sub(expr.then), sub(expr.otherwise));
    case 'text_in': {
      const values = expr.operand.k === 'fact' ? (ctx.policy.factsByName.get(expr.operand.name)?.values ?? []) : [];
      const members = new Uint8Array(values.map((value) => Number(expr.items.includes(value))));
      return textInNode(sub(expr.operand), members, expr.negated);
    }
  }
}

/** A definition: its formula wrapped in its exceptions (highest priority outermost), plus the applied-exception bits. */
function compileDefinition(definition: DefinitionDef, compileTree: (expr: TExpr) => KernelNode) {
  const whens = definition.exceptions.map((exception) => compileTree(exception.when));
  let result = compileTree(definition.formula);
  for (let k = definition.exceptions.length - 1; k >= 0; k--) {
    result = ifNode(whens[k] as KernelNode, compileTree((definition.exceptions[k] as DefinitionDef['exceptions'][number]).value), result);
  }
  const bits = definition.exceptions.map((exception) => 1 << exception.bit);
  const resultNode = result;
  return {
    node: resultNode as Col,
    run(len: number, applied: Int32Array) {
      resultNode.run(len);
      for (let i = 0; i < len; i++) {
        for (let k = 0; k < whens.length; k++) {
          const when = whens[k] as KernelNode;
          if (when.m[i] !== 0) break;
          if (when.v[i] !== 0) {
            applied[i] = (applied[i] as number) | (bits[k] as number);
            break;
          }
        }
      }
    },
  };
}
