import type { Insertable } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import type { Dialect } from '../../db/database.ts';
import { createPersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import { makeIdNumber } from '../../platform/identifiers/id-number.ts';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { TEST_KEYS } from '../../test/app.ts';
import { createTestDatabase } from '../../test/dialects.ts';
import type { EnterpriseTable } from '../enterprises/enterprises.table.ts';
import type { BatchOutcome, ImportKind, RawCell, RowReject } from '../imports/import-kind.ts';
import { loadReferenceData } from '../reference/reference.loader.ts';

/**
 * Test data for the workforce module. Enterprises are inserted into the register table
 * directly, so these tests do not wait for the register's own import.
 */

let enterpriseSerial = 40_000_000;

/** An enterprise register row (南京 江宁区, 专精特新) with a fresh valid credit code. */
export function buildEnterprise(overrides: Partial<Insertable<EnterpriseTable>> = {}): Insertable<EnterpriseTable> {
  enterpriseSerial += 1;
  const regionCode = overrides.region_code ?? '320115';
  const now = '2026-01-01T00:00:00.000Z';
  return {
    uscc: makeUsccForSerial(regionCode, enterpriseSerial),
    name: `测试企业${enterpriseSerial}有限公司`,
    region_code: regionCode,
    city_code: `${regionCode.slice(0, 4)}00`,
    industry_code: null,
    size: 'small',
    tier: 'srdi',
    recognized_on: '2023-07-01',
    valid_until: '2026-06-30',
    contact_name: null,
    contact_phone_enc: null,
    contact_phone_index: null,
    content_hash: `test-${enterpriseSerial}`,
    change_seq: enterpriseSerial,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

/** Inserts an enterprise into the register and returns its credit code. */
export async function insertEnterprise(
  ctx: AppContext,
  overrides: Partial<Insertable<EnterpriseTable>> = {},
): Promise<string> {
  const row = buildEnterprise(overrides);
  await ctx.db.insertInto('enterprises').values(row).execute();
  return row.uscc;
}

/** A valid ID number (南京 玄武区), distinct for every serial below 13 million. */
export function personIdNumber(serial: number): string {
  const day = String(1 + (serial % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(serial / 28) % 12)).padStart(2, '0');
  const year = 1970 + (Math.floor(serial / 336) % 40);
  return makeIdNumber('320102', `${year}-${month}-${day}`, Math.floor(serial / 13_440) % 1000);
}

export interface WorkforceTestContext {
  ctx: AppContext;
  close(): Promise<void>;
}

/** A service-level context on a fresh, migrated database with the reference data loaded. */
export async function createWorkforceTestContext(dialect: Dialect): Promise<WorkforceTestContext> {
  const database = await createTestDatabase(dialect);
  await loadReferenceData(database.db);
  const config = { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), keys: TEST_KEYS };
  const ctx: AppContext = {
    db: database.db,
    dialect,
    config,
    cipher: createPersonalDataCipher(TEST_KEYS),
    clock: () => new Date(),
  };
  return { ctx, close: () => database.destroy() };
}

export interface ImportResult extends BatchOutcome {
  /** Rows refused by parseRow, before any writing. */
  parseRejects: RowReject[];
}

/** Parses rows as the runner would and writes the valid ones as one batch in one transaction. */
export async function importRows<R>(
  ctx: AppContext,
  kind: ImportKind<R>,
  rows: Record<string, RawCell>[],
  runId = 1,
): Promise<ImportResult> {
  const valid: { line: number; record: R }[] = [];
  const parseRejects: RowReject[] = [];
  rows.forEach((cells, i) => {
    const parsed = kind.parseRow(cells);
    if (parsed.ok) valid.push({ line: i + 2, record: parsed.record });
    else parseRejects.push(...parsed.rejects.map((r) => ({ ...r, line: i + 2 })));
  });
  const outcome = await ctx.db.transaction().execute((trx) => kind.writeBatch(trx, ctx, valid, runId));
  return { ...outcome, parseRejects };
}

/** Row counts of the workforce tables, for "nothing new was written" checks. */
export async function countWorkforceRows(ctx: AppContext): Promise<Record<string, number>> {
  const tables = [
    'persons',
    'employment_spells',
    'roster_periods',
    'contributions',
    'graduates',
    'skill_certificates',
    'professional_titles',
    'unemployment_registrations',
    'poverty_status',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
