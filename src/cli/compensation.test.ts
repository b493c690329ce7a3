import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));

/** `yangfan compensation` through the real binary (SPEC §4 contract). */
describe('yangfan compensation', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-comp-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const yangfan = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, 'compensation', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        DATABASE_URL: '',
        YANGFAN_DB: path.join(dir, 'c.db'),
        YANGFAN_DATA_DIR: dir,
        NODE_ENV: 'development',
      },
    });
    return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
  };

  it('prints amount_fen, months and the explanation', () => {
    const { status, stdout } = yangfan('--wage', '10000.01', '--from', '2024-01-01', '--to', '2024-06-29', '--json');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ amount_fen: 500_001, months: 0.5 });
    expect(result.explanation.length).toBeGreaterThan(3);
    const notice = JSON.parse(
      yangfan('--wage', '8000', '--from', '2020-01-01', '--to', '2024-06-30', '--kind', 'notice', '--json').stdout,
    );
    expect(notice).toMatchObject({ amount_fen: 800_000, months: 1 });
  }, 120_000);

  it('exits 2 on bad usage and 1 when the region’s average wage is not loaded', () => {
    expect(yangfan('--wage', 'abc', '--from', '2024-01-01', '--to', '2024-06-29', '--json').status).toBe(2);
    const missing = yangfan(
      '--wage',
      '40000',
      '--from',
      '2010-01-01',
      '--to',
      '2024-06-29',
      '--region',
      '320100',
      '--json',
    );
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('AVERAGE_WAGE_NOT_LOADED');
  }, 120_000);
});
