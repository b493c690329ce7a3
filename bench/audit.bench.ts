import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Db, Dialect } from '../src/db/database.ts';
import { systemActor } from '../src/platform/auth/current-user.ts';
import { bindAuditChain, GENESIS_HASH, plainChainHash, type ChainedFields } from '../src/platform/audit/audit-chain.ts';
import { stopAuditCheckpoints } from '../src/platform/audit/audit-checkpoints.ts';
import { appendAudit } from '../src/platform/audit/audit.ts';
import { verifyAuditChain } from '../src/platform/audit/audit-verify.ts';
import { loadSecuritySettings } from '../src/platform/security-settings.ts';
import { createTestDatabase, testPostgresUrl, TEST_MAC_KEY } from '../src/test/dialects.ts';

/**
 * Audit writes per second, one writer and N concurrent writers, on SQLite and (with
 * YANGFAN_TEST_PG) PostgreSQL: the keyed chain with its checkpoints (appendAudit) against, in
 * the same run, the unkeyed SM3 appender it replaced (same lock, same queries, plain hash, no
 * checkpoints). Options: --rows N (per measurement), --concurrency N.
 */
const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: { rows: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '20' } },
});
const ROWS = Number(options.rows);
const CONCURRENCY = Number(options.concurrency);

// The appender as it was before the chain was keyed: the baseline.
async function appendPlain(db: Db, dialect: Dialect, i: number): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendPlain(trx, dialect, i));
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${7_291_001})`.execute(db);
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields: ChainedFields = {
    at: new Date().toISOString(),
    actor_id: null,
    actor_name: 'system',
    actor_role: null,
    action: 'bench.write',
    object_type: null,
    object_id: String(i),
    outcome: 'success',
    request_id: null,
    ip: null,
    details: null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: plainChainHash(prevHash, fields) })
    .execute();
}

async function rate(write: (i: number) => Promise<void>, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ROWS) await write(next++);
    }),
  );
  return ROWS / ((performance.now() - started) / 1000);
}

const dialects: Dialect[] = ['sqlite', ...(testPostgresUrl() ? ['postgres' as const] : [])];
const settings = loadSecuritySettings();
for (const dialect of dialects) {
  for (const concurrency of [1, CONCURRENCY]) {
    const plainDb = await createTestDatabase(dialect);
    const baseline = await rate((i) => appendPlain(plainDb.db, dialect, i), concurrency);
    await plainDb.destroy();

    const keyedDb = await createTestDatabase(dialect);
    const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-audit-bench-'));
    const chain = bindAuditChain(keyedDb, {
      macKey: TEST_MAC_KEY,
      checkpointFile: path.join(dir, 'audit-checkpoints.jsonl'),
      everyRows: settings.auditCheckpointEveryRows,
      everyMinutes: settings.auditCheckpointEveryMinutes,
    });
    const keyed = await rate(
      (i) =>
        appendAudit(
          keyedDb.db,
          dialect,
          systemActor('bench'),
          { action: 'bench.write', outcome: 'success', objectId: i },
          new Date(),
        ),
      concurrency,
    );
    await stopAuditCheckpoints(chain);
    const verified = await verifyAuditChain(keyedDb.db);
    await keyedDb.destroy();
    rmSync(dir, { recursive: true, force: true });
    console.log(
      `${dialect} ×${concurrency}: 未加密钥 SM3 ${baseline.toFixed(0)} 条/秒，HMAC-SM3 + 检查点 ${keyed.toFixed(0)} 条/秒（${(keyed / baseline).toFixed(2)} 倍）；校验 ${verified.ok ? '通过' : '未通过'}，检查点至第 ${verified.last_checkpoint?.seq ?? 0} 条`,
    );
  }
}
