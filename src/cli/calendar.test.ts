import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));
// Test data, not the official 2027 arrangement (no notice for 2027 was published when this was written).
const FIXTURE = fileURLToPath(new URL('../test/fixtures/calendar-2027-test-data.yaml', import.meta.url));

/** `yangfan calendar load|list` and `yangfan workdays` through the real binary, on a fresh SQLite file. */
describe('yangfan calendar', () => {
  let dir: string;
  const env = () => ({
    ...process.env,
    DATABASE_URL: '',
    YANGFAN_DB: path.join(dir, 'calendar.db'),
    YANGFAN_DATA_DIR: dir,
    NODE_ENV: 'development',
  });
  const yangfan = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args, '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: env(),
    });
    return { status: result.status, json: JSON.parse(result.stdout) as Record<string, any> };
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-calendar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers CALENDAR_NOT_COVERED for 2027 before it is loaded (exit 1)', () => {
    expect(yangfan('workdays', 'add', '2026-12-15', '20')).toMatchObject({
      status: 1,
      json: { error: { code: 'CALENDAR_NOT_COVERED' } },
    });
  }, 180_000);

  it('refuses a bad file with exit 2 and every problem in Chinese', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ year: 2027, document_number: '通知', holidays: [{ date: '2027-02-30' }] }));
    const result = yangfan('calendar', 'load', bad);
    expect(result.status).toBe(2);
    expect(result.json.error).toMatchObject({
      code: 'CALENDAR_FILE_INVALID',
      message: expect.stringContaining('文号“通知”格式不正确'),
    });
    expect(result.json.error.message).toContain('2027-02-30');
    expect(yangfan('calendar', 'load', path.join(dir, 'missing.yaml'))).toMatchObject({
      status: 2,
      json: { error: { code: 'CALENDAR_FILE_INVALID' } },
    });
  }, 180_000);

  it('loads the year, then workdays answers it; 2028 stays not covered', () => {
    expect(yangfan('calendar', 'load', FIXTURE)).toMatchObject({
      status: 0,
      json: { year: 2027, version: 1, holidays: 6, workdays: 1, is_unchanged: false },
    });
    expect(yangfan('workdays', 'add', '2026-12-15', '20')).toEqual({ status: 0, json: { date: '2027-01-13' } });
    expect(yangfan('workdays', 'between', '2027-02-01', '2027-02-14')).toEqual({ status: 0, json: { workdays: 6 } });
    expect(yangfan('workdays', 'add', '2027-12-20', '20')).toMatchObject({
      status: 1,
      json: { error: { code: 'CALENDAR_NOT_COVERED' } },
    });
  }, 180_000);

  it('keeps every version on a reload', () => {
    expect(yangfan('calendar', 'load', FIXTURE)).toMatchObject({ status: 0, json: { version: 1, is_unchanged: true } });
    const corrected = path.join(dir, 'corrected.yaml');
    writeFileSync(
      corrected,
      readFileSync(FIXTURE, 'utf8').replace(
        '{ date: 2027-01-01, name: 测试假日 }',
        '{ from: 2027-01-01, to: 2027-01-04, name: 测试假日 }',
      ),
    );
    expect(yangfan('calendar', 'load', corrected)).toMatchObject({ status: 0, json: { version: 2, holidays: 9 } });
    expect(yangfan('workdays', 'add', '2026-12-15', '20')).toEqual({ status: 0, json: { date: '2027-01-14' } });
    const list = yangfan('calendar', 'list');
    expect(list.status).toBe(0);
    expect(
      list.json.years[0].versions.map((v: { version: number; is_current: boolean }) => [v.version, v.is_current]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
  }, 180_000);
});
