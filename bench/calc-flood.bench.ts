import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { createAppContext, prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';

/**
 * Whether anonymous callers can stall the server: GET /api/v1/health sampled at a fixed rate
 * (open loop, a request every --every ms) while idle, and while the public policy calculator is
 * flooded within its rate limit (--rate requests a second for --seconds; 120 a minute is the
 * limit) with the body of 400,000 made-up facts (6.6 MB), and then with an ordinary small form.
 * p50/p99/max of /health per phase and their ratio to idle, plus how the flood was answered.
 * The server runs in a child process on a fresh SQLite database in a temporary directory. No bar.
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    serve: { type: 'boolean', default: false },
    every: { type: 'string', default: '20' },
    idle: { type: 'string', default: '3' },
    rate: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '5' },
    keys: { type: 'string', default: '400000' },
  },
  allowPositionals: true,
});

async function serve(): Promise<void> {
  const ctx = createAppContext({ ...loadConfig(), logLevel: 'warn' });
  await prepareDatabase(ctx);
  const app = await buildApp(ctx, { logStream: process.stderr });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ ready: true, port: (app.server.address() as { port: number }).port })}\n`);
  process.once(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => ctx.close())
        .then(() => process.exit(0)),
  );
}

interface Phase {
  label: string;
  latencies: number[];
  answers?: string;
}

async function drive(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yangfan-bench-flood-'));
  const env = { ...process.env, DATABASE_URL: '', YANGFAN_DATA_DIR: dataDir, NODE_ENV: 'development' };
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  try {
    const lines = createInterface({ input: child.stdout! });
    const ready = await new Promise<{ port: number }>((resolve, reject) => {
      lines.on('line', (line) => line.startsWith('{"ready"') && resolve(JSON.parse(line) as { port: number }));
      child.once('exit', (code) => reject(new Error(`服务进程提前退出（${code}）`)));
    });
    const base = `http://127.0.0.1:${ready.port}`;
    const big = JSON.stringify({
      facts: Object.fromEntries(Array.from({ length: Number(options.keys) }, (_, i) => [`k${i}`, i])),
    });
    const small = JSON.stringify({
      facts: {
        ui_months_paid_last_year: 12,
        insured_jan_last_year: 120,
        insured_dec_last_year: 118,
        insured_avg_last_year: 119,
      },
    });
    console.log(
      `SQLite（临时目录）；每 ${options.every} ms 一次健康检查；计算器每秒 ${options.rate} 次、持续 ${options.seconds} 秒；大请求体 ${(big.length / 1e6).toFixed(1)} MB；开始时负载 ${loadavg()[0]!.toFixed(2)}`,
    );
    const phases: Phase[] = [
      {
        label: '空闲',
        latencies: (await sample(`${base}/api/v1/health`, () => sleep(Number(options.idle) * 1000))).latencies,
      },
    ];
    for (const [label, body] of [
      [`计算器洪泛（${(big.length / 1e6).toFixed(1)} MB 事实表）`, big],
      ['计算器正常表单', small],
    ] as const) {
      const during = await sample(`${base}/api/v1/health`, () =>
        flood(`${base}/api/v1/policies/stable_jobs_refund/calc`, body),
      );
      phases.push({ label, latencies: during.latencies, answers: during.result });
    }
    report(phases);
    console.log(`结束时负载 ${loadavg()[0]!.toFixed(2)}（1 分钟平均）`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Sends the calculator `rate` requests a second for `seconds`; answers a summary of statuses, times and sizes. */
async function flood(url: string, body: string): Promise<string> {
  const count = Number(options.rate) * Number(options.seconds);
  const answers: Promise<{ status: number; ms: number; bytes: number }>[] = [];
  for (let i = 0; i < count; i += 1) {
    const sent = performance.now();
    answers.push(
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
        async (response) => {
          const bytes = (await response.arrayBuffer()).byteLength;
          return { status: response.status, ms: performance.now() - sent, bytes };
        },
        () => ({ status: 0, ms: performance.now() - sent, bytes: 0 }),
      ),
    ); // 0: the server closed the connection mid-body (after a 413)
    await sleep(1000 / Number(options.rate));
  }
  const done = await Promise.all(answers);
  const statuses = Object.entries(
    done.reduce<Record<number, number>>((sum, a) => ({ ...sum, [a.status]: (sum[a.status] ?? 0) + 1 }), {}),
  )
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  const slowest = Math.max(...done.map((a) => a.ms));
  const largest = Math.max(...done.map((a) => a.bytes));
  return `${statuses}，最慢 ${slowest.toFixed(0)} ms，最大答复 ${largest.toLocaleString('en-US')} 字节`;
}

/** Samples the endpoint at a fixed rate while `work` runs; waits for the requests still out. */
async function sample<T>(url: string, work: () => Promise<T>): Promise<{ latencies: number[]; result: T }> {
  const pending: Promise<number>[] = [];
  const timer = setInterval(() => {
    const sent = performance.now();
    pending.push(
      fetch(url).then(async (response) => {
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`健康检查 ${response.status}`);
        return performance.now() - sent;
      }),
    );
  }, Number(options.every));
  try {
    const result = await work();
    return { result, latencies: await Promise.all(pending) };
  } finally {
    clearInterval(timer);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Pads by display width: a Chinese character takes two columns. */
function padDisplay(text: string, width: number, side: 'end' | 'start' = 'end'): string {
  const shown = [...text].reduce((sum, ch) => sum + (/[\u3000-\uffff]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, width - shown));
  return side === 'end' ? text + fill : fill + text;
}

function report(phases: Phase[]): void {
  const stats = phases.map((phase) => {
    const sorted = [...phase.latencies].sort((a, b) => a - b);
    return { ...phase, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
  });
  const idle = stats[0]!;
  const ratio = (value: number, of: number) => `${(value / Math.max(of, 0.001)).toFixed(1)}×`;
  const row = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? padDisplay(cell, 34) : padDisplay(cell, 11, 'start'))).join('');
  console.log(
    [
      '',
      row(['阶段（/health）', '请求数', 'p50 ms', 'p99 ms', 'max ms', 'p50/空闲', 'p99/空闲']),
      ...stats.map((s) =>
        row([
          s.label,
          String(s.latencies.length),
          s.p50.toFixed(1),
          s.p99.toFixed(1),
          s.max.toFixed(1),
          ratio(s.p50, idle.p50),
          ratio(s.p99, idle.p99),
        ]),
      ),
      '',
    ].join('\n'),
  );
  for (const s of stats.slice(1)) console.log(`${s.label}：计算器答复 ${s.answers}`);
}

await (options.serve ? serve() : drive());
