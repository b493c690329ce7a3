import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));
// The command reads the loaded calendar years from the database: a fresh one in a temporary directory.
const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-workdays-'));
const env = {
  ...process.env,
  DATABASE_URL: '',
  YANGFAN_DB: path.join(dir, 'workdays.db'),
  YANGFAN_DATA_DIR: dir,
  NODE_ENV: 'development',
};

/** Runs the real command line and parses its JSON answer. */
function yangfan(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8', timeout: 60_000, env });
  return { status: result.status, json: JSON.parse(result.stdout) as unknown };
}

describe('yangfan workdays', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the 20th working day after 2025-09-26', () => {
    expect(yangfan('workdays', 'add', '2025-09-26', '20')).toEqual({ status: 0, json: { date: '2025-10-30' } });
  });

  it('counts working days with both ends included', () => {
    expect(yangfan('workdays', 'between', '2025-10-01', '2025-10-31')).toEqual({ status: 0, json: { workdays: 18 } });
  });

  it('exits 1 with CALENDAR_NOT_COVERED for a year the calendar does not cover', () => {
    const result = yangfan('workdays', 'add', '2026-12-30', '5');
    expect(result.status).toBe(1);
    expect(result.json).toMatchObject({ error: { code: 'CALENDAR_NOT_COVERED' } });
  });

  it('exits 2 for a malformed date or count', () => {
    expect(yangfan('workdays', 'add', '2025-9-26', '20')).toMatchObject({
      status: 2,
      json: { error: { code: 'INVALID_DATE' } },
    });
    expect(yangfan('workdays', 'add', '2025-09-26', '20天')).toMatchObject({
      status: 2,
      json: { error: { code: 'VALIDATION_FAILED' } },
    });
    expect(yangfan('workdays', 'between', '2025-02-30', '2025-03-03')).toMatchObject({ status: 2 });
  });
});
