import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import { toNumber } from '../../db/convert.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import { createPersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import { createUser } from '../accounts/users.service.ts';
import { loadReferenceData } from '../reference/reference.loader.ts';
import { createTestDatabase, type TestDatabase } from '../../test/dialects.ts';
import { TEST_KEYS } from '../../test/app.ts';
import { syncPolicyCatalogue } from '../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld } from '../policy/policy.fixtures.ts';
import { createMatchRun } from './match/match.service.ts';

const WORKER = fileURLToPath(new URL('./crash-worker.fixture.ts', import.meta.url));
const CASES = 30;

/** Runs the worker; kills it with SIGKILL once a line starting with `killAt` has been printed. */
function runWorker(args: string[], killAt?: string): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      if (killAt && lines.some((l) => l.startsWith(killAt))) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve(lines));
  });
}

describe('kill -9 between approval and payment (SQLite file, separate process)', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  const ids: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await loadReferenceData(database.db);
    ctx = {
      db: database.db,
      dialect: 'sqlite',
      config: { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), keys: TEST_KEYS },
      cipher: createPersonalDataCipher(TEST_KEYS),
      clock: () => new Date('2025-03-03T02:00:00Z'),
    };
    await syncPolicyCatalogue(ctx);
    const world = await buildPolicyWorld(ctx);
    for (const name of ['approver', 'releaser']) {
      const { user } = await createUser(ctx, systemActor('test'), {
        username: `crash${name}`,
        displayName: name,
        role: 'city_hrss',
        regionCode: '320100',
        password: 'Test@Password1',
      });
      ids.push(String(user.id));
    }
    const runId = await createMatchRun(ctx, ctx.db, systemActor(), 'stable_jobs_refund', '2025');
    const at = '2025-03-03T02:00:00.000Z';
    await ctx.db
      .insertInto('benefit_cases')
      .values(
        Array.from({ length: CASES }, (_, i) => ({
          policy_code: 'stable_jobs_refund',
          period: `C${i}`,
          uscc: world.e1,
          enterprise_name: '南京扬帆装备有限公司',
          region_code: '320115',
          city_code: '320100',
          state: 'confirmed',
          amount_fen: 100 * (i + 1),
          rerun_amount_fen: null,
          is_amount_changed: 0,
          explanation: '[]',
          policy_version_id: 1,
          run_id: runId,
          last_run_id: runId,
          bank_name: '测试银行',
          bank_account: '62220000111122223333',
          account_holder: '南京扬帆装备有限公司',
          review_started_on: '2025-03-03',
          review_deadline: '2025-03-31',
          approved_by: null,
          released_by: null,
          publicity_from: null,
          publicity_until: null,
          reason: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }, 60_000);
  afterAll(() => database.destroy());

  it('loses no approval and pays nothing twice when killed and rerun', async () => {
    const path = await sqlitePath(ctx);
    const first = await runWorker([path, ...ids], 'approved');
    expect(first.some((l) => l === 'done')).toBe(false);
    const second = await runWorker([path, ...ids], 'released');
    expect(second.some((l) => l === 'done')).toBe(false);
    const third = await runWorker([path, ...ids]);
    expect(third.at(-1)).toBe('done');
    const cases = await ctx.db.selectFrom('benefit_cases').select(['id', 'state']).execute();
    expect(cases.filter((c) => c.state === 'payment_instructed')).toHaveLength(CASES);
    const journal = await ctx.db
      .selectFrom('benefit_journal')
      .select(['case_id'])
      .where('kind', '=', 'release')
      .execute();
    expect(new Set(journal.map((j) => toNumber(j.case_id))).size).toBe(CASES);
    expect(journal).toHaveLength(CASES);
    const events = await ctx.db
      .selectFrom('benefit_case_events')
      .select(['case_id', 'to_state'])
      .where('to_state', 'in', ['approved', 'payment_instructed'])
      .execute();
    expect(events).toHaveLength(2 * CASES);
  }, 120_000);
});

async function sqlitePath(ctx: AppContext): Promise<string> {
  const { sql } = await import('kysely');
  const rows = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(ctx.db);
  return rows.rows[0]!.file;
}
