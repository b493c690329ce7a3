import type { FactValues } from './evaluate.ts';
import type { FactDef, Policy } from './types.ts';

/**
 * Facts as columns (struct of arrays) for batch evaluation: one typed array per fact plus a
 * presence bitmap, so a missing value is never confused with zero. Counts, money (fen) and
 * percentages are Float64Array; dates (day numbers), booleans (1/0) and enumerated texts (the
 * index of the value in the fact's list) are Int32Array. Rows carry a region index.
 */
export interface FactColumns {
  rows: number;
  /** Distinct region codes; `regionIndex[row]` points into this list. */
  regions: string[];
  regionIndex: Int32Array;
  values: Record<string, Float64Array | Int32Array>;
  /** Bit `row & 31` of word `row >>> 5` is set when the fact is present for the row. */
  present: Record<string, Uint32Array>;
}

/** One row as objects: the facts and the region of an enterprise or person. */
export interface FactRow {
  facts: FactValues;
  region: string;
}

/** Whether a fact is stored as 32-bit integers (dates, booleans, enumerations). */
export function isIntegerFact(fact: FactDef): boolean {
  return fact.type === 'date' || fact.type === 'bool' || fact.type === 'text';
}

/** Empty columns for `rows` rows (every fact missing), to be filled in place. */
export function allocateColumns(policy: Policy, rows: number, regions: string[]): FactColumns {
  const values: FactColumns['values'] = {};
  const present: FactColumns['present'] = {};
  for (const fact of policy.facts) {
    values[fact.name] = isIntegerFact(fact) ? new Int32Array(rows) : new Float64Array(rows);
    present[fact.name] = new Uint32Array(Math.ceil(rows / 32));
  }
  return { rows, regions, regionIndex: new Int32Array(rows), values, present };
}

/** Stores one runtime fact value (a text is turned into its index) and marks it present. */
export function setFactValue(columns: FactColumns, fact: FactDef, row: number, value: number | string): void {
  const stored = typeof value === 'string' ? (fact.values?.indexOf(value) ?? -1) : value;
  (columns.values[fact.name] as Float64Array | Int32Array)[row] = stored;
  const bits = columns.present[fact.name] as Uint32Array;
  bits[row >>> 5] = (bits[row >>> 5] as number) | (1 << (row & 31));
}

/** Builds columns from row objects (tests, the calculator's small batches). */
export function buildColumns(policy: Policy, rows: FactRow[]): FactColumns {
  const regions = [...new Set(rows.map((row) => row.region))];
  const columns = allocateColumns(policy, rows.length, regions);
  rows.forEach((row, index) => {
    columns.regionIndex[index] = regions.indexOf(row.region);
    for (const fact of policy.facts) {
      const value = row.facts.get(fact.name);
      if (value !== undefined) setFactValue(columns, fact, index, value);
    }
  });
  return columns;
}
