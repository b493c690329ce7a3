import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { migrationProvider } from '../../db/migrations/index.ts';
import { testDialects, testPostgresUrl, TEST_MAC_KEY } from '../../test/dialects.ts';
import { systemActor } from '../auth/current-user.ts';
import { bindAuditChain, GENESIS_HASH, plainChainHash, type AuditChain, type ChainedFields } from './audit-chain.ts';
import { writeAuditCheckpoint } from './audit-checkpoints.ts';
import { appendAudit } from './audit.ts';
import { verifyAuditChain } from './audit-verify.ts';

// A database as the release with the unkeyed SM3 chain left it: 10 rows with plain links.
const BEFORE = '20261127T2800_outbox_channel_index';

function legacyRow(i: number): ChainedFields {
  return {
    at: `2026-11-0${1 + (i % 9)}T00:00:00.000Z`,
    actor_id: null,
    actor_name: 'system',
    actor_role: null,
    action: 'test.legacy',
    object_type: null,
    object_id: String(i),
    outcome: 'success',
    request_id: null,
    ip: null,
    details: null,
  };
}

describe.each(testDialects())('upgrading a database with an unkeyed audit chain on %s', (dialect) => {
  let handle: DatabaseHandle;
  let cleanUp: () => Promise<void>;
  let chain: AuditChain;
  beforeAll(async () => {
    ({ handle, cleanUp } = await databaseAt(dialect));
    let prevHash = GENESIS_HASH;
    for (let i = 1; i <= 10; i++) {
      const fields = legacyRow(i);
      const hash = plainChainHash(prevHash, fields);
      await handle.db
        .insertInto('audit_log')
        .values({ ...fields, prev_hash: prevHash, hash })
        .execute();
      prevHash = hash;
    }
    await migrateToLatest(handle);
    chain = bindAuditChain(handle, {
      macKey: TEST_MAC_KEY,
      checkpointFile: path.join(dir, 'audit-checkpoints.jsonl'),
      everyRows: 100,
      everyMinutes: 0,
    });
  }, 60_000);
  let dir: string;
  afterAll(async () => {
    await handle.close();
    await cleanUp();
  });

  it('keeps the old rows as they were and keys the chain from the next sequence number', async () => {
    for (let i = 0; i < 5; i++)
      await appendAudit(handle.db, dialect, systemActor(), { action: 'test.write', outcome: 'success' }, new Date());
    await writeAuditCheckpoint(chain);
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: true,
      checked: 15,
      keyed_from: 11,
      last_checkpoint: { seq: 15, row_count: 15 },
    });
  });

  it('reports the old rows recomputed: the first keyed row no longer follows them', async () => {
    if (dialect === 'postgres') await sql`alter table audit_log disable trigger user`.execute(handle.db);
    else await sql`drop trigger audit_log_no_update`.execute(handle.db);
    let prevHash = GENESIS_HASH;
    for (let i = 1; i <= 10; i++) {
      const fields = { ...legacyRow(i), outcome: i === 4 ? ('failure' as const) : ('success' as const) };
      const hash = plainChainHash(prevHash, fields);
      await handle.db
        .updateTable('audit_log')
        .set({ outcome: fields.outcome, prev_hash: prevHash, hash })
        .where('id', '=', i)
        .execute();
      prevHash = hash;
    }
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: false,
      checked: 10,
      first_broken: { id: 11, reason: 'link_mismatch' },
    });
  });

  async function databaseAt(d: Dialect): Promise<{ handle: DatabaseHandle; cleanUp: () => Promise<void> }> {
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-audit-upgrade-'));
    let opened: DatabaseHandle;
    let drop = async () => {};
    if (d === 'sqlite') opened = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'old.db') });
    else {
      const url = testPostgresUrl()!;
      const schema = `t_${randomBytes(6).toString('hex')}`;
      await withClient(url, `create schema ${schema}`);
      opened = openDatabase({ dialect: 'postgres', url, schema });
      drop = () => withClient(url, `drop schema ${schema} cascade`);
    }
    const migrator = new Migrator({
      db: opened.db,
      provider: migrationProvider(d),
      ...(opened.schema ? { migrationTableSchema: opened.schema } : {}),
    });
    const { error } = await migrator.migrateTo(BEFORE);
    if (error) throw error;
    return {
      handle: opened,
      cleanUp: async () => {
        await drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
});

async function withClient(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
