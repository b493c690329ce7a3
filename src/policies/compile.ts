import { requireIsoDate, toDayNumber } from '../platform/iso-date.ts';
import type { FactColumns } from './columns.ts';
import {
  arithNode, callNode, CHUNK, compareNode, constNode, ifNode, logicNode, newCol, node, sharedNode, textInNode, unaryNode,
  type Col, type KernelNode,
} from './compile-nodes.ts';
import { decide, OUTCOME, REGION_SCOPE_FAILED, VALIDITY_WINDOW_FAILED, type Decision } from './outcome.ts';
import { isWithinRegion, resolveParameter } from './parameters.ts';
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

/** Parameter values per region of one batch, on one date. */
interface Binding {
  inScope: Uint8Array;
  tables: Map<string, { values: Float64Array; cells: number }>;
}

interface State {
  start: number;
  columns?: FactColumns;
  binding?: Binding;
}

/** Output arrays for `rows` rows. */
export function allocateOutput(rows: number): KernelOutput {
  return { outcome: new Uint8Array(rows), amountFen: new Float64Array(rows), explanation: new Int32Array(rows) };
}

/** Compiles a policy into its column kernel. */
export function compilePolicy(policy: Policy): PolicyKernel {
  const state: State = { start: 0 };
  const evalDate = newCol();
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
        writeDecisions(state, conditions, amount, exceptions, len, output);
      }
      return output;
    },
  };
}

function writeDecisions(state: State, conditions: KernelNode[], amount: KernelNode, exceptions: Int32Array, len: number, output: KernelOutput): void {
  const { start } = state;
  const regionIndex = (state.columns as FactColumns).regionIndex;
  const inScope = (state.binding as Binding).inScope;
  const values = new Float64Array(conditions.length);
  const masks = new Int32Array(conditions.length);
  const decision: Decision = { outcome: 0, amountFen: 0, code: 0 };
  for (let i = 0; i < len; i++) {
    const row = start + i;
    if (inScope[regionIndex[row] as number] === 0) {
      decision.outcome = OUTCOME.ineligible;
      decision.amountFen = 0;
      decision.code = REGION_SCOPE_FAILED;
    } else {
      for (let c = 0; c < conditions.length; c++) {
        values[c] = (conditions[c] as KernelNode).v[i] as number;
        masks[c] = (conditions[c] as KernelNode).m[i] as number;
      }
      decide(values, masks, conditions.length, amount.v[i] as number, amount.m[i] as number, exceptions[i] as number, decision);
    }
    output.outcome[row] = decision.outcome;
    output.amountFen[row] = decision.amountFen;
    output.explanation[row] = decision.code;
  }
}

function bindRegions(policy: Policy, day: number, regions: string[]): Binding {
  const inScope = new Uint8Array(regions.map((region) => Number(policy.scope.some((root) => isWithinRegion(region, root)))));
  const tables = new Map<string, { values: Float64Array; cells: number }>();
  for (const param of policy.parameters.values()) {
    const cells = param.keys.reduce((product, keys) => product * keys.length, 1);
    const values = new Float64Array(regions.length * cells).fill(NaN);
    regions.forEach((region, index) => {
      const resolved = inScope[index] ? resolveParameter(param, day, region) : undefined;
      if (resolved) values.set(Array.isArray(resolved.value) ? resolved.value : [resolved.value], index * cells);
    });
    tables.set(param.name, { values, cells });
  }
  return { inScope, tables };
}

function factLoader(state: State, name: string, bit: number): KernelNode {
  return node([], ({ v, m }, len) => {
    const columns = state.columns as FactColumns;
    const values = columns.values[name];
    const present = columns.present[name];
    const start = state.start;
    for (let i = 0; i < len; i++) {
      const row = start + i;
      const isPresent = values !== undefined && present !== undefined && (((present[row >>> 5] as number) >>> (row & 31)) & 1) === 1;
      v[i] = isPresent ? (values[row] as number) : 0;
      m[i] = isPresent ? 0 : bit;
    }
  });
}

function paramLoader(state: State, name: string): KernelNode {
  return node([], ({ v }, len) => {
    const table = (state.binding as Binding).tables.get(name)?.values as Float64Array;
    const regionIndex = (state.columns as FactColumns).regionIndex;
    for (let i = 0; i < len; i++) v[i] = table[regionIndex[state.start + i] as number] as number;
  });
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
    case 'table': return tableNode(expr, ctx);
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

/** A table parameter looked up per row by region and by the keys' value indices. */
function tableNode(expr: Extract<TExpr, { k: 'table' }>, ctx: CompileContext): KernelNode {
  const param = ctx.policy.parameters.get(expr.name);
  const levels = param?.keys ?? [];
  const keyNodes = expr.keys.map((key) => compileExpr(key, ctx));
  // A key fact may list its values in another order than the table: remap value index → key index.
  const remaps = expr.keys.map((key, level) => {
    const keys = levels[level] ?? [];
    if (key.k === 'const') return new Int32Array([keys.indexOf(String(key.value))]);
    const values = key.k === 'fact' ? (ctx.policy.factsByName.get(key.name)?.values ?? []) : [];
    return new Int32Array(values.map((value) => keys.indexOf(value)));
  });
  const isConst = expr.keys.map((key) => key.k === 'const');
  return node(keyNodes, ({ v, m }, len) => {
    const { values, cells } = ctx.state.binding?.tables.get(expr.name) ?? { values: new Float64Array(0), cells: 1 };
    const regionIndex = (ctx.state.columns as FactColumns).regionIndex;
    for (let i = 0; i < len; i++) {
      let mask = 0;
      let offset = 0;
      for (let level = 0; level < keyNodes.length; level++) {
        const keyNode = keyNodes[level] as KernelNode;
        mask |= keyNode.m[i] as number;
        const keyIndex = (remaps[level] as Int32Array)[isConst[level] ? 0 : (keyNode.v[i] as number)] as number;
        offset = offset * (levels[level]?.length ?? 1) + keyIndex;
      }
      m[i] = mask;
      v[i] = mask === 0 ? (values[(regionIndex[ctx.state.start + i] as number) * cells + offset] as number) : 0;
    }
  });
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
