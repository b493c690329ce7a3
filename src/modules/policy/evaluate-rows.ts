import { allocateColumns, setFactValue } from '../../policies/columns.ts';
import type { PolicyKernel } from '../../policies/compile.ts';
import { OUTCOME_BY_CODE, type Outcome } from '../../policies/outcome.ts';
import type { EarlierRow, LinkedFacts, RuntimeFacts, SubjectRow } from './facts/subjects.ts';

/**
 * Runs a policy's compiled kernel over subject rows: the facts go into the engine's columns
 * (allocateColumns / setFactValue) and one kernel run decides every row. Facts that depend on a
 * person's earlier rows are settled in rounds — every person's first row, then every second
 * row with the first rows' decisions known, and so on.
 */

export interface RowDecision {
  outcome: Outcome;
  amountFen: number;
  /** The kernel's explanation code (failed condition, exceptions or missing facts). */
  code: number;
  /** The facts the row was decided on, derived and assumed ones included. */
  facts: RuntimeFacts;
}

export interface EvaluateOptions {
  linked?: LinkedFacts;
  /** Values for facts left missing (the provisional evaluation's assumptions). */
  assume?: Record<string, number>;
}

/** Decides every row on a date. */
export function evaluateRows(
  kernel: PolicyKernel,
  rows: readonly SubjectRow[],
  date: string,
  options: EvaluateOptions = {},
): RowDecision[] {
  const decisions: RowDecision[] = new Array(rows.length);
  const factsOf = (row: SubjectRow, derived?: RuntimeFacts): RuntimeFacts => {
    const facts = derived ? { ...row.facts, ...derived } : options.assume ? { ...row.facts } : row.facts;
    for (const [name, value] of Object.entries(options.assume ?? {}))
      if (facts[name] === undefined) facts[name] = value;
    return facts;
  };
  if (!options.linked) {
    runBatch(
      kernel,
      rows,
      rows.map((_, index) => index),
      rows.map((row) => factsOf(row)),
      date,
      decisions,
    );
    return decisions;
  }
  const linked = options.linked;
  const rounds = roundsOf(rows);
  const earlier = new Map<number, EarlierRow[]>();
  for (const round of rounds) {
    const facts = round.map((index) => {
      const row = rows[index] as SubjectRow;
      return factsOf(row, linked.derive(row, earlier.get(row.personId ?? -1) ?? []));
    });
    runBatch(kernel, rows, round, facts, date, decisions);
    for (const index of round) {
      const row = rows[index] as SubjectRow;
      if (row.personId === undefined) continue;
      const list = earlier.get(row.personId) ?? [];
      list.push({ row, outcome: (decisions[index] as RowDecision).outcome });
      earlier.set(row.personId, list);
    }
  }
  return decisions;
}

/** Row indices by round: round k holds every person's k-th row (rows without a person go first). */
export function roundsOf(rows: readonly SubjectRow[]): number[][] {
  const order = rows
    .map((_, index) => index)
    .sort((a, b) => {
      const [x, y] = [rows[a] as SubjectRow, rows[b] as SubjectRow];
      return (x.personId ?? -1) - (y.personId ?? -1) || (x.order ?? '').localeCompare(y.order ?? '') || a - b;
    });
  const rounds: number[][] = [];
  let previousPerson: number | undefined;
  let rank = 0;
  for (const index of order) {
    const person = (rows[index] as SubjectRow).personId;
    rank = person !== undefined && person === previousPerson ? rank + 1 : 0;
    previousPerson = person;
    (rounds[rank] ??= []).push(index);
  }
  return rounds;
}

function runBatch(
  kernel: PolicyKernel,
  rows: readonly SubjectRow[],
  indices: readonly number[],
  facts: readonly RuntimeFacts[],
  date: string,
  decisions: RowDecision[],
): void {
  if (indices.length === 0) return;
  const policy = kernel.policy;
  const regionOf = new Map<string, number>();
  for (const index of indices) {
    const region = (rows[index] as SubjectRow).region;
    if (!regionOf.has(region)) regionOf.set(region, regionOf.size);
  }
  const columns = allocateColumns(policy, indices.length, [...regionOf.keys()]);
  indices.forEach((index, row) => {
    columns.regionIndex[row] = regionOf.get((rows[index] as SubjectRow).region) as number;
    const values = facts[row] as RuntimeFacts;
    for (const fact of policy.facts) {
      const value = values[fact.name];
      if (value !== undefined) setFactValue(columns, fact, row, value);
    }
  });
  const output = kernel.run(columns, date);
  indices.forEach((index, row) => {
    decisions[index] = {
      outcome: OUTCOME_BY_CODE[output.outcome[row] as number] as Outcome,
      amountFen: output.amountFen[row] as number,
      code: output.explanation[row] as number,
      facts: facts[row] as RuntimeFacts,
    };
  });
}
