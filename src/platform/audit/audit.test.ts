import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/dialects.ts';
import { systemActor } from '../auth/current-user.ts';
import { appendAudit } from './audit.ts';
import { verifyAuditChain } from './audit-verify.ts';

describe.each(testDialects())('audit chain on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  it('links every row to the previous one and verifies', async () => {
    for (let i = 0; i < 5; i++) {
      await appendAudit(
        database.db,
        dialect,
        systemActor(),
        { action: 'test.write', outcome: 'success', objectId: i },
        new Date(),
      );
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5 });
  });

  it('keeps one chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(
          database.db,
          dialect,
          systemActor(),
          { action: 'test.concurrent', outcome: 'success', objectId: i },
          new Date(),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 25 });
  });

  it('reports the first changed row after tampering past the append-only trigger', async () => {
    const third = await database.db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    if (dialect === 'postgres')
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(database.db);
    else await sql`drop trigger audit_log_no_update`.execute(database.db);
    await database.db.updateTable('audit_log').set({ outcome: 'failure' }).where('id', '=', third.id).execute();
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.first_broken).toEqual({ id: Number(third.id), reason: 'hash_mismatch' });
    expect(result.checked).toBe(2);
  });
});
