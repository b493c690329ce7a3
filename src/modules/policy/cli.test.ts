import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import { createPersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import { TEST_ENTERPRISE_USCC, TEST_KEYS, TEST_PASSWORD } from '../../test/app.ts';
import { bindTestAuditChain } from '../../test/dialects.ts';
import { createUser } from '../accounts/users.service.ts';
import { loadReferenceData } from '../reference/reference.loader.ts';
import { syncPolicyCatalogue } from './catalogue/catalogue.service.ts';
import { buildPolicyWorld } from './policy.fixtures.ts';

const BIN = fileURLToPath(new URL('../../../bin/yangfan.mjs', import.meta.url));

/**
 * `yangfan policy calc <code> --uscc --date --json`, spawned as a user would run it, against a
 * temporary SQLite database holding the hand-built world; the API answers the very same object.
 * (SQLite only: the command line takes its database from the environment, not a test schema.)
 */
interface SourceRow {
  doc: string;
  secondary: boolean | null;
  source_quality: string | null;
  note: string | null;
}

describe('yangfan policy calc --uscc against the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yangfan-policy-cli-'));
  const env = {
    ...process.env,
    DATABASE_URL: '',
    YANGFAN_DATA_DIR: dir,
    YANGFAN_DB: join(dir, 'yangfan.db'),
    YANGFAN_SM4_KEY: TEST_KEYS.encryption.toString('hex'),
    YANGFAN_MAC_KEY: TEST_KEYS.mac.toString('hex'),
    YANGFAN_INDEX_KEY: TEST_KEYS.blindIndex.toString('hex'),
  };
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let cookie: string;
  beforeAll(async () => {
    handle = openDatabase({ dialect: 'sqlite', path: env.YANGFAN_DB });
    await migrateToLatest(handle);
    bindTestAuditChain(handle);
    await loadReferenceData(handle.db);
    const config = { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), keys: TEST_KEYS };
    const ctx: AppContext = {
      db: handle.db,
      dialect: 'sqlite',
      config,
      cipher: createPersonalDataCipher(TEST_KEYS),
      clock: () => new Date(),
    };
    await syncPolicyCatalogue(ctx);
    await buildPolicyWorld(ctx);
    app = await buildApp(ctx);
    await createUser(ctx, systemActor('test'), {
      username: 'cliuser',
      displayName: '企业用户',
      role: 'enterprise',
      password: TEST_PASSWORD,
      uscc: TEST_ENTERPRISE_USCC,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'cliuser', password: TEST_PASSWORD },
    });
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const yangfan = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env });
    return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
  };
  // The command line is an operator's: its sources carry their quality, which an enterprise does not see.
  const expectSameAnswer = (cli: { sources: SourceRow[] }, web: { sources: SourceRow[] }) => {
    expect({ ...cli, sources: cli.sources.map((s) => s.doc) }).toEqual({
      ...web,
      sources: web.sources.map((s) => s.doc),
    });
    expect(cli.sources.some((s) => s.secondary === true)).toBe(true);
    expect(web.sources.every((s) => s.secondary === null && s.source_quality === null && s.note === null)).toBe(true);
  };
  const api = async (code: string) =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/v1/policies/${code}/calc?uscc=${TEST_ENTERPRISE_USCC}&date=2025-06-30`,
        headers: { cookie },
      })
    ).json();

  it('answers {outcome, amount_fen, explanation, version} from the database facts, equal to the API', async () => {
    const result = yangfan(
      'policy',
      'calc',
      'stable_jobs_refund',
      '--uscc',
      TEST_ENTERPRISE_USCC,
      '--date',
      '2025-06-30',
      '--json',
    );
    expect(result.status, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout);
    // (120 − 118 − 1) ÷ 119 = 0.84 %, 中型 60 %: 48,000.00 元, no refund for the year on record.
    expect(answer).toMatchObject({ outcome: 'eligible', amount_fen: 4_800_000, version: '2025.1', provisional: null });
    expect(answer.explanation).toEqual(expect.arrayContaining([expect.stringContaining('已就上年度享受稳岗返还')]));
    expectSameAnswer(answer, await api('stable_jobs_refund'));
  }, 60_000);

  it('gives per-hire policies the same rows, masked, on both paths; text output names the enterprise', async () => {
    const answer = JSON.parse(
      yangfan(
        'policy',
        'calc',
        'job_expansion_subsidy',
        '--uscc',
        TEST_ENTERPRISE_USCC,
        '--date',
        '2025-06-30',
        '--json',
      ).stdout,
    );
    expect(answer.summary).toMatchObject({ rows: 5, eligible: 2, ineligible: 3, undetermined: 0 });
    expectSameAnswer(answer, await api('job_expansion_subsidy'));
    const text = yangfan(
      'policy',
      'calc',
      'stable_jobs_refund',
      '--uscc',
      TEST_ENTERPRISE_USCC,
      '--date',
      '2025-06-30',
    );
    expect(text.stdout).toContain('南京扬帆装备有限公司');
    expect(text.stdout).toContain('48,000.00 元');
  }, 60_000);

  it('exits 1 for an enterprise not in the register and 2 for an unknown policy', () => {
    const missing = yangfan(
      'policy',
      'calc',
      'stable_jobs_refund',
      '--uscc',
      '91440300708461136T',
      '--date',
      '2025-06-30',
      '--json',
    );
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND');
    const unknown = yangfan('policy', 'calc', 'no_such_policy', '--uscc', TEST_ENTERPRISE_USCC, '--json');
    expect(unknown.status).toBe(2);
    expect(JSON.parse(unknown.stdout).error.code).toBe('POLICY_NOT_FOUND');
  }, 60_000);
});
