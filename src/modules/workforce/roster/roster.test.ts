import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/dialects.ts';
import type { RawCell } from '../../imports/import-kind.ts';
import { addMonths } from '../periods.ts';
import { rosterImport } from './roster.import.ts';
import { parseRosterRow } from './roster-row.ts';
import { RosterWriter } from './roster-writer.ts';
import { maximalRuns } from './spells.ts';
import {
  buildEnterprise,
  countWorkforceRows,
  createWorkforceTestContext,
  importRows,
  insertEnterprise,
  personIdNumber,
  type WorkforceTestContext,
} from '../test-factories.ts';

const rosterRow = (uscc: string, serial: number, period: number, extra: Record<string, RawCell> = {}) => ({
  uscc,
  id_number: personIdNumber(serial),
  name: `员工${serial}`,
  period: String(period),
  base: '6000',
  ...extra,
});

describe.each(testDialects())('roster import on %s', (dialect) => {
  let t: WorkforceTestContext;
  let a: string;
  let b: string;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
    a = await insertEnterprise(t.ctx);
    b = await insertEnterprise(t.ctx);
  });
  afterAll(() => t.close());

  const spellsOf = async (serial: number) => {
    const rows = await t.ctx.db
      .selectFrom('employment_spells')
      .innerJoin('persons', 'persons.id', 'employment_spells.person_id')
      .select(['employment_spells.uscc', 'first_period', 'last_period', 'leave_reason', 'base_fen'])
      .where('persons.id_index', '=', t.ctx.cipher.blindIndex('id', personIdNumber(serial)))
      .orderBy('employment_spells.uscc')
      .orderBy('first_period')
      .execute();
    return rows.map((r) => ({
      ...r,
      first_period: Number(r.first_period),
      last_period: Number(r.last_period),
      base_fen: Number(r.base_fen),
    }));
  };

  it('turns 24 months of 10 people into 10 spells and records the reported months', async () => {
    const rows = Array.from({ length: 24 }, (_, m) =>
      Array.from({ length: 10 }, (_, p) => rosterRow(a, 100 + p, addMonths(202301, m))),
    ).flat();
    const result = await importRows(t.ctx, rosterImport, rows, 7);
    expect(result).toMatchObject({ accepted: 240, unchanged: 0, rejects: [], parseRejects: [] });
    const spells = await t.ctx.db.selectFrom('employment_spells').selectAll().where('uscc', '=', a).execute();
    expect(spells).toHaveLength(10);
    expect(
      spells.every(
        (s) => Number(s.first_period) === 202301 && Number(s.last_period) === 202412 && Number(s.base_fen) === 600_000,
      ),
    ).toBe(true);
    const periods = await t.ctx.db.selectFrom('roster_periods').selectAll().where('uscc', '=', a).execute();
    expect(periods).toHaveLength(24);
    expect(periods.every((p) => Number(p.first_run_id) === 7)).toBe(true);
  });

  it('changes nothing when the same batch comes again', async () => {
    const rows = Array.from({ length: 24 }, (_, m) => rosterRow(a, 100, addMonths(202301, m)));
    const before = await countWorkforceRows(t.ctx);
    const result = await importRows(t.ctx, rosterImport, rows, 8);
    expect(result).toMatchObject({ accepted: 0, unchanged: 24, rejects: [] });
    expect(await countWorkforceRows(t.ctx)).toEqual(before);
    const periods = await t.ctx.db.selectFrom('roster_periods').select('first_run_id').where('uscc', '=', a).execute();
    expect(periods.every((p) => Number(p.first_run_id) === 7)).toBe(true);
  });

  it("merges across a year boundary when the bridging month arrives last, keeping the last month's base and reason", async () => {
    await importRows(t.ctx, rosterImport, [rosterRow(b, 200, 202311), rosterRow(b, 200, 202312)]);
    await importRows(t.ctx, rosterImport, [
      rosterRow(b, 200, 202402),
      rosterRow(b, 200, 202403, { base: '7,000.50', leave_reason: '退休' }),
    ]);
    expect(await spellsOf(200)).toHaveLength(2);
    const bridged = await importRows(t.ctx, rosterImport, [rosterRow(b, 200, 202401)]);
    expect(bridged.accepted).toBe(1);
    expect(await spellsOf(200)).toEqual([
      { uscc: b, first_period: 202311, last_period: 202403, leave_reason: 'retirement', base_fen: 700_050 },
    ]);
  });

  it("keeps a person's spells at two enterprises apart and stores the person once", async () => {
    await importRows(t.ctx, rosterImport, [
      rosterRow(a, 300, 202401),
      rosterRow(b, 300, 202402),
      rosterRow(a, 300, 202403),
    ]);
    expect((await spellsOf(300)).map((s) => [s.uscc === a ? 'a' : 'b', s.first_period, s.last_period]).sort()).toEqual(
      [
        ['a', 202401, 202401],
        ['a', 202403, 202403],
        ['b', 202402, 202402],
      ].sort(),
    );
    const persons = await t.ctx.db
      .selectFrom('persons')
      .select('id')
      .where('id_index', '=', t.ctx.cipher.blindIndex('id', personIdNumber(300)))
      .execute();
    expect(persons).toHaveLength(1);
  });

  it('refuses rows of enterprises missing from the register, and stores nothing of them', async () => {
    const unregistered = buildEnterprise().uscc;
    const before = await countWorkforceRows(t.ctx);
    const result = await importRows(t.ctx, rosterImport, [
      rosterRow(unregistered, 400, 202401),
      rosterRow(a, 401, 202401),
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejects).toEqual([
      expect.objectContaining({ line: 2, column: '统一社会信用代码', code: 'ENTERPRISE_NOT_IN_REGISTER' }),
    ]);
    expect((await countWorkforceRows(t.ctx)).persons).toBe(before.persons! + 1);
    expect(await spellsOf(400)).toEqual([]);
  });

  it('never stores an ID number in clear', async () => {
    const persons = await t.ctx.db.selectFrom('persons').selectAll().execute();
    const text = JSON.stringify(persons);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    for (const serial of [100, 200, 300, 401]) expect(text).not.toContain(personIdNumber(serial));
  });

  it('yields the maximal runs of months whatever the order, repetition and batching of the rows', async () => {
    let serial = 5_000;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ enterprise: fc.constantFrom(0, 1), offset: fc.integer({ min: 0, max: 26 }) }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        async (rows, keys, batches) => {
          serial += 1;
          const usccs = [a, b];
          const cells = rows.map((r) => rosterRow(usccs[r.enterprise]!, serial, addMonths(202211, r.offset)));
          const shuffled = [...cells, ...cells.slice(0, keys.length % cells.length)]
            .map((c, i) => ({ c, k: keys[i % keys.length]! }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.c);
          const size = Math.ceil(shuffled.length / batches);
          for (let i = 0; i < shuffled.length; i += size)
            await importRows(t.ctx, rosterImport, shuffled.slice(i, i + size));
          const expected = usccs.flatMap((uscc, e) =>
            maximalRuns(rows.filter((r) => r.enterprise === e).map((r) => addMonths(202211, r.offset))).map(
              ([first, last]) => [uscc, first, last],
            ),
          );
          expect((await spellsOf(serial)).map((s) => [s.uscc, s.first_period, s.last_period]).sort()).toEqual(
            expected.sort(),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives the same spells, counts and refused lines when one import writes many small windows', async () => {
    let serial = 7_000;
    const unregistered = buildEnterprise().uscc;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            enterprise: fc.constantFrom(0, 1, 2),
            person: fc.integer({ min: 0, max: 2 }),
            offset: fc.integer({ min: 0, max: 26 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        async (rows, windowRows, windowPairs, flushesTwice) => {
          serial += 3;
          const usccs = [a, b, unregistered];
          const writer = new RosterWriter(t.ctx, { rows: windowRows, pairs: windowPairs });
          const totals = { accepted: 0, unchanged: 0, refused: [] as number[] };
          const flush = async () => {
            const outcome = await t.ctx.db.transaction().execute((trx) => writer.write(trx, 9));
            totals.accepted += outcome.accepted;
            totals.unchanged += outcome.unchanged;
            totals.refused.push(...outcome.rejects.map((r) => r.line));
          };
          for (const [i, row] of rows.entries()) {
            const parsed = parseRosterRow(
              rosterRow(usccs[row.enterprise]!, serial + row.person, addMonths(202211, row.offset)),
            );
            if (!parsed.ok) throw new Error('测试数据应当有效');
            writer.add(i + 2, parsed.record);
            if (writer.isFull()) await flush();
            // The runner also writes an empty window when a batch of parse rejects is due.
            if (flushesTwice[i]) await flush();
          }
          await flush();
          const refusedLines = rows.flatMap((r, i) => (r.enterprise === 2 ? [i + 2] : []));
          expect(totals.refused.sort((x, y) => x - y)).toEqual(refusedLines);
          expect(totals.accepted + totals.unchanged).toBe(rows.length - refusedLines.length);
          // Each distinct month of a registered pair is accepted exactly once, whatever the windows.
          expect(totals.accepted).toBe(
            new Set(rows.filter((r) => r.enterprise < 2).map((r) => `${r.enterprise}|${r.person}|${r.offset}`)).size,
          );
          for (const person of [0, 1, 2]) {
            const mine = rows.filter((r) => r.person === person && r.enterprise < 2);
            const expected = [0, 1].flatMap((e) =>
              maximalRuns(mine.filter((r) => r.enterprise === e).map((r) => addMonths(202211, r.offset))).map(
                ([first, last]) => [usccs[e], first, last],
              ),
            );
            expect(
              (await spellsOf(serial + person)).map((s) => [s.uscc, s.first_period, s.last_period]).sort(),
            ).toEqual(expected.sort());
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
