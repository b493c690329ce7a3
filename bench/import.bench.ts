import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { DEFAULT_DEMO_SEED } from '../src/modules/demo/demo-scales.ts';
import { printTable, ratioLine, requireSuccess, runMeasured, type Measured, type ResultRow } from './lib/measure.ts';
import { writeRegister, writeRosterFile, type RosterFile } from './lib/roster-file.ts';
import { createScratchDatabase, isPostgresReachable, withClient } from './lib/scratch-postgres.ts';

/**
 * SPEC §6, roster import: `yangfan import roster` of a 1.5-million-row file against the bare
 * bulk loaders of each database, on the same file in the same run —
 *   (a) sqlite3 `.import` into a bare table   (b) the import into SQLite, with peak RSS
 *   (c) psql `\copy` into a bare table        (d) the import into PostgreSQL
 * Bars: b/a ≤ 2 with peak RSS ≤ 300 MB; d/c ≤ 2. `--rows N` runs a smaller file.
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rows: { type: 'string', default: '1500000' },
    seed: { type: 'string', default: String(DEFAULT_DEMO_SEED) },
    keep: { type: 'boolean', default: false },
    'no-pg': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'bin', 'yangfan.mjs');
// Fixed keys: the register's blind indexes and the imports' must agree, and no key file is written.
const KEYS = { encryption: Buffer.alloc(16, 0x11), mac: Buffer.alloc(32, 0x22), blindIndex: Buffer.alloc(32, 0x33) };
const KEY_ENV = {
  YANGFAN_SM4_KEY: KEYS.encryption.toString('hex'),
  YANGFAN_MAC_KEY: KEYS.mac.toString('hex'),
  YANGFAN_INDEX_KEY: KEYS.blindIndex.toString('hex'),
};
const BARE_COLUMNS = 'uscc text, id_number text, name text, period text, base text, leave_reason text';

async function main(): Promise<void> {
  const rows = Number(options.rows);
  const seed = Number(options.seed);
  if (!Number.isInteger(rows) || rows <= 0 || !Number.isInteger(seed))
    throw new Error('用法：npm run bench -- import [--rows N] [--seed N] [--keep] [--no-pg]');
  const work = mkdtempSync(path.join(tmpdir(), 'yangfan-bench-import-'));
  try {
    console.log(`工作目录 ${work}；生成约 ${rows} 行的参保名单…`);
    const file = writeRosterFile(work, rows, seed);
    console.log(
      `名单文件：${file.rows} 行，${file.persons} 人，${file.enterprises} 家企业，${(file.bytes / 1e6).toFixed(1)} MB`,
    );
    const results = [...(await benchSqlite(work, file, seed)), ...(await benchPostgres(file, seed))];
    report(file, results);
  } finally {
    if (options.keep) console.log(`保留工作目录 ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function benchSqlite(work: string, file: RosterFile, seed: number): Promise<ResultRow[]> {
  const register = path.join(work, 'register.db');
  const handle = openDatabase({ dialect: 'sqlite', path: register });
  await writeRegister(handle, seed, KEYS);
  await handle.close();
  console.log('(a) sqlite3 .import …');
  const bare = await step('(a) sqlite3 .import → 空表', () =>
    runMeasured('sqlite3', [path.join(work, 'bare.db'), '.mode csv', `.import ${file.path} bare_table`]),
  );
  copyFileSync(register, path.join(work, 'import.db'));
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  console.log('(b) yangfan import roster → SQLite …');
  const env = {
    ...withoutDatabaseUrl(),
    ...KEY_ENV,
    YANGFAN_DB: path.join(work, 'import.db'),
    YANGFAN_DATA_DIR: dataDir,
  };
  const imported = await step('(b) yangfan import → SQLite', () => runImport(file, env));
  return [bare, imported];
}

async function benchPostgres(file: RosterFile, seed: number): Promise<ResultRow[]> {
  if (options['no-pg'] || !(await isPostgresReachable())) {
    return [
      { step: '(c) psql \\copy → 空表', seconds: null, note: '跳过：无 PostgreSQL' },
      { step: '(d) yangfan import → PostgreSQL', seconds: null, note: '跳过' },
    ];
  }
  const scratch = await createScratchDatabase();
  try {
    const handle = openDatabase({ dialect: 'postgres', url: scratch.url });
    await writeRegister(handle, seed, KEYS);
    await handle.close();
    await withClient(scratch.url, (client) => client.query(`create table bare_table (${BARE_COLUMNS})`));
    console.log('(c) psql \\copy …');
    const bare = await step('(c) psql \\copy → 空表', () =>
      runMeasured('psql', [
        scratch.url,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy bare_table from '${file.path}' csv header`,
      ]),
    );
    console.log('(d) yangfan import roster → PostgreSQL …');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yangfan-bench-data-'));
    const imported = await step('(d) yangfan import → PostgreSQL', () =>
      runImport(file, { ...process.env, ...KEY_ENV, DATABASE_URL: scratch.url, YANGFAN_DATA_DIR: dataDir }),
    );
    rmSync(dataDir, { recursive: true, force: true });
    return [bare, imported];
  } finally {
    await scratch.drop();
  }
}

async function runImport(file: RosterFile, env: NodeJS.ProcessEnv): Promise<Measured & { note: string }> {
  const result = requireSuccess(
    'yangfan import roster',
    await runMeasured(process.execPath, [CLI, 'import', 'roster', file.path, '--json'], { env, measureMemory: true }),
  );
  const summary = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
    rows?: number;
    accepted?: number;
    rejected?: number;
  };
  const note = `行 ${summary.rows}，接收 ${summary.accepted}，拒绝 ${summary.rejected}`;
  if (summary.rows !== file.rows || summary.rejected !== 0)
    console.warn(`警告：导入结果与文件不符（${note}，文件 ${file.rows} 行）`);
  return { ...result, note };
}

// A failed step is reported in the table (and its cause printed) instead of ending the run.
async function step(label: string, run: () => Promise<Measured & { note?: string }>): Promise<ResultRow> {
  try {
    const result = await run();
    requireSuccess(label, result);
    return {
      step: label,
      seconds: result.seconds,
      peakMb: result.peakMb,
      ...(result.note ? { note: result.note } : {}),
    };
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
    return { step: label, seconds: null, note: '失败' };
  }
}

function report(file: RosterFile, results: ResultRow[]): void {
  const [a, b, c, d] = results.map((r) => r.seconds);
  const peak = results[1]?.peakMb ?? null;
  // Other work on the machine slows the import more than the bulk loaders; the load says how much there was.
  const machine = `${cpus().length} 核，结束时系统负载 ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')}`;
  printTable(`名单导入基准：${file.rows} 行（${file.persons} 人，${file.enterprises} 家企业；${machine}）`, results, [
    ratioLine('b/a（SQLite 导入 ÷ sqlite3 .import）', b ?? null, a ?? null, 2),
    ratioLine('d/c（PostgreSQL 导入 ÷ psql \\copy）', d ?? null, c ?? null, 2),
    peak === null
      ? 'SQLite 导入峰值内存：未测得'
      : `SQLite 导入峰值内存 = ${Math.round(peak)} MB（指标 ≤ 300 MB，${peak <= 300 ? '达标' : '未达标'}）`,
  ]);
}

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return env;
}

await main();
