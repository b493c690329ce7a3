import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { createAppContext, prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createUser } from '../src/modules/accounts/users.service.ts';
import { refreshMonitoringAggregates } from '../src/modules/monitoring/refresh/refresh.service.ts';
import { currentAggregates } from '../src/modules/monitoring/result-cache.ts';
import { warmDashboard } from '../src/modules/monitoring/indicators/warm-dashboard.ts';
import { systemActor } from '../src/platform/auth/current-user.ts';
import { totpCode } from '../src/platform/auth/totp.ts';

/**
 * SPEC §6, dashboard and list endpoints: autocannon at a fixed 300 requests per second for
 * 30 s against the monitoring dashboard's endpoints (signed in as a province official), and
 * against a bare Fastify route served by the same process in the same run. Bar: p99 ≤ 50 ms
 * and no errors. Runs on whatever database YANGFAN_DB / DATABASE_URL names (fill it with
 * `yangfan demo --scale province`). The server runs in a child process so the load generator
 * does not share its event loop. Options: --rate N, --duration S, --each S (per-endpoint runs,
 * 0 to skip), --connections N.
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    serve: { type: 'boolean', default: false },
    rate: { type: 'string', default: '300' },
    duration: { type: 'string', default: '30' },
    each: { type: 'string', default: '10' },
    connections: { type: 'string', default: '30' },
  },
  allowPositionals: true,
});

const BENCH_USER = 'bench.province';
const BENCH_PASSWORD = 'Bench@Password1';
const BAR_P99_MS = 50;

interface Ready {
  ready: true;
  app: number;
  bare: number;
  cookie: string;
  uscc: string;
  database: string;
}

// The server side: the real app (logging at warn, no scheduler) and a bare Fastify route.
async function serve(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'warn', environment: 'test' as const };
  const ctx = createAppContext(config);
  await prepareDatabase(ctx);
  if ((await currentAggregates(ctx.db)).generation === 0) {
    const summary = await refreshMonitoringAggregates(ctx);
    process.stderr.write(`监测汇总首次生成：${summary.statsRows} 行，${summary.seconds} 秒\n`);
  }
  const app = await buildApp(ctx, { logStream: process.stderr });
  await app.listen({ host: '127.0.0.1', port: 0 });
  // As `yangfan serve` does after listening (src/server.ts).
  await warmDashboard(ctx);
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const top = await ctx.db
    .selectFrom('enterprise_month_stats')
    .select('uscc')
    .where('is_monitored', '=', 1)
    .orderBy('insured', 'desc')
    .limit(1)
    .executeTakeFirst();
  const ready: Ready = {
    ready: true,
    app: portOf(app.server.address()),
    bare: portOf(bare.server.address()),
    cookie: await signIn(ctx, app),
    uscc: top?.uscc ?? 'none',
    database: ctx.dialect,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  // Requests autocannon left in flight may still reach the database: let them finish first.
  const stop = async () => {
    await Promise.all([app.close(), bare.close()]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}

function portOf(address: unknown): number {
  return typeof address === 'object' && address !== null ? (address as { port: number }).port : 0;
}

// A province official's session; the account is created once per database and reused.
async function signIn(
  ctx: ReturnType<typeof createAppContext>,
  app: Awaited<ReturnType<typeof buildApp>>,
): Promise<string> {
  const existing = await ctx.db
    .selectFrom('users')
    .select('totp_secret_enc')
    .where('username', '=', BENCH_USER)
    .executeTakeFirst();
  const secret = existing?.totp_secret_enc
    ? ctx.cipher.decrypt(existing.totp_secret_enc)
    : (
        await createUser(ctx, systemActor('bench'), {
          username: BENCH_USER,
          displayName: '基准测试（省人社）',
          role: 'province_hrss',
          password: BENCH_PASSWORD,
        })
      ).totpSecret!;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: BENCH_USER, password: BENCH_PASSWORD, totp: totpCode(secret, new Date()) },
  });
  if (response.statusCode !== 200) throw new Error(`基准测试账号登录失败：${response.body}`);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

interface Result {
  label: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  cold?: number;
}

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function endpoints(ready: Ready): { label: string; path: string }[] {
  return [
    { label: '指标 plan', path: '/api/v1/kpi?period=plan' },
    { label: '指标 最近月', path: '/api/v1/kpi?period=202512' },
    { label: '指标 苏州 制造业', path: '/api/v1/kpi?period=plan&region=320500&industry=manufacturing' },
    { label: '走势', path: '/api/v1/monitoring/trend?period=plan' },
    { label: '排名', path: '/api/v1/monitoring/ranking?indicator=absorbed_insured&period=plan' },
    { label: '地图', path: '/api/v1/monitoring/map?indicator=insured_employees&period=2025' },
    { label: '地区下钻 苏州', path: '/api/v1/monitoring/regions/320500?period=plan&page=1&pageSize=20' },
    { label: '企业月度序列', path: `/api/v1/monitoring/enterprises/${ready.uscc}/series` },
    { label: '预警列表', path: '/api/v1/monitoring/alerts?status=open&page=1&pageSize=20' },
    { label: '企业名录列表', path: '/api/v1/enterprises?page=1&pageSize=20' },
  ];
}

async function run(
  label: string,
  url: string,
  requests: { path: string }[],
  seconds: number,
  headers: Record<string, string>,
): Promise<Result> {
  const result = await autocannon({
    url,
    requests: requests.map((r) => ({ method: 'GET', path: r.path })),
    headers,
    overallRate: Number(options.rate),
    duration: seconds,
    connections: Number(options.connections),
    timeout: 10,
  });
  return {
    label,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

// The first call of each endpoint computes its answer; later calls read it until the next refresh.
async function warmUp(
  base: string,
  list: { label: string; path: string }[],
  cookie: string,
): Promise<Map<string, number>> {
  const cold = new Map<string, number>();
  for (const e of list) {
    const started = performance.now();
    const response = await fetch(`${base}${e.path}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${e.label} ${e.path} → ${response.status}`);
    cold.set(e.label, performance.now() - started);
  }
  return cold;
}

async function drive(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const ready = await waitForReady(child);
    const base = `http://127.0.0.1:${ready.app}`;
    const list = endpoints(ready);
    const headers = { cookie: ready.cookie };
    // Other work on the machine shows in the baseline too; the load average says how much there was.
    console.log(
      `数据库 ${ready.database}；固定速率 ${options.rate} 次/秒，${options.duration} 秒，${options.connections} 个连接；开始时负载 ${loadavg()[0]!.toFixed(2)}`,
    );
    const cold = await warmUp(base, list, ready.cookie);
    const duration = Number(options.duration);
    const results = [
      await run('基线：裸 Fastify 路由', `http://127.0.0.1:${ready.bare}`, [{ path: '/bare' }], duration, {}),
    ];
    results.push(await run('看板与列表（混合）', base, list, duration, headers));
    const each = Number(options.each);
    if (each > 0)
      for (const e of list)
        results.push({ ...(await run(e.label, base, [e], each, headers)), cold: cold.get(e.label) });
    report(results, each);
    console.log(`结束时负载 ${loadavg()[0]!.toFixed(2)}（1 分钟平均，CPU 核数之内为宜）`);
  } finally {
    child.kill('SIGTERM');
  }
}

function waitForReady(child: ChildProcess): Promise<Ready> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{"ready":true')) resolve(JSON.parse(line) as Ready);
    });
    child.once('exit', (code) => reject(new Error(`服务进程提前退出（${code}）`)));
  });
}

function report(results: Result[], each: number): void {
  const baseline = results[0]!;
  const rows = results.map(
    (r) =>
      `${r.label.padEnd(20)}${String(r.requests).padStart(8)}${r.p50.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.max.toFixed(1).padStart(9)}${String(r.errors).padStart(7)}${r.cold === undefined ? '' : r.cold.toFixed(1).padStart(10)}`,
  );
  console.log(
    [
      '',
      `${'步骤'.padEnd(18)}${'请求数'.padStart(6)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'错误'.padStart(5)}${each > 0 ? '首次 ms'.padStart(8) : ''}`,
      ...rows,
      '',
    ].join('\n'),
  );
  const mixed = results[1]!;
  const worst = results.slice(1).reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const isMet = results.slice(1).every((r) => r.p99 <= BAR_P99_MS && r.errors === 0);
  console.log(
    `看板 p99 / 基线 p99 = ${(mixed.p99 / Math.max(baseline.p99, 0.001)).toFixed(2)}（基线 p99 ${baseline.p99.toFixed(1)} ms）`,
  );
  console.log(
    `最慢 p99：${worst.label} ${worst.p99.toFixed(1)} ms；指标 p99 ≤ ${BAR_P99_MS} ms 且 0 错误：${isMet ? '达标' : '未达标'}`,
  );
  process.exitCode = isMet ? 0 : 1;
}

await (options.serve ? serve() : drive());
