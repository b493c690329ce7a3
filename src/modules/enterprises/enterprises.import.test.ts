import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/dialects.ts';
import { loadReferenceData } from '../reference/reference.loader.ts';
import { buildEnterpriseCells, contextFor, nextUscc, type EnterpriseCells } from './enterprises.fixtures.ts';
import { enterprisesImport, type EnterpriseBatchOutcome } from './enterprises.import.ts';

describe.each(testDialects())('enterprise register import on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: AppContext;
  let runId: number;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadReferenceData(database.db);
    ctx = contextFor(database);
    const run = await ctx.db
      .insertInto('import_runs')
      .values({
        kind: 'enterprises',
        file_name: 'peiyuku.csv',
        file_sha256: '0'.repeat(64),
        status: 'running',
        started_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    runId = Number(run.id);
  });
  afterAll(() => database.destroy());

  /** Parses like the runner (a row that does not parse fails the test) and writes one batch. */
  async function importBatch(rows: EnterpriseCells[]): Promise<EnterpriseBatchOutcome> {
    const parsed = rows.map((cells, i) => {
      const result = enterprisesImport.parseRow(cells);
      if (!result.ok) throw new Error(JSON.stringify(result.rejects));
      return { line: i + 2, record: result.record };
    });
    return (await ctx.db
      .transaction()
      .execute((trx) => enterprisesImport.writeBatch(trx, ctx, parsed, runId))) as EnterpriseBatchOutcome;
  }
  const changesOf = (uscc: string) =>
    ctx.db.selectFrom('enterprise_changes').selectAll().where('uscc', '=', uscc).orderBy('seq').execute();
  const enterprise = (uscc: string) =>
    ctx.db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirstOrThrow();

  it('writes good rows with their city, history and feed entry, the phone only encrypted', async () => {
    const rows = [
      buildEnterpriseCells({ tier: '“小巨人”', phone: '139 1234 5678' }),
      buildEnterpriseCells({ region_code: '320576', name: '苏州园区测试科技有限公司' }),
      buildEnterpriseCells({ region_code: '320602', name: '南通崇川测试有限公司', phone: '' }),
    ];
    const outcome = await importBatch(rows);
    expect(outcome).toMatchObject({ accepted: 3, unchanged: 0, rejects: [] });
    const [nanjing, suzhou, nantong] = await Promise.all(rows.map((r) => enterprise(String(r.uscc))));
    expect(nanjing).toMatchObject({
      tier: 'little_giant',
      region_code: '320115',
      city_code: '320100',
      size: 'medium',
      industry_code: '34',
    });
    expect(nanjing!.contact_phone_enc).not.toContain('13912345678');
    expect(nanjing!.contact_phone_index).toBe(ctx.cipher.blindIndex('phone', '13912345678'));
    expect(ctx.cipher.decrypt(nanjing!.contact_phone_enc!)).toBe('13912345678');
    expect(suzhou).toMatchObject({ region_code: '320500', city_code: '320500' });
    expect(nantong).toMatchObject({ region_code: '320613', city_code: '320600', contact_phone_enc: null });
    // The mapped codes are said in the rows' outcome, never silently.
    expect(outcome.notes).toEqual([
      { line: 3, message: expect.stringContaining('320576 苏州工业园区是统计用区划代码') },
      { line: 4, message: expect.stringContaining('320602') },
    ]);
    const history = await ctx.db
      .selectFrom('enterprise_recognitions')
      .selectAll()
      .where('uscc', '=', String(rows[0]!.uscc))
      .execute();
    expect(history).toMatchObject([{ tier: 'little_giant', recognized_on: '2024-01-15', source: `import:${runId}` }]);
    expect(await changesOf(String(rows[0]!.uscc))).toHaveLength(1);
  });

  it('refuses rows whose region or industry is unknown, with reason codes and columns', async () => {
    const rows = [
      buildEnterpriseCells({ region_code: '110108' }),
      buildEnterpriseCells({ region_code: '320000' }),
      buildEnterpriseCells({ region_code: '329999' }),
      buildEnterpriseCells({ industry_code: '98' }),
      buildEnterpriseCells(),
    ];
    const outcome = await importBatch(rows);
    expect(outcome.accepted).toBe(1);
    expect(outcome.rejects).toEqual([
      { line: 2, column: '所在地区代码', code: 'REGION_UNKNOWN', message: expect.stringContaining('不是江苏省') },
      { line: 3, column: '所在地区代码', code: 'REGION_UNKNOWN', message: expect.stringContaining('320000') },
      { line: 4, column: '所在地区代码', code: 'REGION_UNKNOWN', message: expect.any(String) },
      { line: 5, column: '行业代码', code: 'INDUSTRY_UNKNOWN', message: expect.any(String) },
    ]);
    const stored = await ctx.db
      .selectFrom('enterprises')
      .select('uscc')
      .where(
        'uscc',
        'in',
        rows.map((r) => String(r.uscc)),
      )
      .execute();
    expect(stored.map((s) => s.uscc)).toEqual([String(rows[4]!.uscc)]);
  });

  it('keeps a code registered in another province, and notes it and a class cut to its division', async () => {
    const uscc = makeUsccForSerial('110108', 77_000_001);
    const outcome = await importBatch([buildEnterpriseCells({ uscc, industry_code: 'C3411' })]);
    expect(outcome.accepted).toBe(1);
    expect(outcome.notes.map((n) => n.message)).toEqual([
      expect.stringContaining('行业代码 C3411 按大类 34 记录'),
      expect.stringContaining('110108 不在江苏省'),
    ]);
    expect(await enterprise(uscc)).toMatchObject({ region_code: '320115', industry_code: '34' });
  });

  it('counts the same batch again as unchanged and writes nothing', async () => {
    const rows = [
      buildEnterpriseCells(),
      buildEnterpriseCells({ region_code: '320576' }),
      buildEnterpriseCells({ tier: '创新型' }),
    ];
    expect((await importBatch(rows)).accepted).toBe(3);
    const before = await ctx.db
      .selectFrom('enterprises')
      .selectAll()
      .where(
        'uscc',
        'in',
        rows.map((r) => String(r.uscc)),
      )
      .orderBy('uscc')
      .execute();
    const changes = await ctx.db
      .selectFrom('enterprise_changes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const again = await importBatch(rows);
    expect(again).toMatchObject({ accepted: 0, unchanged: 3, rejects: [] });
    const after = await ctx.db
      .selectFrom('enterprises')
      .selectAll()
      .where(
        'uscc',
        'in',
        rows.map((r) => String(r.uscc)),
      )
      .orderBy('uscc')
      .execute();
    expect(after).toEqual(before);
    expect(
      await ctx.db
        .selectFrom('enterprise_changes')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(changes);
  });

  it('records a tier change in the history and the change feed', async () => {
    const uscc = nextUscc();
    await importBatch([
      buildEnterpriseCells({ uscc, tier: '专精特新', recognized_on: '2022-03-01', valid_until: '2025-02-28' }),
    ]);
    const first = await enterprise(uscc);
    const outcome = await importBatch([
      buildEnterpriseCells({
        uscc,
        tier: '专精特新“小巨人”企业',
        recognized_on: '2024-07-01',
        valid_until: '2027-06-30',
      }),
    ]);
    expect(outcome).toMatchObject({ accepted: 1, unchanged: 0 });
    const now = await enterprise(uscc);
    expect(now).toMatchObject({
      tier: 'little_giant',
      recognized_on: '2024-07-01',
      valid_until: '2027-06-30',
      created_at: first.created_at,
    });
    const history = await ctx.db
      .selectFrom('enterprise_recognitions')
      .select(['tier', 'recognized_on'])
      .where('uscc', '=', uscc)
      .orderBy('recognized_on')
      .execute();
    expect(history).toEqual([
      { tier: 'srdi', recognized_on: '2022-03-01' },
      { tier: 'little_giant', recognized_on: '2024-07-01' },
    ]);
    const changes = await changesOf(uscc);
    expect(changes).toHaveLength(2);
    expect(Number(now.change_seq)).toBe(Number(changes[1]!.seq));
  });

  it('adds an older recognition to the history only, whatever the row order', async () => {
    const uscc = nextUscc();
    const newer = buildEnterpriseCells({
      uscc,
      tier: '小巨人',
      recognized_on: '2024-07-01',
      valid_until: '2027-06-30',
    });
    const older = buildEnterpriseCells({
      uscc,
      tier: '创新型',
      recognized_on: '2021-05-01',
      valid_until: '2024-04-30',
      name: '旧名称',
    });
    const outcome = await importBatch([newer, older]);
    expect(outcome).toMatchObject({ accepted: 2 });
    expect(outcome.notes.at(-1)?.message).toContain('仅记入梯度历史');
    expect(await enterprise(uscc)).toMatchObject({ tier: 'little_giant', name: '南京扬帆测试装备有限公司' });
    expect(await changesOf(uscc)).toHaveLength(1); // one feed entry per enterprise and batch
    expect((await importBatch([older, newer])).unchanged).toBe(2);
  });

  it('writes a batch larger than one statement may bind on either database', async () => {
    const rows = Array.from({ length: 2100 }, (_, i) => buildEnterpriseCells({ name: `批量测试企业${i}` }));
    const outcome = await importBatch(rows);
    expect(outcome).toMatchObject({ accepted: 2100, rejects: [] });
    expect((await importBatch(rows)).unchanged).toBe(2100);
  });
});
