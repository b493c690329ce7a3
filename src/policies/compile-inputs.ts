import type { FactColumns } from './columns.ts';
import { node, type KernelNode } from './compile-nodes.ts';
import { isWithinRegion, resolveParameter } from './parameters.ts';
import type { Policy, TExpr } from './types.ts';

/**
 * The kernels' inputs: fact columns and parameters, bound per batch (date × regions) and loaded
 * chunk by chunk into the nodes' buffers.
 */

/** One parameter's values by region index (× table cells); `uniform` when every region in scope shares one. */
export interface ParamTable {
  values: Float64Array;
  cells: number;
  uniform?: number;
}

/** Parameter values per region of one batch, on one date. */
export interface Binding {
  inScope: Uint8Array;
  tables: Map<string, ParamTable>;
}

/** Where a running kernel is: the batch, its parameters and the first row of the chunk. */
export interface State {
  start: number;
  columns?: FactColumns;
  binding?: Binding;
}

/** Resolves every parameter for each region of the batch on the day. */
export function bindRegions(policy: Policy, day: number, regions: string[]): Binding {
  const inScope = new Uint8Array(regions.map((region) => Number(policy.scope.some((root) => isWithinRegion(region, root)))));
  const tables = new Map<string, ParamTable>();
  for (const param of policy.parameters.values()) {
    const cells = param.keys.reduce((product, keys) => product * keys.length, 1);
    const values = new Float64Array(regions.length * cells).fill(NaN);
    regions.forEach((region, index) => {
      const resolved = inScope[index] ? resolveParameter(param, day, region) : undefined;
      if (resolved) values.set(Array.isArray(resolved.value) ? resolved.value : [resolved.value], index * cells);
    });
    const inScopeValues = cells === 1 ? [...values].filter((_, index) => inScope[index]) : [];
    const isUniform = inScopeValues.length > 0 && inScopeValues.every((value) => value === inScopeValues[0]);
    tables.set(param.name, { values, cells, uniform: isUniform ? inScopeValues[0] : undefined });
  }
  return { inScope, tables };
}

/** Loads one fact column (values and missing mask) for the current chunk. */
export function factLoader(state: State, name: string, bit: number): KernelNode {
  return node([], (v, m, len) => {
    const columns = state.columns as FactColumns;
    const values = columns.values[name];
    const present = columns.present[name];
    const start = state.start;
    if (!values || !present) {
      m.fill(bit, 0, len);
      return;
    }
    // Values are copied whatever their presence: a missing row's mask makes its value unread.
    v.set(values.subarray(start, start + len));
    // Chunks start on multiples of 32 rows, so each presence word covers 32 consecutive rows.
    for (let base = 0; base < len; base += 32) {
      const bits = present[(start + base) >>> 5] as number;
      const end = Math.min(32, len - base);
      for (let j = 0; j < end; j++) m[base + j] = (((bits >>> j) & 1) ^ 1) * bit;
    }
  });
}

/** Loads one scalar parameter for the current chunk (once per run when uniform). */
export function paramLoader(state: State, name: string): KernelNode {
  let filledFor: Binding | undefined;
  return node([], (v, _m, len) => {
    const binding = state.binding as Binding;
    const { values, uniform } = binding.tables.get(name) as ParamTable;
    // Most parameters have one value for the whole batch: fill the buffer once per run.
    if (uniform !== undefined) {
      if (filledFor !== binding) v.fill(uniform);
      filledFor = binding;
      return;
    }
    const regionIndex = (state.columns as FactColumns).regionIndex;
    const start = state.start;
    for (let i = 0; i < len; i++) v[i] = values[regionIndex[start + i] as number] as number;
  });
}

/** A table parameter looked up per row by region and by the keys' value indices. */
export function tableNode(expr: Extract<TExpr, { k: 'table' }>, policy: Policy, state: State, keyNodes: KernelNode[]): KernelNode {
  const param = policy.parameters.get(expr.name);
  const levels = param?.keys ?? [];
  // A key fact may list its values in another order than the table: remap value index → key index.
  const remaps = expr.keys.map((key, level) => {
    const keys = levels[level] ?? [];
    if (key.k === 'const') return new Int32Array([keys.indexOf(String(key.value))]);
    const values = key.k === 'fact' ? (policy.factsByName.get(key.name)?.values ?? []) : [];
    return new Int32Array(values.map((value) => keys.indexOf(value)));
  });
  const isConst = expr.keys.map((key) => key.k === 'const');
  return node(keyNodes, (v, m, len) => {
    const { values, cells } = state.binding?.tables.get(expr.name) ?? { values: new Float64Array(0), cells: 1 };
    const regionIndex = (state.columns as FactColumns).regionIndex;
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
      v[i] = mask === 0 ? (values[(regionIndex[state.start + i] as number) * cells + offset] as number) : 0;
    }
  });
}

