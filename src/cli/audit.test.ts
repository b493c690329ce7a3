import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemActor } from '../platform/auth/current-user.ts';
import { bindAuditChain } from '../platform/audit/audit-chain.ts';
import { writeAuditCheckpoint } from '../platform/audit/audit-checkpoints.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import { TEST_KEYS } from '../test/app.ts';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));

/** `yangfan audit verify` through the real binary: Chinese text, JSON and the exit codes of its help. */
describe('yangfan audit verify', () => {
  let dir: string;
  let handle: DatabaseHandle;
  const env = () => ({
    ...process.env,
    DATABASE_URL: '',
    YANGFAN_DB: path.join(dir, 'audit.db'),
    YANGFAN_DATA_DIR: dir,
    NODE_ENV: 'development',
    YANGFAN_SM4_KEY: TEST_KEYS.encryption.toString('hex'),
    YANGFAN_MAC_KEY: TEST_KEYS.mac.toString('hex'),
    YANGFAN_INDEX_KEY: TEST_KEYS.blindIndex.toString('hex'),
  });
  const yangfan = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, 'audit', 'verify', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: env(),
    });
    return { status: result.status, stdout: result.stdout.trim() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-audit-cli-'));
    handle = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'audit.db') });
    await migrateToLatest(handle);
    const chain = bindAuditChain(handle, {
      macKey: TEST_KEYS.mac,
      checkpointFile: path.join(dir, 'audit-checkpoints.jsonl'),
      everyRows: 100,
      everyMinutes: 0,
    });
    for (let i = 0; i < 60; i++)
      await appendAudit(
        handle.db,
        'sqlite',
        systemActor(),
        { action: 'test.write', outcome: 'success', objectId: i },
        new Date(),
      );
    await writeAuditCheckpoint(chain);
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('documents its results and exit codes in the help', () => {
    const help = spawnSync(process.execPath, [BIN, 'audit', 'verify', '--help'], {
      encoding: 'utf8',
      env: env(),
    }).stdout;
    expect(help).toContain('退出码');
    expect(help).toContain('截断');
    expect(help).toContain('哈希被重算');
  }, 120_000);

  it('says the log is whole with exit 0, then reports the deleted tail as truncation with exit 1', async () => {
    const whole = yangfan();
    expect(whole.status).toBe(0);
    // The start-up step records the policy catalogue it loads: a few more rows, and a checkpoint at exit.
    expect(whole.stdout).toMatch(/^审计日志完整：已校验 6\d 条；最近检查点：第 6\d 条/);
    await sql`drop trigger audit_log_no_delete`.execute(handle.db);
    await handle.db.deleteFrom('audit_log').where('id', '>', 10).execute();
    const truncated = yangfan();
    expect(truncated).toMatchObject({ status: 1 });
    expect(truncated.stdout).toMatch(
      /^审计日志被截断：检查点记录到第 6\d 条，但该条或其前的记录已不在；此前 10 条完好/,
    );
    expect(JSON.parse(yangfan('--json').stdout)).toMatchObject({
      ok: false,
      checked: 10,
      first_broken: { reason: 'truncated' },
    });
  }, 120_000);
});
