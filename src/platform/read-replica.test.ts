import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, testDialects, testPostgresUrl, type TestDatabase } from '../test/dialects.ts';
import type { AppContext } from '../app-context.ts';
import { openReadReplica, readingContext, type ReadReplica } from './read-replica.ts';

const onPostgres = testDialects().filter((d) => d === 'postgres');
// Set by .ci/run when scripts/pg-standby.sh started a hot standby of the test server (port 5433).
const standbyPort = process.env.YANGFAN_TEST_PG_STANDBY_PORT;

function contextOn(database: TestDatabase, replicaUrl: string, maxLagSeconds = 30): AppContext {
  const config = { database: database.config!, readReplica: { url: replicaUrl, maxLagSeconds } };
  const readReplica = openReadReplica(config as AppContext['config']) as ReadReplica;
  return { db: database.db, dialect: 'postgres', readReplica } as unknown as AppContext;
}

describe.each(onPostgres)('dashboards and the read replica on %s', () => {
  let database: TestDatabase;
  const opened: ReadReplica[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    for (const replica of opened) await replica.close();
    await database.destroy();
  });

  it('reads from the primary, saying why, when the replica cannot be reached', async () => {
    const unreachable = new URL(testPostgresUrl()!);
    unreachable.port = '1';
    const ctx = contextOn(database, unreachable.toString());
    opened.push(ctx.readReplica!);
    const { ctx: reader, readSource } = await readingContext(ctx);
    expect(readSource).toMatchObject({ source: 'primary', lagSeconds: null, fallback: 'unreachable' });
    expect(reader.db).toBe(database.db);
  });

  it('reads from the primary when the replica is further behind than allowed', async () => {
    const ctx = contextOn(database, testPostgresUrl()!, -1); // any lag is too much
    opened.push(ctx.readReplica!);
    const { ctx: reader, readSource } = await readingContext(ctx);
    expect(readSource).toMatchObject({ source: 'primary', lagSeconds: 0, maxLagSeconds: -1, fallback: 'lagging' });
    expect(reader.db).toBe(database.db);
  });

  it.skipIf(!standbyPort)(
    'reads from a streaming standby that has caught up, and sees what the primary wrote',
    async () => {
      const standby = new URL(testPostgresUrl()!);
      standby.port = standbyPort!;
      const ctx = contextOn(database, standby.toString());
      opened.push(ctx.readReplica!);
      await sql`create table replica_probe (n integer)`.execute(database.db);
      await sql`insert into replica_probe values (42)`.execute(database.db);
      let seen: number | undefined;
      for (let i = 0; i < 100 && seen === undefined; i++) {
        const rows = await sql<{ n: number }>`select n from replica_probe`
          .execute(ctx.readReplica!.db)
          .catch(() => undefined);
        seen = rows?.rows[0]?.n;
        if (seen === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(seen).toBe(42);
      const { ctx: reader, readSource } = await readingContext(ctx);
      expect(readSource.source).toBe('replica');
      expect(readSource.lagSeconds).toBeLessThanOrEqual(30);
      expect(reader.db).toBe(ctx.readReplica!.db);
      // The standby refuses writes: the dashboards' reads are all that go there.
      await expect(sql`insert into replica_probe values (1)`.execute(reader.db)).rejects.toThrow(/read-only/);
    },
  );
});

describe('the dashboard says where its figures come from', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('answers the primary, with no replica configured', async () => {
    const { cookie } = await t.loginAs('province_hrss');
    const answer = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/read-source', headers: { cookie } });
    expect(answer.json()).toEqual({ source: 'primary', lag_seconds: null, max_lag_seconds: null, fallback: null });
  });
});
