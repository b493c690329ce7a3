import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/dialects.ts';
import {
  countWorkforceRows,
  createWorkforceTestContext,
  importRows,
  insertEnterprise,
  personIdNumber,
  type WorkforceTestContext,
} from '../test-factories.ts';
import { rosterImport } from './roster.import.ts';

// Enough persons for a window to be sealed in worker threads and written in several slices.
const PERSONS = 2_600;

const monthRows = (uscc: string, serials: readonly number[], period: number) =>
  serials.map((serial) => ({
    uscc,
    id_number: personIdNumber(serial),
    name: `员工${serial}`,
    period: String(period),
    base: '6000',
  }));

const serials = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe.each(testDialects())('a first load of a roster on %s', (dialect) => {
  let t: WorkforceTestContext;
  let a: string;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
    a = await insertEnterprise(t.ctx);
  });
  afterAll(() => t.close());

  const storedPersons = async () =>
    t.ctx.db.selectFrom('persons').select(['id', 'id_index', 'id_enc', 'name']).orderBy('id').execute();

  it('stores every new person sealed as the cipher seals them, and one spell each', async () => {
    const result = await importRows(t.ctx, rosterImport, monthRows(a, serials(0, PERSONS), 202401));
    expect(result).toMatchObject({ accepted: PERSONS, unchanged: 0, rejects: [] });
    const persons = await storedPersons();
    expect(persons).toHaveLength(PERSONS);
    const serialOf = new Map(serials(0, PERSONS).map((serial) => [personIdNumber(serial), serial]));
    for (const person of persons) {
      const idNumber = t.ctx.cipher.decrypt(person.id_enc);
      expect(person.id_index).toBe(t.ctx.cipher.blindIndex('id', idNumber));
      expect(person.name).toBe(`员工${serialOf.get(idNumber)}`);
    }
    expect(await countWorkforceRows(t.ctx)).toMatchObject({ persons: PERSONS, employment_spells: PERSONS });
  });

  it('takes the next month of the same persons as extensions, and the same file again as nothing', async () => {
    const next = monthRows(a, serials(0, PERSONS), 202402);
    expect(await importRows(t.ctx, rosterImport, next)).toMatchObject({ accepted: PERSONS, unchanged: 0 });
    const before = await countWorkforceRows(t.ctx);
    expect(before).toMatchObject({ persons: PERSONS, employment_spells: PERSONS });
    expect(await importRows(t.ctx, rosterImport, next)).toMatchObject({ accepted: 0, unchanged: PERSONS });
    expect(await countWorkforceRows(t.ctx)).toEqual(before);
  });

  it('finds persons already stored among new ones, whichever way it expected them', async () => {
    // New persons first (the writer comes to expect new ones and inserts before looking up),
    // then 500 stored ones and more new ones: each stored person keeps its id, name and spell.
    const idsBefore = new Map((await storedPersons()).map((p) => [p.id_index, p.id]));
    const rows = [
      ...monthRows(a, serials(PERSONS, 1_500), 202403),
      ...monthRows(a, serials(0, 500), 202403),
      ...monthRows(a, serials(PERSONS + 1_500, 1_000), 202403),
    ];
    expect(await importRows(t.ctx, rosterImport, rows)).toMatchObject({ accepted: 3_000, unchanged: 0, rejects: [] });
    const persons = await storedPersons();
    expect(persons).toHaveLength(PERSONS + 2_500);
    for (const [index, id] of idsBefore) expect(persons.find((p) => p.id_index === index)?.id).toBe(id);
    const extended = await t.ctx.db
      .selectFrom('employment_spells')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('first_period', '=', 202401)
      .where('last_period', '=', 202403)
      .executeTakeFirstOrThrow();
    expect(Number(extended.n)).toBe(500);
    expect(await countWorkforceRows(t.ctx)).toMatchObject({ employment_spells: PERSONS + 2_500 });
  });
});
