import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/dialects.ts';
import { ensurePersons, personIndexOf } from './persons.service.ts';
import {
  countWorkforceRows,
  createWorkforceTestContext,
  personIdNumber,
  type WorkforceTestContext,
} from '../test-factories.ts';

describe.each(testDialects())('persons on %s', (dialect) => {
  let t: WorkforceTestContext;
  beforeAll(async () => {
    t = await createWorkforceTestContext(dialect);
  });
  afterAll(() => t.close());

  it('stores each person once under the blind index, the number encrypted, birth date, sex and origin from the number', async () => {
    const { ctx } = t;
    const idNumber = personIdNumber(1_011);
    const ids = await ctx.db.transaction().execute((trx) =>
      ensurePersons(trx, ctx, [
        { idNumber, name: '张三' },
        { idNumber, name: '张三' },
      ]),
    );
    expect(ids.size).toBe(1);
    const again = await ctx.db.transaction().execute((trx) => ensurePersons(trx, ctx, [{ idNumber, name: '张叁' }]));
    expect([...again.values()]).toEqual([...ids.values()]);
    const rows = await ctx.db.selectFrom('persons').selectAll().execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      id_index: personIndexOf(ctx, idNumber),
      name: '张三',
      birth_date: idNumber.replace(/^\d{6}(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3'),
      origin_province: '32',
    });
    expect(row.sex).toBe(Number(idNumber[16]) % 2 === 1 ? 'male' : 'female');
    expect(ctx.cipher.decrypt(row.id_enc)).toBe(idNumber);
    expect(JSON.stringify(rows)).not.toContain(idNumber);
  });

  it('creates thousands of persons in chunked multi-row statements and finds them again', async () => {
    const { ctx } = t;
    const people = Array.from({ length: 9_000 }, (_, i) => ({ idNumber: personIdNumber(i), name: `人员${i}` }));
    const before = (await countWorkforceRows(ctx)).persons!;
    const ids = await ctx.db.transaction().execute((trx) => ensurePersons(trx, ctx, people));
    expect(ids.size).toBe(9_000);
    expect(new Set(ids.values()).size).toBe(9_000);
    const after = (await countWorkforceRows(ctx)).persons!;
    // personIdNumber(1_011) above is among them and was already stored.
    expect(after - before).toBe(8_999);
    const again = await ctx.db.transaction().execute((trx) => ensurePersons(trx, ctx, people.slice(0, 5_000)));
    for (const [index, id] of again) expect(ids.get(index)).toBe(id);
    expect((await countWorkforceRows(ctx)).persons).toBe(after);
  });
});
