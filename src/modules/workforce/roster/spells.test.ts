import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, periodToIndex } from '../periods.ts';
import {
  maximalRuns,
  planMergedPairChanges,
  planPairChanges,
  planSpellChanges,
  type BatchMonth,
  type RosterMonth,
  type SpellPlan,
  type StoredSpell,
} from './spells.ts';

/** Applies a plan to an in-memory store, as the batch writer does to the table. */
function applyPlan(store: StoredSpell[], plan: SpellPlan, nextId: () => number): StoredSpell[] {
  const deleted = new Set(plan.deletes);
  const updated = new Map(plan.updates.map((u) => [u.id, u]));
  const kept = store.filter((s) => !deleted.has(s.id)).map((s) => updated.get(s.id) ?? s);
  return [...kept, ...plan.inserts.map((s) => ({ ...s, id: nextId() }))];
}

function importBatches(batches: RosterMonth[][]): StoredSpell[] {
  let store: StoredSpell[] = [];
  let id = 0;
  for (const batch of batches) store = applyPlan(store, planSpellChanges(store, batch), () => ++id);
  return store;
}

const month = (personId: number, uscc: string, period: number, extra: Partial<RosterMonth> = {}): RosterMonth => ({
  personId,
  uscc,
  period,
  baseFen: 500_000,
  leaveReason: null,
  ...extra,
});

const shape = (spells: StoredSpell[]) =>
  spells
    .map((s) => [s.personId, s.uscc, s.firstPeriod, s.lastPeriod, s.leaveReason, s.baseFen])
    .sort((a, b) => String(a).localeCompare(String(b)));

describe('month arithmetic', () => {
  it('crosses year boundaries both ways', () => {
    expect(addMonths(202312, 1)).toBe(202401);
    expect(addMonths(202401, -1)).toBe(202312);
    expect(addMonths(202306, 19)).toBe(202501);
    expect(periodToIndex(202401) - periodToIndex(202312)).toBe(1);
  });
});

describe('employment spells', () => {
  it('extends a spell across a year boundary and merges two spells bridged by one month', () => {
    const spells = importBatches([
      [month(1, 'A', 202311), month(1, 'A', 202312)],
      [month(1, 'A', 202402), month(1, 'A', 202403)],
      [month(1, 'A', 202401)],
    ]);
    expect(shape(spells)).toEqual([[1, 'A', 202311, 202403, null, 500_000]]);
  });

  it('keeps separate spells for separate enterprises and gaps', () => {
    const spells = importBatches([[month(1, 'A', 202401), month(1, 'A', 202403), month(1, 'B', 202402)]]);
    expect(shape(spells)).toEqual([
      [1, 'A', 202401, 202401, null, 500_000],
      [1, 'A', 202403, 202403, null, 500_000],
      [1, 'B', 202402, 202402, null, 500_000],
    ]);
  });

  it('takes base and leave reason from the last month, records a new reason on a repeat, and drops a reason the person outlived', () => {
    let spells = importBatches([
      [month(1, 'A', 202401, { baseFen: 1 }), month(1, 'A', 202402, { baseFen: 2, leaveReason: 'retirement' })],
    ]);
    expect(shape(spells)).toEqual([[1, 'A', 202401, 202402, 'retirement', 2]]);
    spells = importBatches([
      [month(1, 'A', 202402, { baseFen: 2 })],
      [month(1, 'A', 202402, { baseFen: 2, leaveReason: 'death' })],
      [month(1, 'A', 202402, { baseFen: 2 })],
    ]);
    expect(shape(spells)).toEqual([[1, 'A', 202402, 202402, 'death', 2]]);
    spells = importBatches([[month(1, 'A', 202402, { leaveReason: 'contract_ended' })], [month(1, 'A', 202403)]]);
    expect(shape(spells)).toEqual([[1, 'A', 202402, 202403, null, 500_000]]);
  });

  it('marks repeats as not effective and plans nothing for an identical batch', () => {
    const batch = [month(1, 'A', 202401), month(1, 'A', 202402), month(1, 'A', 202402)];
    const first = planSpellChanges([], batch);
    expect(first.isEffective).toEqual([true, false, true]);
    const stored = importBatches([batch]);
    const second = planSpellChanges(stored, batch);
    expect(second).toEqual({ inserts: [], updates: [], deletes: [], isEffective: [false, false, false] });
  });

  // Months 202301 + 0..29 cross two year boundaries; few persons and enterprises make
  // adjacency and bridging frequent.
  const row = fc.record({
    person: fc.integer({ min: 1, max: 3 }),
    uscc: fc.constantFrom('A', 'B'),
    offset: fc.integer({ min: 0, max: 29 }),
  });
  // Base and reason are functions of the month, so repeated rows agree with each other.
  const toMonth = (r: { person: number; uscc: string; offset: number }): RosterMonth =>
    month(r.person, r.uscc, addMonths(202301, r.offset), {
      baseFen: (r.person * 100 + r.offset) * 100,
      leaveReason: r.offset % 7 === 3 ? 'contract_ended' : null,
    });

  it('yields the maximal runs of consecutive months for any order, duplication and batching', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (rows, shuffleKeys, batchCount) => {
          // Duplicate a prefix, then shuffle with the generated keys, then cut into batches.
          const doubled = [...rows, ...rows.slice(0, shuffleKeys.length % (rows.length + 1))];
          const shuffled = doubled
            .map((r, i) => ({ r, k: shuffleKeys[i % Math.max(1, shuffleKeys.length)] ?? i }))
            .sort((a, b) => a.k - b.k)
            .map((x) => toMonth(x.r));
          const size = Math.max(1, Math.ceil(shuffled.length / batchCount));
          const batches = Array.from({ length: Math.ceil(shuffled.length / size) }, (_, i) =>
            shuffled.slice(i * size, (i + 1) * size),
          );
          expect(shape(importBatches(batches))).toEqual(shape(expectedSpells(rows.map(toMonth))));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same spells whichever order the rows come in, one row per batch', () => {
    fc.assert(
      fc.property(
        fc
          .array(row, { maxLength: 30 })
          .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        ([rows, permuted]) => {
          expect(shape(importBatches(permuted.map((r) => [toMonth(r)])))).toEqual(
            shape(importBatches([rows.map(toMonth)])),
          );
        },
      ),
    );
  });
});

describe('planning one (person, enterprise) pair', () => {
  // Month offsets: a run of months, or any distinct months.
  const run = (min: number) =>
    fc
      .tuple(fc.integer({ min, max: min + 8 }), fc.integer({ min: 1, max: 6 }))
      .map(([start, length]) => Array.from({ length }, (_, i) => start + i));
  const anyMonths = (minLength: number) =>
    fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { minLength, maxLength: 12 });
  // Stored spells (as month offsets) and the batch's months, often in the shapes of the fast path.
  const pair = fc.oneof(fc.constant<number[]>([]), run(0), anyMonths(0)).chain((stored) =>
    fc.tuple(
      fc.constant(stored),
      fc.oneof(run(stored.length > 0 ? Math.max(...stored) + 1 : 0), run(0), anyMonths(1)).map((m) => [...new Set(m)]),
      fc.array(fc.constantFrom(null, 'retirement', 'death'), { minLength: 16, maxLength: 16 }),
    ),
  );

  it('plans new and extending runs exactly as the general planner does', () => {
    fc.assert(
      fc.property(pair, ([storedOffsets, monthOffsets, reasons]) => {
        const stored: StoredSpell[] = maximalRuns(storedOffsets.map((o) => addMonths(202301, o))).map(
          ([first, last], i) => ({
            id: i + 1,
            personId: 1,
            uscc: 'A',
            firstPeriod: first,
            lastPeriod: last,
            leaveReason: reasons[15 - (i % 8)]!,
            baseFen: 100 * i,
          }),
        );
        const months: BatchMonth[] = monthOffsets.map((o, i) => ({
          personId: 1,
          uscc: 'A',
          period: addMonths(202301, o),
          baseFen: 7 * o,
          leaveReason: reasons[i % 8]!,
          inputIndex: i,
        }));
        const plan = (planner: typeof planPairChanges): SpellPlan => {
          const result: SpellPlan = { inserts: [], updates: [], deletes: [], isEffective: months.map(() => false) };
          planner(result, stored, months);
          return result;
        };
        expect(plan(planPairChanges)).toEqual(plan(planMergedPairChanges));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The specification: maximal runs per (person, enterprise), base and reason of the last month. */
function expectedSpells(months: RosterMonth[]): StoredSpell[] {
  const byKey = new Map<string, RosterMonth[]>();
  for (const m of months) byKey.set(`${m.personId}|${m.uscc}`, [...(byKey.get(`${m.personId}|${m.uscc}`) ?? []), m]);
  return [...byKey.values()].flatMap((group) =>
    maximalRuns(group.map((m) => m.period)).map(([first, last]) => {
      const lastMonth = group.find((m) => m.period === last)!;
      return {
        id: 0,
        personId: lastMonth.personId,
        uscc: lastMonth.uscc,
        firstPeriod: first,
        lastPeriod: last,
        leaveReason: lastMonth.leaveReason,
        baseFen: lastMonth.baseFen,
      };
    }),
  );
}
