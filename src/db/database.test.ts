import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test/dialects.ts';

describe.each(testDialects())('database on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  it('has every platform table after migration', async () => {
    const tables = await database.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const t of ['regions', 'users', 'sessions', 'audit_log', 'api_tokens', 'login_attempts']) {
      expect(names).toContain(t);
    }
  });

  it('refuses to update or delete an audit row', async () => {
    await database.db
      .insertInto('audit_log')
      .values({ at: '2026-01-01T00:00:00.000Z', action: 'test', outcome: 'success', seq: 1, prev_hash: '0', hash: '1' })
      .execute();
    await expect(sql`update audit_log set action = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
    // A sealed row cannot be sealed again with other links.
    await expect(sql`update audit_log set hash = '2'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});
