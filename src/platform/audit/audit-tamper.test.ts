import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db, Dialect } from '../../db/database.ts';
import { createTestDatabase, testDialects, TEST_MAC_KEY, type TestDatabase } from '../../test/dialects.ts';
import { systemActor } from '../auth/current-user.ts';
import { bindAuditChain, plainChainHash, type AuditChain } from './audit-chain.ts';
import { writeAuditCheckpoint } from './audit-checkpoints.ts';
import { appendAudit } from './audit.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { listAuditRowsAfter } from './audit-seals.repository.ts';

const EVERY_ROWS = 25;

async function appendRows(db: Db, dialect: Dialect, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await appendAudit(
      db,
      dialect,
      systemActor(),
      { action: 'test.write', outcome: 'success', objectId: i },
      new Date(),
    );
  }
}

/** What someone with the database but not the key can do: lift the append-only triggers. */
async function liftTriggers(database: TestDatabase): Promise<void> {
  if (database.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(database.db);
    await sql`alter table audit_seals disable trigger user`.execute(database.db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(database.db);
    await sql`drop trigger audit_log_no_delete`.execute(database.db);
  }
}

/** Changes one row and recomputes every link from there on with plain (unkeyed) SM3, where the links are kept. */
async function changeAndRecompute(database: TestDatabase, id: number): Promise<void> {
  await liftTriggers(database);
  await database.db.updateTable('audit_log').set({ outcome: 'failure' }).where('id', '=', id).execute();
  const rows = await listAuditRowsAfter(database.db, database.dialect, id - 1, 1000);
  let prevHash = rows[0]!.prev_hash;
  for (const row of rows) {
    const { id: rowId, seq, prev_hash: _prev, hash: _hash, ...fields } = row;
    const hash = plainChainHash(prevHash, {
      ...fields,
      actor_id: fields.actor_id === null ? null : Number(fields.actor_id),
    });
    if (database.dialect === 'postgres')
      await database.db.updateTable('audit_seals').set({ prev_hash: prevHash, hash }).where('seq', '=', seq).execute();
    else
      await database.db.updateTable('audit_log').set({ prev_hash: prevHash, hash }).where('id', '=', rowId).execute();
    prevHash = hash;
  }
}

describe.each(testDialects())('audit chain against truncation and recomputation on %s', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  let chain: AuditChain;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-audit-'));
    chain = bindAuditChain(database, {
      macKey: TEST_MAC_KEY,
      checkpointFile: path.join(dir, 'audit-checkpoints.jsonl'),
      everyRows: EVERY_ROWS,
      everyMinutes: 0,
    });
    // Checkpoints are written off the writer's path, when the event loop turns after every N rows.
    for (let i = 0; i < 4; i++) {
      await appendRows(database.db, dialect, EVERY_ROWS);
      await new Promise((resolve) => setImmediate(resolve));
      await chain.pending;
    }
    await writeAuditCheckpoint(chain);
  });
  afterEach(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies in normal operation, with signed checkpoints written every N rows to the file (and the table on PostgreSQL)', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({
      ok: true,
      checked: 100,
      keyed_from: 1,
      last_checkpoint: { seq: 100, row_count: 100 },
    });
    const lines = readFileSync(chain.checkpointFile!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toMatchObject({ seq: 100, row_count: 100, keyed_from: 1 });
    expect(lines.at(-1).mac).toMatch(/^[0-9a-f]{64}$/);
    if (dialect === 'postgres') {
      const rows = await database.db.selectFrom('audit_checkpoints').select('seq').execute();
      expect(rows.map((r) => Number(r.seq))).toContain(100);
    }
    await appendRows(database.db, dialect, 3);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 103 });
  });

  it('reports truncation when the last 50 rows are deleted', async () => {
    await liftTriggers(database);
    await database.db.deleteFrom('audit_log').where('id', '>', 50).execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      checked: 50,
      first_broken: { id: 100, reason: 'truncated' },
    });
  });

  it('reports truncation when every row is deleted', async () => {
    await liftTriggers(database);
    await database.db.deleteFrom('audit_log').execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      checked: 0,
      first_broken: { id: 100, reason: 'truncated' },
    });
  });

  it('reports truncation when the tail is deleted and writing goes on past the checkpoint', async () => {
    await liftTriggers(database);
    await database.db.deleteFrom('audit_log').where('id', '>', 90).execute();
    await appendRows(database.db, dialect, 20);
    const result = await verifyAuditChain(database.db);
    // The first checkpoint past row 90 whose row is gone (one every 25 rows, or sooner).
    expect(result).toMatchObject({ ok: false, checked: 90, first_broken: { reason: 'truncated' } });
    expect(result.first_broken!.id).toBeGreaterThan(90);
    expect(result.first_broken!.id).toBeLessThanOrEqual(100);
  });

  it('reports recomputation when a row is changed and the plain SM3 hashes recomputed', async () => {
    await changeAndRecompute(database, 40);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      checked: 39,
      first_broken: { id: 40, reason: 'recomputed' },
    });
  });

  it('reports a changed row and a broken link at their sequence numbers', async () => {
    await liftTriggers(database);
    await database.db.updateTable('audit_log').set({ action: 'test.changed' }).where('id', '=', 30).execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      checked: 29,
      first_broken: { id: 30, reason: 'hash_mismatch' },
    });
    await database.db.updateTable('audit_log').set({ action: 'test.write' }).where('id', '=', 30).execute();
    await database.db.deleteFrom('audit_log').where('id', '=', 60).execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      checked: 59,
      first_broken: { id: 61, reason: 'link_mismatch' },
    });
  });

  it('reports a forged checkpoint', async () => {
    const forged = {
      chain: (await database.db.selectFrom('audit_chain').select('chain_id').executeTakeFirstOrThrow()).chain_id,
      seq: 100,
      head_hash: 'f'.repeat(64),
      row_count: 100,
      keyed_from: 1,
      at: new Date().toISOString(),
      mac: '0'.repeat(64),
    };
    appendFileSync(chain.checkpointFile!, `${JSON.stringify(forged)}\n`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      checked: 100,
      first_broken: { reason: 'checkpoint_invalid' },
    });
  });

  it('never signs a head behind the last checkpoint', async () => {
    await liftTriggers(database);
    await database.db.deleteFrom('audit_log').where('id', '>', 80).execute();
    expect(await writeAuditCheckpoint(chain)).toBeUndefined();
  });
});

describe.each(testDialects().filter((d) => d === 'postgres'))('append-only checkpoint table on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    const chain = bindAuditChain(database, { macKey: TEST_MAC_KEY, everyRows: EVERY_ROWS, everyMinutes: 0 });
    await appendRows(database.db, dialect, 3);
    // No checkpoint file here: the table alone.
    await writeAuditCheckpoint(chain);
  });
  afterEach(() => database.destroy());

  it('refuses UPDATE, DELETE and TRUNCATE of checkpoints, and TRUNCATE of the audit log', async () => {
    expect(await database.db.selectFrom('audit_checkpoints').select('seq').execute()).toHaveLength(1);
    await expect(database.db.updateTable('audit_checkpoints').set({ seq: 1 }).execute()).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom('audit_checkpoints').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_checkpoints`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(database.db.updateTable('audit_chain').set({ keyed_from: 99 }).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await database.db.selectFrom('audit_checkpoints').select('seq').execute()).toHaveLength(1);
  });
});
