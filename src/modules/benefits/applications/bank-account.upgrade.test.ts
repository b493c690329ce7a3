import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../app-context.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../../db/database.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { migrationProvider } from '../../../db/migrations/index.ts';
import { createPersonalDataCipher } from '../../../platform/crypto/personal-data.ts';
import { TEST_KEYS } from '../../../test/app.ts';
import { bindTestAuditChain, testDialects, testPostgresUrl } from '../../../test/dialects.ts';
import { encryptStoredBankAccounts } from './bank-account.ts';

// A database as the release before encrypted accounts left it (schema up to 20261127T2300), with
// rows written the way that release wrote them: the account and the payment file in plaintext,
// and two runs of one policy and period left running side by side.
const BEFORE = '20261127T2300_benefit_delivery';
const USCC = '91320115MA1X000001';
const ACCOUNT = '6216610000009876';
const FILE = `\ufeff指令编号,案件编号,统一社会信用代码,收款单位,开户银行,银行账号,金额（元）,摘要\r\n1-1,1,${USCC},旧企业,中国银行,${ACCOUNT},48000.00,stable_jobs_refund 2024\r\n`;
const AT = '2025-01-02T02:00:00.000Z';

describe.each(testDialects())('upgrading a database that kept accounts in plaintext on %s', (dialect) => {
  let database: DatabaseHandle & { destroy(): Promise<void> };
  let ctx: AppContext;
  beforeAll(async () => {
    database = await databaseAt(dialect, BEFORE);
    await seedOldRelease(database.db as unknown as Kysely<any>);
    await migrateToLatest(database);
    bindTestAuditChain(database);
    ctx = {
      db: database.db,
      dialect,
      config: { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), keys: TEST_KEYS },
      cipher: createPersonalDataCipher(TEST_KEYS),
      clock: () => new Date(AT),
    };
  }, 60_000);
  afterAll(() => database.destroy());

  it('loses no account or payment file: the start-up step encrypts them and empties the plaintext, once', async () => {
    expect(await encryptStoredBankAccounts(ctx)).toEqual({ cases: 1, files: 1 });
    const row = await ctx.db.selectFrom('benefit_cases').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ bank_account: null, bank_account_tail: '9876' });
    expect(ctx.cipher.decrypt(row.bank_account_enc!)).toBe(ACCOUNT);
    const batch = await ctx.db.selectFrom('benefit_payment_batches').selectAll().executeTakeFirstOrThrow();
    expect([batch.content, ctx.cipher.decrypt(batch.content_enc!)]).toEqual(['', FILE]);
    expect(await encryptStoredBankAccounts(ctx)).toEqual({ cases: 0, files: 0 });
    expect(await ctx.db.selectFrom('benefit_cases').selectAll().executeTakeFirstOrThrow()).toEqual(row);
  });

  it('keeps the newest of runs left running side by side and marks the older one interrupted', async () => {
    const runs = await ctx.db
      .selectFrom('benefit_match_runs')
      .select(['id', 'period', 'status', 'phase', 'finished_at'])
      .orderBy('id')
      .execute();
    expect(runs.map((r) => [Number(r.id), r.period, r.status, r.phase])).toEqual([
      [1, '2025', 'failed', 'interrupted'],
      [2, '2025', 'running', 'facts'],
      [3, '2024', 'running', 'facts'],
      [4, '2025', 'completed', 'done'],
    ]);
    expect(runs[0]!.finished_at).toBe(AT);
  });
});

async function seedOldRelease(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('regions')
    .values([
      { code: '320100', name: '南京市', level: 'city', kind: 'city', city_code: '320100' },
      { code: '320115', name: '江宁区', level: 'county', kind: 'district', city_code: '320100' },
    ])
    .execute();
  await db
    .insertInto('enterprises')
    .values({
      uscc: USCC,
      name: '南京扬帆装备有限公司',
      region_code: '320115',
      city_code: '320100',
      tier: 'srdi',
      recognized_on: '2024-01-01',
      valid_until: '2026-12-31',
      content_hash: 'x',
      change_seq: 1,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('policy_versions')
    .values({
      code: 'stable_jobs_refund',
      version_no: 1,
      version: '2025',
      status: 'active',
      source: 'file',
      content_sha256: 'x',
      definition: '{}',
      created_at: AT,
    })
    .execute();
  const run = (period: string, status: string, phase: string) => ({
    policy_code: 'stable_jobs_refund',
    policy_version_id: 1,
    version_no: 1,
    period,
    eval_date: `${period}-12-31`,
    snapshot: '{}',
    status,
    phase,
    started_at: AT,
    heartbeat_at: AT,
  });
  await db
    .insertInto('benefit_match_runs')
    .values([
      run('2025', 'running', 'facts'),
      run('2025', 'running', 'facts'),
      run('2024', 'running', 'facts'),
      run('2025', 'completed', 'done'),
    ])
    .execute();
  await db
    .insertInto('benefit_cases')
    .values({
      policy_code: 'stable_jobs_refund',
      period: '2024',
      uscc: USCC,
      enterprise_name: '南京扬帆装备有限公司',
      region_code: '320115',
      city_code: '320100',
      state: 'confirmed',
      amount_fen: 4_800_000,
      is_amount_changed: 0,
      explanation: '[]',
      policy_version_id: 1,
      run_id: 4,
      last_run_id: 4,
      bank_name: '中国银行',
      bank_account: ACCOUNT,
      account_holder: '南京扬帆装备有限公司',
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('benefit_payment_batches')
    .values({
      file_name: 'payment-20250102.csv',
      content: FILE,
      sha256: 'x',
      payments: 1,
      total_fen: 4_800_000,
      created_at: AT,
    })
    .execute();
}

/** A fresh database of the dialect, migrated only up to (and including) `migration`. */
async function databaseAt(dialect: Dialect, migration: string): Promise<DatabaseHandle & { destroy(): Promise<void> }> {
  let handle: DatabaseHandle;
  let cleanUp: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-upgrade-'));
    handle = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'old.db') });
    cleanUp = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = testPostgresUrl()!;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await withClient(url, (client) => client.query(`create schema ${schema}`));
    handle = openDatabase({ dialect: 'postgres', url, schema });
    cleanUp = () => withClient(url, (client) => client.query(`drop schema ${schema} cascade`)).then(() => undefined);
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: migrationProvider(handle.dialect),
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error } = await migrator.migrateTo(migration);
  if (error) throw error;
  return {
    ...handle,
    async destroy() {
      await handle.close();
      await cleanUp();
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
