import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import {
  buildEnterpriseCells,
  contextFor,
  nextUscc,
  seedEnterprises,
} from '../modules/enterprises/enterprises.fixtures.ts';
import { loadReferenceData } from '../modules/reference/reference.loader.ts';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));

/** `yangfan opinion analyse` through the real binary, against a register in a SQLite file (SPEC §4). */
describe('yangfan opinion analyse', () => {
  let dir: string;
  const hengli = nextUscc('320115');
  const yangfan = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, 'opinion', 'analyse', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        DATABASE_URL: '',
        YANGFAN_DB: path.join(dir, 'opinion.db'),
        YANGFAN_DATA_DIR: dir,
        NODE_ENV: 'development',
      },
    });
    return { status: result.status, stdout: result.stdout.trim() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-opinion-'));
    const handle = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'opinion.db') });
    await migrateToLatest(handle);
    await loadReferenceData(handle.db);
    await seedEnterprises(contextFor({ ...handle, destroy: async () => {} }), [
      buildEnterpriseCells({ uscc: hengli, name: '江苏恒立精密机械股份有限公司' }),
    ]);
    await handle.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the enterprises named, the topic and the tone', () => {
    const { status, stdout } = yangfan('--text', '恒立精密机械拖欠工资三个月，多次讨薪无果', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ enterprises: [hengli], topic: 'wage_arrears', tone: 'negative' });
  });

  it('refuses a missing text with exit 2', () => {
    expect(yangfan('--json').status).toBe(2);
  });
});
