import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../platform/iso-date.ts';
import { loadCases } from './cases.ts';
import { buildColumns, type FactRow } from './columns.ts';
import { compilePolicy } from './compile.ts';
import { evaluatePolicy } from './evaluate.ts';
import { readFacts } from './facts.ts';
import { loadPolicies } from './load.ts';
import { OUTCOME } from './outcome.ts';
import type { FactDef, Policy } from './types.ts';

/**
 * The column kernels must give exactly the tree walker's outcome, amount and explanation code,
 * on random facts with values missing at random, across regions (with and without city values)
 * and dates inside and outside the validity windows.
 */

const REGIONS = ['320000', '320100', '320205', '320214', '320583', '320902', '321002', '321283', '310000'];
const DATES = ['2023-06-30', '2024-01-01', '2024-07-15', '2025-01-01', '2025-06-30', '2025-12-31', '2026-01-01'];

function factValue(fact: FactDef): fc.Arbitrary<number | string> {
  switch (fact.type) {
    case 'number': return fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 2019, max: 2026 }), fc.double({ min: 0, max: 300, noNaN: true }));
    case 'money': return fc.integer({ min: 0, max: 200_000_000 });
    case 'percent': return fc.oneof(fc.constantFrom(0, 0.055, 0.2, 0.5, 0.6), fc.double({ min: 0, max: 1, noNaN: true }));
    case 'date': return fc.oneof(fc.integer({ min: toDayNumber('1995-01-01'), max: toDayNumber('2026-12-31') }), fc.integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2026-03-31') }));
    case 'bool': return fc.constantFrom(0, 1);
    case 'text': return fc.constantFrom(...(fact.values ?? ['']));
  }
}

function rowArbitrary(policy: Policy): fc.Arbitrary<FactRow> {
  const facts = policy.facts.map((fact) => fc.option(factValue(fact), { nil: undefined, freq: 4 }).map((value) => [fact.name, value] as const));
  return fc.record({
    facts: fc.tuple(...facts).map((pairs) => new Map(pairs.filter(([, value]) => value !== undefined) as [string, number | string][])),
    region: fc.constantFrom(...REGIONS),
  });
}

/** Rows near the readable cases: each fact kept, dropped or replaced at random, so boundaries and eligible rows are common. */
function nearCaseArbitrary(policy: Policy): fc.Arbitrary<FactRow> {
  const seeds = loadCases(policy).filter((c) => !c.scenario).map((c) => ({ facts: readFacts(policy, c.facts), region: c.region }));
  const mutations = policy.facts.map((fact) => fc.oneof(
    { weight: 6, arbitrary: fc.constant<'keep'>('keep') },
    { weight: 1, arbitrary: fc.constant<'drop'>('drop') },
    { weight: 2, arbitrary: factValue(fact) },
  ));
  return fc.tuple(fc.constantFrom(...seeds), fc.tuple(...mutations), fc.constantFrom(...REGIONS, 'seed')).map(([seed, changes, region]) => {
    const facts = new Map(seed.facts);
    policy.facts.forEach((fact, index) => {
      const change = changes[index];
      if (change === 'drop') facts.delete(fact.name);
      else if (change !== 'keep' && change !== undefined) facts.set(fact.name, change);
    });
    return { facts, region: region === 'seed' ? seed.region : region };
  });
}

function compare(policy: Policy, rows: FactRow[], date: string): void {
  const output = compilePolicy(policy).run(buildColumns(policy, rows), date);
  rows.forEach((row, index) => {
    const expected = evaluatePolicy(policy, { facts: row.facts, date, region: row.region });
    const actual = { outcome: output.outcome[index], amountFen: output.amountFen[index], code: output.explanation[index] };
    expect(actual, `第 ${index} 行 ${JSON.stringify([...row.facts])} ${row.region} ${date}`).toEqual({
      outcome: OUTCOME[expected.outcome], amountFen: expected.amountFen ?? 0, code: expected.code,
    });
  });
}

describe('compiled kernels agree with the tree-walking evaluator', () => {
  for (const policy of loadPolicies()) {
    it(`${policy.code}: random facts, regions and dates`, () => {
      fc.assert(fc.property(fc.array(rowArbitrary(policy), { minLength: 1, maxLength: 30 }), fc.constantFrom(...DATES), (rows, date) => {
        compare(policy, rows, date);
      }), { numRuns: 150 });
    });

    it(`${policy.code}: facts near the readable cases`, () => {
      fc.assert(fc.property(fc.array(nearCaseArbitrary(policy), { minLength: 1, maxLength: 30 }), fc.constantFrom(...DATES), (rows, date) => {
        compare(policy, rows, date);
      }), { numRuns: 150 });
    });

    it(`${policy.code}: more rows than one chunk`, () => {
      const rows = fc.sample(rowArbitrary(policy), { numRuns: 5000, seed: 20_251_127 });
      compare(policy, rows, '2025-06-30');
    });
  }
});
