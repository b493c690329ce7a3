import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppContext } from '../app-context.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Dialect } from '../db/database.ts';
import { createUser } from '../modules/accounts/users.service.ts';
import { loadReferenceData } from '../modules/reference/reference.loader.ts';
import { systemActor } from '../platform/auth/current-user.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { createPersonalDataCipher } from '../platform/crypto/personal-data.ts';
import { makeUsccForSerial } from '../platform/identifiers/uscc.ts';
import type { Role } from '../platform/roles.ts';
import { createTestDatabase, type TestDatabase } from './dialects.ts';
import { createPersonalDataGuard } from './personal-data-guard.ts';

export const TEST_PASSWORD = 'Test@Password1';
export const TEST_KEYS = { encryption: Buffer.alloc(16, 7), mac: Buffer.alloc(32, 8), blindIndex: Buffer.alloc(32, 9) };

/** The enterprise the `enterprise` test account belongs to (南京 江宁区). */
export const TEST_ENTERPRISE_USCC = makeUsccForSerial('320115', 12_345_678);

const DEFAULT_SCOPE: Partial<Record<Role, { regionCode?: string; uscc?: string }>> = {
  city_hrss: { regionCode: '320100' },
  commissioner: { regionCode: '320100' },
  enterprise: { uscc: TEST_ENTERPRISE_USCC },
};

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  /** Moves the test clock forward (session timeouts, lockout windows). */
  advance(ms: number): void;
  /** Creates an account and returns `{ cookie, username, totpSecret }` after a real login. */
  loginAs(
    role: Role,
    overrides?: { username?: string; regionCode?: string; uscc?: string; canViewPersonal?: boolean },
  ): Promise<{ cookie: string; username: string; totpSecret?: string }>;
  close(): Promise<void>;
}

let serial = 0;

/** A real app on a fresh database of the given dialect, with a controllable clock. */
export async function buildTestApp(dialect: Dialect): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  await loadReferenceData(database.db);
  let offset = 0;
  // Logs at info level so the personal-data guard reads every request line the suite produces.
  // Each app has its own data directory (uploads, files it writes), removed when it closes.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yangfan-app-'));
  const config = {
    ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv),
    dataDir,
    keys: TEST_KEYS,
    logLevel: 'info',
  };
  const ctx: AppContext = {
    db: database.db,
    dialect,
    config,
    cipher: createPersonalDataCipher(TEST_KEYS),
    clock: () => new Date(Date.now() + offset),
  };
  const guard = createPersonalDataGuard();
  const app = await buildApp(ctx, { logStream: guard.logStream });
  guard.watchResponses(app);
  await app.ready();
  return {
    app,
    ctx,
    database,
    advance: (ms) => {
      offset += ms;
    },
    async loginAs(role, overrides = {}) {
      serial += 1;
      const username = overrides.username ?? `${role.replace(/_/g, '')}${serial}`;
      const { totpSecret } = await createUser(ctx, systemActor('test'), {
        username,
        displayName: `测试 ${role}`,
        role,
        password: TEST_PASSWORD,
        ...DEFAULT_SCOPE[role],
        ...overrides,
      });
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: {
          username,
          password: TEST_PASSWORD,
          ...(totpSecret ? { totp: totpCode(totpSecret, new Date()) } : {}),
        },
      });
      if (response.statusCode !== 200) throw new Error(`登录失败 ${response.statusCode}: ${response.body}`);
      const cookie = String(response.headers['set-cookie']).split(';')[0]!;
      return { cookie, username, ...(totpSecret ? { totpSecret } : {}) };
    },
    async close() {
      await app.close();
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
      guard.assertClean();
    },
  };
}
