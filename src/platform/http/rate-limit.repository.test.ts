import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/dialects.ts';
import { openDatabase } from '../../db/database.ts';
import { countRequest, deleteEndedCounters } from './rate-limit.repository.ts';

describe.each(testDialects())('request rate counters shared by server processes (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('counts one key across two connections, and starts again when the window ends', async () => {
    // A second handle on the same database stands for another server process.
    const other = openDatabase(t.config!);
    try {
      const now = 1_000_000;
      expect(await countRequest(t.db, 'POST/api/v1/auth/login:ip', now, 60_000)).toEqual({
        hits: 1,
        windowEndsAt: now + 60_000,
      });
      expect((await countRequest(other.db, 'POST/api/v1/auth/login:ip', now + 10, 60_000)).hits).toBe(2);
      expect((await countRequest(t.db, 'POST/api/v1/auth/login:ip', now + 20, 60_000)).hits).toBe(3);
      expect((await countRequest(other.db, 'another-key', now + 20, 60_000)).hits).toBe(1);
      const later = await countRequest(other.db, 'POST/api/v1/auth/login:ip', now + 60_000, 60_000);
      expect(later).toEqual({ hits: 1, windowEndsAt: now + 120_000 });
      expect(await deleteEndedCounters(t.db, now + 90_000)).toBe(1);
    } finally {
      await other.close();
    }
  });
});
