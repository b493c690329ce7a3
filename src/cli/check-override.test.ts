import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { earlyUsccWithWrongCheckChar, validUscc } from '../modules/reference/uscc-overrides.fixtures.ts';
import { insertUsccOverride } from '../modules/reference/uscc-overrides.repository.ts';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));

/** `yangfan check uscc` through the real binary, on a SQLite file holding the override register. */
describe('yangfan check uscc with the manual-override register', () => {
  let dir: string;
  let handle: DatabaseHandle;
  let overrideId: number;
  const overridden = earlyUsccWithWrongCheckChar();
  const other = earlyUsccWithWrongCheckChar();

  function yangfan(args: string[], database = path.join(dir, 'check.db')) {
    const env = {
      ...process.env,
      DATABASE_URL: '',
      YANGFAN_DB: database,
      YANGFAN_DATA_DIR: dir,
      NODE_ENV: 'development',
    };
    const result = spawnSync(process.execPath, [BIN, 'check', 'uscc', ...args], {
      encoding: 'utf8',
      timeout: 30_000,
      env,
    });
    return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-check-'));
    handle = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'check.db') });
    await migrateToLatest(handle);
    overrideId = await insertUsccOverride(handle.db, {
      uscc: overridden,
      failure_reason: 'USCC_CHECK_CHAR',
      evidence: '登记机关函 苏市监函〔2016〕8号',
      recorded_by: null,
      recorded_by_name: '省工信 王科长',
      recorded_at: '2026-03-02T01:00:00.000Z',
    });
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a failing code with an override in force: exit 0, the override in the JSON answer', () => {
    const result = yangfan([overridden, '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      valid: false,
      reason: 'USCC_CHECK_CHAR',
      override: {
        id: overrideId,
        evidence: '登记机关函 苏市监函〔2016〕8号',
        recordedAt: '2026-03-02T01:00:00.000Z',
        recordedBy: '省工信 王科长',
      },
    });
  });

  it('says so in Chinese in text mode, typed in lower case too', () => {
    const result = yangfan([overridden.toLowerCase()]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `校验未通过，但已登记人工核验例外（第 ${overrideId} 号，依据：登记机关函 苏市监函〔2016〕8号`,
    );
    expect(result.stdout).toContain('第 18 位校验码不正确');
  });

  it('still refuses a failing code without an override, and answers a valid code as before', () => {
    expect(yangfan([other, '--json'])).toMatchObject({
      status: 1,
      stdout: '{"valid":false,"reason":"USCC_CHECK_CHAR"}',
    });
    expect(yangfan([validUscc(), '--json'])).toMatchObject({ status: 0, stdout: '{"valid":true}' });
  });

  it('refuses the code again once its override is revoked', async () => {
    await handle.db
      .updateTable('uscc_overrides')
      .set({ revoked_at: '2026-04-01T00:00:00.000Z', revoked_by_name: '省工信 王科长', revoke_reason: '代码有误' })
      .where('id', '=', overrideId)
      .execute();
    expect(yangfan([overridden, '--json'])).toMatchObject({
      status: 1,
      stdout: '{"valid":false,"reason":"USCC_CHECK_CHAR"}',
    });
  });

  it('answers from the check alone where no database exists yet, creating none', () => {
    const missing = path.join(dir, 'none', 'absent.db');
    expect(yangfan([overridden, '--json'], missing)).toMatchObject({
      status: 1,
      stdout: '{"valid":false,"reason":"USCC_CHECK_CHAR"}',
    });
    expect(existsSync(missing)).toBe(false);
  });
});
