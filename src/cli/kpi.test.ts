import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { contextFor } from '../modules/enterprises/enterprises.fixtures.ts';
import { buildMonitoringWorld } from '../modules/monitoring/monitoring.world.ts';
import { loadReferenceData } from '../modules/reference/reference.loader.ts';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));
const SPEC_KEYS = [
  'monitored_enterprises',
  'insured_employees',
  'new_hires',
  'separations',
  'absorbed_insured',
  'absorbed_graduate_share',
  'absorbed_high_skill_share',
  'absorbed_senior_title_share',
  'training_person_times',
  'job_fairs',
  'job_postings',
  'demonstration_internship_bases',
];

/** `yangfan kpi` through the real binary, on a SQLite file holding the hand-counted world. */
describe('yangfan kpi', () => {
  let dir: string;
  const env = () => ({
    ...process.env,
    DATABASE_URL: '',
    YANGFAN_DB: path.join(dir, 'kpi.db'),
    YANGFAN_DATA_DIR: dir,
    NODE_ENV: 'development',
  });
  const yangfan = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, 'kpi', ...args], {
      encoding: 'utf8',
      timeout: 30_000,
      env: env(),
    });
    return { status: result.status, stdout: result.stdout.trim() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-kpi-'));
    const handle = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'kpi.db') });
    await migrateToLatest(handle);
    await loadReferenceData(handle.db);
    await buildMonitoringWorld(contextFor({ ...handle, destroy: async () => {} }));
    await handle.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the SPEC §4 object, summarising a database that never was', () => {
    const { status, stdout } = yangfan('--period', 'plan', '--json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['period', 'region', 'indicators']));
    expect(report).toMatchObject({ period: 'plan', region: '320000' });
    for (const key of SPEC_KEYS)
      expect(Object.keys(report.indicators[key]), key).toEqual(expect.arrayContaining(['actual', 'unit']));
    expect(report.indicators.absorbed_insured).toMatchObject({ actual: 8, target: 100_000, unit: '人' });
    expect(report.indicators.absorbed_senior_title_share.actual).toBe(0.125);
    expect(report.indicators.job_postings.actual).toBe(0);
    expect(report.indicators.job_fairs.actual).toBe(0);
  });

  it('narrows to a region and refreshes on request', () => {
    const report = JSON.parse(yangfan('--period', '202406', '--region', '320583', '--refresh', '--json').stdout);
    expect(report).toMatchObject({ period: '202406', region: '320583' });
    expect(report.indicators.insured_employees.actual).toBe(3); // B: P9, P1, P7
  });

  it('refuses a malformed period with exit 2 and prints Chinese text without --json', () => {
    expect(yangfan('--period', '2024-06', '--json')).toMatchObject({ status: 2 });
    const text = yangfan('--period', '2024Q2');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('吸纳就业参保人数（累计）：8 人');
  });
});
