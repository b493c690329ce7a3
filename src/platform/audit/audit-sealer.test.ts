import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { bindTestAuditChain, createTestDatabase, testDialects, type TestDatabase } from '../../test/dialects.ts';
import { systemActor } from '../auth/current-user.ts';
import { auditChainOf } from './audit-chain.ts';
import { sealAuditTail } from './audit-sealer.ts';
import { appendAudit } from './audit.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { findUnsealedAuditTail, listAuditRowsAfter } from './audit-seals.repository.ts';

const write = (db: Parameters<typeof appendAudit>[0], objectId: string) =>
  appendAudit(db, 'postgres', systemActor(), { action: 'test.write', outcome: 'success', objectId }, new Date());

/** A promise's outcome within `ms`, or 'pending'. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

// PostgreSQL only (SQLite has one writer at a time): skipped, not absent, when no server is named.
describe.skipIf(!testDialects().includes('postgres'))('audit writers without a chain lock on postgres', () => {
  let database: TestDatabase;
  let other: DatabaseHandle; // a second server process on the same database
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    other = openDatabase(database.config!);
    bindTestAuditChain(other);
  });
  afterAll(async () => {
    await other.close();
    await database.destroy();
  });

  it('lets a writer commit while another writer’s audited transaction is still open, and seals both in commit order', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    const slow = database.db.transaction().execute(async (trx) => {
      await write(trx, 'slow');
      firstWrote();
      await held; // the change it records is still in progress
    });
    await wrote;
    // Before, every audited write waited for the chain's advisory lock held by the open transaction.
    expect(await within(write(other.db, 'fast'), 5_000)).toBeUndefined();
    // Sealed while the first is still open: the chain's order is the order rows are sealed in.
    await sealAuditTail(auditChainOf(other.db), { wait: true });
    release();
    await slow;
    // A regular pass (this one, or one scheduled after a write) still finds the row with the smaller
    // id that committed last, below the newest sealed one.
    await sealAuditTail(auditChainOf(other.db), { wait: true });
    expect((await findUnsealedAuditTail(database.db)).count).toBe(0);

    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, checked: 2 });
    expect(result.unsealed).toBeUndefined();
    const rows = await listAuditRowsAfter(database.db, 'postgres', 0, 100);
    expect(rows.map((r) => r.object_id)).toEqual(['fast', 'slow']);
    // Sealing recorded positions beside the rows and left the rows as they were written.
    const written = await database.db.selectFrom('audit_log').select(['seq', 'hash']).execute();
    expect(written).toEqual([
      { seq: null, hash: null },
      { seq: null, hash: null },
    ]);
  });

  it('seals rows another process wrote and left unsealed, once, whichever process seals', async () => {
    for (let i = 0; i < 30; i++) await write(other.db, `left-${i}`);
    const [a, b] = await Promise.all([
      sealAuditTail(auditChainOf(database.db), { wait: true }),
      sealAuditTail(auditChainOf(other.db), { wait: true }),
    ]);
    expect((await findUnsealedAuditTail(database.db)).count).toBe(0);
    expect(a + b).toBeLessThanOrEqual(30); // the scheduled pass after each write may have sealed some
    expect(await verifyAuditChain(other.db)).toMatchObject({ ok: true, checked: 32 });
  });

  it('refuses to change a row’s recorded fields or its seal, and to seal a row twice', async () => {
    await database.db.transaction().execute((trx) => write(trx, 'target'));
    await expect(
      sql`update audit_log set seq = 999999, prev_hash = 'x', hash = 'y', action = 'test.forged'
        where object_id = 'target'`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await sealAuditTail(auditChainOf(database.db), { wait: true });
    await expect(sql`update audit_log set hash = 'y' where object_id = 'target'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`update audit_seals set hash = 'y'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_seals`.execute(database.db)).rejects.toThrow(/append-only/);
    const target = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('object_id', '=', 'target')
      .executeTakeFirstOrThrow();
    await expect(
      sql`insert into audit_seals (seq, audit_id, prev_hash, hash) values (999999, ${target.id}, 'x', 'y')`.execute(
        database.db,
      ),
    ).rejects.toThrow(/unique|duplicate/);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 33 });
  });
});
