import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { createAppContext, prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { enterpriseName } from '../src/modules/demo/demo-names.ts';
import { createRandom } from '../src/modules/demo/random.ts';
import { loadDemoPostings } from '../src/modules/recruitment/search/demo-postings.ts';
import { rebuildSearchIndex } from '../src/modules/recruitment/search/search-index.ts';
import { searchJobs, type JobSearchQuery } from '../src/modules/recruitment/search/search.service.ts';
import { searchSettings } from '../src/modules/recruitment/search/search-text.ts';
import { makeUsccForSerial } from '../src/platform/identifiers/uscc.ts';
import { createScratchDatabase, isPostgresReachable, type ScratchDatabase } from './lib/scratch-postgres.ts';

/**
 * SPEC §6, job search over 200,000 postings (bar p95 ≤ 30 ms) and its indexing (bar ≤ 60 s): a
 * register of enterprises and the demo's published postings are written, the search index is
 * rebuilt and timed, then autocannon sends 1,000 different mixed queries (Chinese words with
 * filters, the three sorts, pages 1–3) at a fixed rate to the real app served by a child process,
 * and the same number of requests to the health route of the same app in the same run: p95 of
 * each (from every response's time) and their ratio. On SQLite, then on PostgreSQL when
 * YANGFAN_TEST_PG or DATABASE_URL names a server (a scratch database is made there and dropped).
 * Run: `npm run bench -- search [--postings 200000] [--enterprises 15000] [--queries 1000] [--rate 50]`.
 * The per-address rate limit of the public route is lifted in the child for the run.
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    serve: { type: 'boolean', default: false },
    postings: { type: 'string', default: '200000' },
    enterprises: { type: 'string', default: '15000' },
    queries: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '50' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: '' },
    // A SQLite file to fill once and keep (filled when it has no postings yet), for repeated runs.
    db: { type: 'string', default: '' },
    // A PostgreSQL database to fill once and keep (instead of a scratch database made and dropped).
    'pg-db': { type: 'string', default: '' },
    // Keep the index already built in a kept database (measure the queries only).
    'no-rebuild': { type: 'boolean', default: false },
    // Only the in-process measure (no HTTP server).
    'in-process-only': { type: 'boolean', default: false },
    // How many of the slowest in-process queries to print.
    slowest: { type: 'string', default: '10' },
  },
  allowPositionals: true,
});

const BAR_P95_MS = 30;
const BAR_INDEX_SECONDS = 60;

// The server side: the real app, its health route as the baseline.
async function serve(): Promise<void> {
  searchSettings().rate_limit.max = 1_000_000_000;
  const config = { ...loadConfig(), logLevel: 'warn', environment: 'test' as const };
  const ctx = createAppContext(config);
  await prepareDatabase(ctx);
  const app = await buildApp(ctx, { logStream: process.stderr });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => ctx.close())
      .then(() => process.exit(0));
  });
}

const PLACES = ['江苏', '南京', '苏州', '无锡', '常州', '南通', '徐州', '扬州', '昆山', '江阴', '盐城', '泰州', '镇江'];
const INDUSTRIES = ['34', '35', '38', '39', '26', '27', '65', '36', '33'];
const TIERS = ['innovative', 'srdi', 'little_giant'] as const;

async function fill(env: NodeJS.ProcessEnv): Promise<{ seconds: { write: number; index: number }; indexed: number }> {
  const ctx = createAppContext(loadConfig(env));
  try {
    await prepareDatabase(ctx);
    if (await ctx.db.selectFrom('job_postings').select('id').limit(1).executeTakeFirst()) {
      if (options['no-rebuild']) return { seconds: { write: 0, index: 0 }, indexed: -1 };
      const started = performance.now();
      const indexed = await rebuildSearchIndex(ctx, new Date().toISOString());
      return { seconds: { write: 0, index: (performance.now() - started) / 1000 }, indexed };
    }
    const regions = await ctx.db
      .selectFrom('regions')
      .select(['code', 'city_code'])
      .where('level', '=', 'county')
      .where('city_code', 'is not', null)
      .execute();
    const random = createRandom(2026);
    const now = new Date().toISOString();
    const names = new Set<string>();
    let rows = [];
    const total = Number(options.enterprises);
    let started = performance.now();
    for (let i = 0; names.size < total && i < total * 4; i += 1) {
      const region = random.pick(regions);
      const name = enterpriseName(random, random.pick(PLACES), random.pick(INDUSTRIES), random.chance(0.3));
      if (names.has(name)) continue;
      names.add(name);
      rows.push({
        uscc: makeUsccForSerial(region.code, 20_000_000 + names.size),
        name,
        region_code: region.code,
        city_code: region.city_code!,
        industry_code: random.pick(INDUSTRIES),
        size: 'small' as const,
        tier: random.weighted([
          [TIERS[0], 6],
          [TIERS[1], 3],
          [TIERS[2], 1],
        ]),
        recognized_on: '2024-07-01',
        valid_until: '2027-06-30',
        contact_name: null,
        contact_phone_enc: null,
        contact_phone_index: null,
        content_hash: `bench-${names.size}`,
        change_seq: names.size,
        created_at: now,
        updated_at: now,
      });
      if (rows.length === 1000) {
        await ctx.db.insertInto('enterprises').values(rows).execute();
        rows = [];
      }
    }
    if (rows.length > 0) await ctx.db.insertInto('enterprises').values(rows).execute();
    const written = await loadDemoPostings(ctx, 2026, {
      count: Number(options.postings),
      index: false,
      onProgress: (done, all) => process.stderr.write(`\r岗位已写入 ${done}/${all}`),
    });
    process.stderr.write('\n');
    const write = (performance.now() - started) / 1000;
    started = performance.now();
    const indexed = await rebuildSearchIndex(ctx, new Date().toISOString());
    const index = (performance.now() - started) / 1000;
    console.log(
      `企业 ${names.size} 家，已发布岗位 ${written.postings} 条（有效期内 ${written.open} 条）；写入 ${write.toFixed(1)} 秒`,
    );
    return { seconds: { write, index }, indexed };
  } finally {
    await ctx.close();
  }
}

const WORDS = [
  '数控',
  '工程师',
  '焊工',
  '焊接',
  '嵌入式软件',
  '集成电路',
  '芯片',
  '半导体',
  '光伏',
  '锂电池',
  '机器人',
  '机器视觉',
  '智能制造',
  '质量',
  '仓储',
  '电工',
  'PLC',
  'Java',
  '前端',
  '大数据',
  '人工智能',
  '算法',
  '测试',
  '销售',
  '环保',
  '碳排放',
  '见习',
  '化工',
  '药品',
  '钳工',
  '加工中心',
  '设计',
  '工艺',
  '维修',
];
const CITIES = ['南京', '苏州', '无锡', '常州', '南通', '徐州', '扬州', '昆山', '盐城', '泰州', '镇江'];
const CITY_CODES = [
  '320100',
  '320200',
  '320300',
  '320400',
  '320500',
  '320583',
  '320600',
  '320900',
  '321000',
  '321100',
  '321200',
];
const EDUCATIONS = ['大专', '本科', '硕士', '高中/中专/技校'];

/** 1,000 different queries: one to three words (a city among them now and then) and filters. */
function mixedQueries(count: number): string[] {
  const random = createRandom(7);
  const seen = new Set<string>();
  for (let i = 0; seen.size < count && i < count * 20; i += 1) {
    const words = Array.from({ length: random.int(1, 2) }, () => random.pick(WORDS));
    if (random.chance(0.3)) words.push(random.pick(CITIES));
    const params = new URLSearchParams({ q: [...new Set(words)].join(' ') });
    if (random.chance(0.3)) params.set('region', random.pick(CITY_CODES));
    if (random.chance(0.2)) params.set('education', random.pick(EDUCATIONS));
    if (random.chance(0.2)) params.set('salaryMin', String(random.int(5, 20) * 1000));
    if (random.chance(0.15)) params.set('tier', random.pick(TIERS));
    if (random.chance(0.1)) params.set('occupation', random.pick(['2', '4', '6', '2-02', '6-18']));
    if (random.chance(0.2)) params.set('sort', random.pick(['date', 'salary']));
    if (random.chance(0.2)) params.set('page', String(random.int(2, 3)));
    seen.add(`/api/v1/public/jobs?${params.toString()}`);
  }
  return [...seen];
}

interface Measured {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

interface AutocannonInstance extends PromiseLike<{ errors: number; timeouts: number; non2xx: number }> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (o: Record<string, unknown>) => AutocannonInstance;

async function measure(port: number, paths: string[]): Promise<Measured> {
  let next = 0;
  const times: number[] = [];
  const rate = Number(options.rate);
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    // One shared cursor: every request is the next query, whichever connection sends it.
    requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }],
    amount: paths.length,
    overallRate: rate,
    connections: Number(options.connections),
    timeout: 10,
  });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
  return {
    requests: times.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** The route's query string as the service's query (what the route's schema does). */
function queryOf(pathWithQuery: string): JobSearchQuery {
  const params = new URL(pathWithQuery, 'http://x').searchParams;
  const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  const text = (name: string) => params.get(name) ?? undefined;
  return {
    q: text('q'),
    region: text('region'),
    occupation: text('occupation'),
    education: text('education'),
    tier: text('tier') as JobSearchQuery['tier'],
    sort: text('sort') as JobSearchQuery['sort'],
    salaryMin: number('salaryMin'),
    salaryMax: number('salaryMax'),
    page: number('page'),
    pageSize: number('pageSize'),
  };
}

/** A query's shape: how many words, which filters, which sort, which page. */
function shapeOf(pathWithQuery: string): string {
  const params = new URL(pathWithQuery, 'http://x').searchParams;
  const words = (params.get('q') ?? '').split(' ').filter(Boolean).length;
  const filters = ['region', 'education', 'salaryMin', 'tier', 'occupation'].filter((f) => params.has(f));
  return `${words} 词 ${params.get('sort') ?? 'relevance'}${filters.length ? ` +${filters.join('+')}` : ''}${params.has('page') ? ' p2+' : ''}`;
}

/**
 * The same queries answered in this process one after another (no HTTP, no queueing): each one's
 * time from the service, less sensitive to the machine's load than the served run; the slowest
 * are printed with their totals, and the p95 of each sort.
 */
async function measureInProcess(env: NodeJS.ProcessEnv, paths: string[]): Promise<void> {
  const ctx = createAppContext({ ...loadConfig(env), logLevel: 'warn' });
  try {
    for (const word of ['测试 南京', '工程师', '焊工 苏州']) await searchJobs(ctx, { q: word, pageSize: 7 });
    const timed: { path: string; ms: number; total: number }[] = [];
    for (const p of paths) {
      const started = performance.now();
      const page = await searchJobs(ctx, queryOf(p));
      timed.push({ path: p, ms: performance.now() - started, total: page.total });
    }
    const pct = (list: number[], p: number) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    };
    const ms = timed.map((t) => t.ms);
    console.log(
      `进程内（无 HTTP，逐条）${timed.length} 条：p50 ${pct(ms, 50).toFixed(1)} ms，p95 ${pct(ms, 95).toFixed(1)} ms，p99 ${pct(ms, 99).toFixed(1)} ms；负载 ${loadavg()[0]!.toFixed(2)}`,
    );
    for (const sort of ['relevance', 'date', 'salary']) {
      const some = timed.filter((t) => (new URL(t.path, 'http://x').searchParams.get('sort') ?? 'relevance') === sort);
      const list = some.map((t) => t.ms);
      console.log(
        `  按 ${sort}：${some.length} 条，p50 ${pct(list, 50).toFixed(1)} ms，p95 ${pct(list, 95).toFixed(1)} ms`,
      );
    }
    const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, Number(options.slowest));
    for (const t of slowest)
      console.log(
        `  ${t.ms.toFixed(1).padStart(7)} ms  共 ${String(t.total).padStart(6)} 条  ${shapeOf(t.path).padEnd(34)} ${decodeURIComponent(t.path.replace('/api/v1/public/jobs?', ''))}`,
      );
  } finally {
    await ctx.close();
  }
}

function waitForReady(child: ChildProcess): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{"ready":true')) resolve(JSON.parse(line) as { port: number });
    });
    child.once('exit', (code) => reject(new Error(`服务进程提前退出（${code}）`)));
  });
}

async function benchOne(label: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  console.log(`\n--- ${label} ---`);
  const filled = await fill(env);
  const indexMet = filled.seconds.index <= BAR_INDEX_SECONDS;
  console.log(
    filled.indexed < 0
      ? '检索索引：沿用已建好的索引（--no-rebuild）'
      : `检索索引重建：${filled.indexed} 条，${filled.seconds.index.toFixed(1)} 秒（指标 ≤ ${BAR_INDEX_SECONDS} 秒，${indexMet ? '达标' : '未达标'}）；负载 ${loadavg()[0]!.toFixed(2)}`,
  );
  const queries = mixedQueries(Number(options.queries));
  await measureInProcess(env, queries);
  if (options['in-process-only']) return indexMet;
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  try {
    const { port } = await waitForReady(child);
    // Warm-up: the dictionary and the first statements, on queries the run does not send.
    for (const word of ['测试 南京', '工程师', '焊工 苏州'])
      await fetch(`http://127.0.0.1:${port}/api/v1/public/jobs?q=${encodeURIComponent(word)}&pageSize=7`).then((r) =>
        r.arrayBuffer(),
      );
    console.log(
      `固定速率 ${options.rate} 次/秒，${options.connections} 个连接；开始时负载 ${loadavg()[0]!.toFixed(2)}`,
    );
    const health = await measure(
      port,
      Array.from({ length: queries.length }, () => '/api/v1/health'),
    );
    const search = await measure(port, queries);
    const line = (name: string, m: Measured) =>
      `${name.padEnd(22)}${String(m.requests).padStart(7)}${m.p50.toFixed(1).padStart(9)}${m.p95.toFixed(1).padStart(9)}${m.p99.toFixed(1).padStart(9)}${String(m.errors).padStart(6)}`;
    console.log(
      `${'步骤'.padEnd(20)}${'请求数'.padStart(5)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'错误'.padStart(5)}`,
    );
    console.log(line('基线：健康检查路由', health));
    console.log(line(`岗位检索（${queries.length} 条不同查询）`, search));
    const met = search.p95 <= BAR_P95_MS && search.errors === 0;
    console.log(
      `检索 p95 = ${search.p95.toFixed(1)} ms，为健康检查 p95 的 ${(search.p95 / Math.max(health.p95, 0.1)).toFixed(1)} 倍（指标 p95 ≤ ${BAR_P95_MS} ms，${met ? '达标' : '未达标'}）；结束时负载 ${loadavg()[0]!.toFixed(2)}`,
    );
    return met && indexMet;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  let ok = true;
  const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-search-bench-'));
  try {
    if (options.only !== 'postgres')
      ok =
        (await benchOne('SQLite', { DATABASE_URL: '', YANGFAN_DB: options.db || path.join(dir, 'search.db') })) && ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.YANGFAN_TEST_PG || process.env.DATABASE_URL;
  if (options.only !== 'sqlite' && pgUrl && (await isPostgresReachable(pgUrl))) {
    let scratch: ScratchDatabase | undefined;
    try {
      if (options['pg-db']) ok = (await benchOne('PostgreSQL', { DATABASE_URL: options['pg-db'] })) && ok;
      else {
        scratch = await createScratchDatabase(pgUrl);
        ok = (await benchOne('PostgreSQL', { DATABASE_URL: scratch.url })) && ok;
      }
    } finally {
      await scratch?.drop();
    }
  } else if (options.only !== 'sqlite') console.log('\n（未设置 YANGFAN_TEST_PG / DATABASE_URL，跳过 PostgreSQL）');
  process.exitCode = ok ? 0 : 1;
}

if (options.serve) await serve();
else await main();
