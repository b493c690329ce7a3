import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../src/db/database.ts';
import { DEFAULT_DEMO_SEED } from '../src/modules/demo/demo-scales.ts';
import { createPersonalDataCipher } from '../src/platform/crypto/personal-data.ts';
import { printTable, ratioLine, requireSuccess, runMeasured, type Measured, type ResultRow } from './lib/measure.ts';
import { writeMonthlyRosters, writeRegister, type RosterFile } from './lib/roster-file.ts';
import { createScratchDatabase, isPostgresReachable, withClient } from './lib/scratch-postgres.ts';

/**
 * SPEC §6 / issue 18, roster import in its two shapes: a first load (every person new: 600
 * enterprises × 1,000 persons, one month) and the next month of the same persons, against the
 * bare bulk loaders of each database on the same file in the same run —
 *   (a) sqlite3 `.import` into a bare table        (b1, b2) the imports into SQLite, peak RSS
 *   (c) psql `\copy` into a bare table             (d1, d2) the imports into PostgreSQL
 * Bars: first load ≤ 20 × its loader, next month ≤ 10 ×, peak RSS ≤ 300 MB. Printed beside them,
 * the floors a first load cannot go below: blind index + SM4 of every person in plain Node, and
 * the same rows loaded by the shell tools into tables with a unique index on the ID number.
 * `--persons N` runs a smaller file (the ratios are what matter).
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    persons: { type: 'string', default: '600000' },
    'per-enterprise': { type: 'string', default: '1000' },
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
const PERIODS = [202601, 202602];
const BARE_COLUMNS = 'uscc text, id_number text, name text, period text, base text, leave_reason text';
const INDEXED_SQL = `create table indexed_table (${BARE_COLUMNS});
create unique index indexed_id on indexed_table (id_number);
create index indexed_uscc on indexed_table (uscc, period);`;

async function main(): Promise<void> {
  const persons = Number(options.persons);
  const perEnterprise = Number(options['per-enterprise']);
  const seed = Number(options.seed);
  if (![persons, perEnterprise, seed].every(Number.isInteger) || persons <= 0 || perEnterprise <= 0)
    throw new Error('用法：npm run bench -- import [--persons N] [--per-enterprise N] [--seed N] [--keep] [--no-pg]');
  const work = mkdtempSync(path.join(tmpdir(), 'yangfan-bench-import-'));
  try {
    console.log(`工作目录 ${work}；开始时系统负载 ${load()}`);
    const register = path.join(work, 'register.db');
    const handle = openDatabase({ dialect: 'sqlite', path: register });
    const usccs = await writeRegister(handle, seed, KEYS);
    await handle.close();
    const enterprises = Math.ceil(persons / perEnterprise);
    if (enterprises > usccs.length) throw new Error(`企业库只有 ${usccs.length} 家企业`);
    const [first, next] = writeMonthlyRosters(work, usccs.slice(0, enterprises), perEnterprise, PERIODS) as [
      RosterFile,
      RosterFile,
    ];
    console.log(`名单文件：每月 ${first.rows} 行（${first.enterprises} 家企业），${(first.bytes / 1e6).toFixed(1)} MB`);
    const results = [
      cryptoFloor(first),
      ...(await benchSqlite(work, register, first, next)),
      ...(await benchPostgres(seed, first, next)),
    ];
    report(first, results);
  } finally {
    if (options.keep) console.log(`保留工作目录 ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** (f) What a first load must compute in any case: each new person's blind index and SM4 ciphertext. */
function cryptoFloor(file: RosterFile): ResultRow {
  const idNumbers = readFileSync(file.path, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split(',')[1]!);
  const cipher = createPersonalDataCipher(KEYS);
  const started = performance.now();
  for (const idNumber of idNumbers) {
    cipher.blindIndex('id', idNumber);
    cipher.encrypt(idNumber);
  }
  return { step: '(f) 盲索引 + SM4，单线程 Node', seconds: (performance.now() - started) / 1000 };
}

async function benchSqlite(work: string, register: string, first: RosterFile, next: RosterFile): Promise<ResultRow[]> {
  console.log('(a) sqlite3 .import …');
  const bare = await step('(a) sqlite3 .import → 空表', () =>
    runMeasured('sqlite3', [path.join(work, 'bare.db'), '.mode csv', `.import ${first.path} bare_table`]),
  );
  const indexed = await step('(a′) sqlite3 .import → 带索引的表', () =>
    runMeasured('sqlite3', [
      path.join(work, 'indexed.db'),
      INDEXED_SQL,
      `.import --csv --skip 1 ${first.path} indexed_table`,
    ]),
  );
  copyFileSync(register, path.join(work, 'import.db'));
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  const env = {
    ...withoutDatabaseUrl(),
    ...KEY_ENV,
    YANGFAN_DB: path.join(work, 'import.db'),
    YANGFAN_DATA_DIR: dataDir,
  };
  console.log('(b1) yangfan import roster → SQLite，首次导入 …');
  const target = { sqlite: path.join(work, 'import.db') };
  const firstLoad = await step('(b1) 首次导入 → SQLite', () => runImport(first, env, target));
  console.log('(b2) yangfan import roster → SQLite，次月 …');
  const nextMonth = await step('(b2) 次月导入 → SQLite', () => runImport(next, env, target));
  return [bare, indexed, firstLoad, nextMonth];
}

async function benchPostgres(seed: number, first: RosterFile, next: RosterFile): Promise<ResultRow[]> {
  const skipped = [
    '(c) psql \\copy → 空表',
    '(c′) psql \\copy → 带索引的表',
    '(d1) 首次导入 → PostgreSQL',
    '(d2) 次月导入 → PostgreSQL',
  ];
  if (options['no-pg'] || !(await isPostgresReachable()))
    return skipped.map((label) => ({ step: label, seconds: null, note: '跳过：无 PostgreSQL' }));
  const scratch = await createScratchDatabase();
  try {
    const handle = openDatabase({ dialect: 'postgres', url: scratch.url });
    await writeRegister(handle, seed, KEYS);
    await handle.close();
    await withClient(scratch.url, async (client) => {
      await client.query(`create table bare_table (${BARE_COLUMNS})`);
      await client.query(INDEXED_SQL);
    });
    console.log('(c) psql \\copy …');
    const copy = (table: string) =>
      runMeasured('psql', [
        scratch.url,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy ${table} from '${first.path}' csv header`,
      ]);
    const bare = await step(skipped[0]!, () => copy('bare_table'));
    const indexed = await step(skipped[1]!, () => copy('indexed_table'));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yangfan-bench-data-'));
    const env = { ...process.env, ...KEY_ENV, DATABASE_URL: scratch.url, YANGFAN_DATA_DIR: dataDir };
    console.log('(d1) yangfan import roster → PostgreSQL，首次导入 …');
    const target = { postgres: scratch.url };
    const firstLoad = await step(skipped[2]!, () => runImport(first, env, target));
    console.log('(d2) yangfan import roster → PostgreSQL，次月 …');
    const nextMonth = await step(skipped[3]!, () => runImport(next, env, target));
    rmSync(dataDir, { recursive: true, force: true });
    return [bare, indexed, firstLoad, nextMonth];
  } finally {
    await scratch.drop();
  }
}

/** Where an import wrote: its run and the monitoring refresh after it are read back from there. */
type Target = { sqlite: string } | { postgres: string };

interface Timed {
  started_at: string;
  finished_at: string | null;
}

/**
 * The command's time in its parts: the rows (the import run, first to last batch), the
 * monitoring refresh that follows every roster import, and the rest (start-up: loading the
 * code, migrations check, reference data).
 */
async function phasesOf(target: Target, total: number): Promise<string> {
  const sqlRun = 'select started_at, finished_at from import_runs order by id desc limit 1';
  const sqlRefresh = 'select started_at, finished_at from monitoring_refreshes order by id desc limit 1';
  let run: Timed | undefined;
  let refresh: Timed | undefined;
  if ('sqlite' in target) {
    const db = new SqliteDatabase(target.sqlite, { readonly: true });
    run = db.prepare(sqlRun).get() as Timed | undefined;
    refresh = db.prepare(sqlRefresh).get() as Timed | undefined;
    db.close();
  } else {
    [run, refresh] = await withClient(target.postgres, async (client) => [
      (await client.query<Timed>(sqlRun)).rows[0],
      (await client.query<Timed>(sqlRefresh)).rows[0],
    ]);
  }
  const span = (timed: Timed | undefined) =>
    timed?.finished_at ? (Date.parse(timed.finished_at) - Date.parse(timed.started_at)) / 1000 : 0;
  const rows = span(run);
  const refreshed = span(refresh);
  return `写入 ${rows.toFixed(1)} 秒，统计刷新 ${refreshed.toFixed(1)} 秒，启动等 ${(total - rows - refreshed).toFixed(1)} 秒`;
}

async function runImport(
  file: RosterFile,
  env: NodeJS.ProcessEnv,
  target: Target,
): Promise<Measured & { note: string }> {
  const result = requireSuccess(
    'yangfan import roster',
    await runMeasured(process.execPath, [CLI, 'import', 'roster', file.path, '--json'], { env, measureMemory: true }),
  );
  const summary = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
    rows?: number;
    accepted?: number;
    rejected?: number;
  };
  const note = `行 ${summary.rows}，接收 ${summary.accepted}，拒绝 ${summary.rejected}；${await phasesOf(target, result.seconds)}；负载 ${load()}`;
  if (summary.rows !== file.rows || summary.rejected !== 0 || summary.accepted !== file.rows)
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
  const at = (prefix: string) => results.find((r) => r.step.startsWith(prefix));
  const seconds = (prefix: string) => at(prefix)?.seconds ?? null;
  const [a, b1, b2, c, d1, d2] = ['(a)', '(b1)', '(b2)', '(c)', '(d1)', '(d2)'].map(
    (prefix) => seconds(prefix) ?? null,
  );
  const peaks = ['(b1)', '(b2)', '(d1)', '(d2)'].map((prefix) => at(prefix)).filter((r) => r?.peakMb);
  const highest = Math.max(0, ...peaks.map((r) => r!.peakMb!));
  // Other work on the machine slows the import more than the bulk loaders; the load says how much there was.
  const machine = `${cpus().length} 核，结束时系统负载 ${load()}`;
  printTable(`名单导入基准：每月 ${file.rows} 人（${file.enterprises} 家企业；${machine}）`, results, [
    ratioLine('b1/a（SQLite 首次导入 ÷ sqlite3 .import）', b1 ?? null, a ?? null, 20),
    ratioLine('b2/a（SQLite 次月导入 ÷ sqlite3 .import）', b2 ?? null, a ?? null, 10),
    ratioLine('d1/c（PostgreSQL 首次导入 ÷ psql \\copy）', d1 ?? null, c ?? null, 20),
    ratioLine('d2/c（PostgreSQL 次月导入 ÷ psql \\copy）', d2 ?? null, c ?? null, 10),
    ratioLine('f/a（密码运算下限 ÷ sqlite3 .import）', seconds('(f)') ?? null, a ?? null),
    ratioLine('a′/a（带索引的 .import ÷ sqlite3 .import）', seconds('(a′)') ?? null, a ?? null),
    ratioLine('c′/c（带索引的 \\copy ÷ psql \\copy）', seconds('(c′)') ?? null, c ?? null),
    peaks.length === 0
      ? '导入峰值内存：未测得'
      : `导入峰值内存最高 = ${Math.round(highest)} MB（指标 ≤ 300 MB，${highest <= 300 ? '达标' : '未达标'}）`,
  ]);
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
}

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return env;
}

await main();
