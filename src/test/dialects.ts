import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { openDatabase, type DatabaseHandle, type Dialect } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { bindAuditChain, boundAuditChain } from '../platform/audit/audit-chain.ts';
import { settleAuditChain } from '../platform/audit/audit-checkpoints.ts';

/** The MAC key tests chain their audit rows with (the same as buildTestApp's TEST_KEYS.mac). */
export const TEST_MAC_KEY = Buffer.alloc(32, 8);
const TEST_AUDIT_CHAIN = { macKey: TEST_MAC_KEY, everyRows: 100, everyMinutes: 0 };

/** Binds the test audit key to a handle a test opened itself (createTestDatabase does it for its own). */
export function bindTestAuditChain(handle: DatabaseHandle): void {
  bindAuditChain(handle, TEST_AUDIT_CHAIN);
}

/** The PostgreSQL server tests may use, if any (YANGFAN_TEST_PG wins over DATABASE_URL). */
export function testPostgresUrl(): string | undefined {
  return process.env.YANGFAN_TEST_PG || process.env.DATABASE_URL || undefined;
}

/**
 * Dialects every repository and service test runs on: DIALECTS=sqlite,postgres, or by
 * default SQLite plus PostgreSQL when a test server is configured.
 */
export function testDialects(): Dialect[] {
  const listed = process.env.DIALECTS?.split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const dialects = (listed ?? ['sqlite', ...(testPostgresUrl() ? ['postgres'] : [])]) as Dialect[];
  for (const d of dialects) {
    if (d !== 'sqlite' && d !== 'postgres') throw new Error(`DIALECTS 中有未知方言：${d}`);
    if (d === 'postgres' && !testPostgresUrl()) throw new Error('DIALECTS 含 postgres，但未设置 YANGFAN_TEST_PG');
  }
  return dialects;
}

export interface TestDatabase extends DatabaseHandle {
  /** How it was opened: a second handle on it stands for another server process. */
  config?: DatabaseConfig;
  /** Drops the private schema (PostgreSQL) or the temporary file (SQLite). */
  destroy(): Promise<void>;
}

/** A fresh, migrated database private to one test file: a temp file or a new PG schema. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-test-'));
    const config: DatabaseConfig = { dialect: 'sqlite', path: path.join(dir, 'test.db') };
    const handle = openDatabase(config);
    await migrateToLatest(handle);
    bindTestAuditChain(handle);
    return {
      ...handle,
      config,
      async destroy() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = testPostgresUrl()!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(url, (client) => client.query(`create schema ${schema}`));
  const config: DatabaseConfig = { dialect: 'postgres', url, schema };
  const handle = openDatabase(config);
  await migrateToLatest(handle);
  bindTestAuditChain(handle);
  return {
    ...handle,
    config,
    async destroy() {
      await settleAuditChain(boundAuditChain(handle.db));
      await handle.close();
      await withAdminClient(url, (client) => client.query(`drop schema ${schema} cascade`));
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
