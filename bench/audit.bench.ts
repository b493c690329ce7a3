import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
import { openDatabase } from '../src/db/database.ts';
import { bindTestAuditChain, createTestDatabase, testPostgresUrl, TEST_MAC_KEY } from '../src/test/dialects.ts';

/**
 * Audit writes per second, one writer and N concurrent writers, on SQLite and (with
 * YANGFAN_TEST_PG) PostgreSQL: the keyed chain with its checkpoints (appendAudit) against, in
 * the same run, the unkeyed SM3 appender of the first design (one chain lock per write, plain
 * hash, no checkpoints). Then, on PostgreSQL, audited confirmations (a business row and its audit
 * row in one transaction) from 4 database handles standing for 4 server processes, against the
 * same confirmations without audit, alternating rounds, medians (bar ≥ 0.7 ×, issue 18); the
 * rows of the audited rounds are sealed by the sealers of the 4 handles while they are written.
 * Options: --rows N (per measurement), --concurrency N, --rounds N (confirmations), --only-confirm.
 */
const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rows: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '5' },
    'only-confirm': { type: 'boolean', default: false },
  },
});
const ROWS = Number(options.rows);
const CONCURRENCY = Number(options.concurrency);
const ROUNDS = Math.max(1, Number(options.rounds));

// The appender of the first design (a chain lock per write, unkeyed): the baseline.
async function appendPlain(db: Db, dialect: Dialect, i: number): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendPlain(trx, dialect, i));
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${7_291_001})`.execute(db);
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
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
    .values({ ...fields, seq: Number(last?.seq ?? 0) + 1, prev_hash: prevHash, hash: plainChainHash(prevHash, fields) })
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
for (const dialect of options['only-confirm'] ? [] : dialects) {
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

// Audited confirmations from 4 handles (4 server processes' pools) against the same without audit.
if (testPostgresUrl()) {
  const HANDLES = 4;
  const database = await createTestDatabase('postgres');
  // A confirmation's own statements, as 即申即享 makes them (confirm.service.ts → moveCase): read the
  // case, move its state with the receiving account, record the case event; the audited one adds
  // its audit row in the same transaction.
  await sql`create table bench_cases (id bigint primary key, uscc text not null, state text not null,
    bank_account text, version integer not null, updated_at text not null)`.execute(database.db);
  await sql`create table bench_case_events (id bigserial primary key, case_id bigint not null, from_state text not null,
    to_state text not null, at text not null)`.execute(database.db);
  await sql`insert into bench_cases (id, uscc, state, version, updated_at)
    select n, 'E' || n, 'matched', 0, '' from generate_series(1, ${ROWS}) n`.execute(database.db);
  const handles = [database, ...Array.from({ length: HANDLES - 1 }, () => openDatabase(database.config!))];
  for (const handle of handles.slice(1)) bindTestAuditChain(handle);
  const confirm = (db: Db, i: number, audited: boolean) =>
    db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      const { rows } = await sql<{ state: string }>`select state from bench_cases where id = ${i + 1}`.execute(trx);
      await sql`update bench_cases set state = 'confirmed', bank_account = ${`6222${i}`}, version = version + 1,
        updated_at = ${at} where id = ${i + 1}`.execute(trx);
      await sql`insert into bench_case_events (case_id, from_state, to_state, at)
        values (${i + 1}, ${rows[0]?.state ?? 'matched'}, 'confirmed', ${at})`.execute(trx);
      if (audited)
        await appendAudit(
          trx,
          'postgres',
          systemActor('bench'),
          { action: 'bench.confirm', outcome: 'success', objectId: i },
          new Date(),
        );
    });
  const across = (audited: boolean) => rate((i) => confirm(handles[i % HANDLES]!.db, i, audited), CONCURRENCY);
  // Alternating rounds, medians: a shared machine's load moves during a run.
  const bareRates: number[] = [];
  const auditedRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bareRates.push(await across(false));
    auditedRates.push(await across(true));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bare = median(bareRates);
  const audited = median(auditedRates);
  const sealed = await verifyAuditChain(database.db);
  for (const handle of handles.slice(1)) await handle.close();
  await database.destroy();
  console.log(
    `postgres ${HANDLES} 个连接池 ×${CONCURRENCY} 并发确认：无审计 ${bare.toFixed(0)} 次/秒，带审计 ${audited.toFixed(0)} 次/秒（${ROUNDS} 轮中位数；负载 ${loadavg()[0]!.toFixed(1)}；${(audited / bare).toFixed(2)} 倍，指标 ≥ 0.7 倍，${audited / bare >= 0.7 ? '达标' : '未达标'}）；封链后校验 ${sealed.ok ? '通过' : '未通过'}，${sealed.checked} 条`,
  );
}
