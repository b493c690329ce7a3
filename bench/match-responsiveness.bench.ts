import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { createAppContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { matchRunnerOf, runMatchInBackground } from '../src/modules/benefits/match/match-runner.ts';
import { createMatchRun, executeMatchRun } from '../src/modules/benefits/match/match.service.ts';
import { systemActor } from '../src/platform/auth/current-user.ts';

/**
 * How the server answers while a 免申即享 match run works: GET /api/v1/health sampled at a fixed
 * rate (open loop: a request every --every ms whether or not the last one came back) while idle,
 * during a run in the server's own thread (how the web's runs worked before) and during a run in
 * a worker thread (how they work now), each as p50/p99/max and as a ratio to idle. The server runs
 * in a child process over whatever database YANGFAN_DB / DATABASE_URL names (the province demo:
 * `yangfan demo --scale province`); each run is a rerun of the same policy and period, so after
 * the first it writes nothing new. Options: --policy, --period, --every ms, --idle s. No bar.
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    serve: { type: 'boolean', default: false },
    policy: { type: 'string', default: 'stable_jobs_refund' },
    period: { type: 'string', default: '2025' },
    every: { type: 'string', default: '20' },
    idle: { type: 'string', default: '3' },
  },
  allowPositionals: true,
});

type Mode = 'this-thread' | 'worker';

// The server side: the real app (no scheduler); a line on stdin names how to run the next match run.
async function serve(): Promise<void> {
  const ctx = createAppContext({ ...loadConfig(), logLevel: 'warn' });
  const app = await buildApp(ctx, { logStream: process.stderr });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  process.stdout.write(
    `${JSON.stringify({ ready: true, port, database: ctx.dialect, runner: await matchRunnerOf(ctx) })}\n`,
  );
  for await (const line of createInterface({ input: process.stdin })) {
    const mode = line.trim() as Mode;
    const actor = systemActor('bench:match-responsiveness');
    const started = performance.now();
    const runId = await createMatchRun(ctx, ctx.db, actor, options.policy!, options.period!);
    await (mode === 'worker' ? runMatchInBackground(ctx, actor, runId) : executeMatchRun(ctx, actor, runId));
    const run = await ctx.db
      .selectFrom('benefit_match_runs')
      .select(['status', 'error', 'summary'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    const timings = run.summary ? (JSON.parse(run.summary) as { timings_ms: Record<string, number> }).timings_ms : null;
    process.stdout.write(
      `${JSON.stringify({ done: mode, ms: performance.now() - started, status: run.status, error: run.error, timings })}\n`,
    );
  }
  await app.close();
  await ctx.close();
}

interface Phase {
  label: string;
  latencies: number[];
  runMs?: number;
  timings?: { sql: number; evaluate: number; write: number };
}

async function drive(): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--serve', '--policy', options.policy!, '--period', options.period!],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  try {
    const ready = JSON.parse(await nextLine(lines, child, '{"ready"')) as {
      port: number;
      database: string;
      runner: string;
    };
    const url = `http://127.0.0.1:${ready.port}/api/v1/health`;
    console.log(
      `数据库 ${ready.database}（服务的匹配方式：${ready.runner === 'worker' ? '后台线程' : '本线程'}）；${options.policy} ${options.period}；每 ${options.every} ms 一次健康检查；开始时负载 ${loadavg()[0]!.toFixed(2)}`,
    );
    const idle = await sample(url, () => new Promise((resolve) => setTimeout(resolve, Number(options.idle) * 1000)));
    const phases: Phase[] = [{ label: '空闲', latencies: idle.latencies }];
    for (const [mode, label] of [
      ['this-thread', '匹配在服务线程（原方式）'],
      ['worker', '匹配在后台线程（现方式）'],
    ] as const) {
      const during = await sample(url, async () => {
        child.stdin!.write(`${mode}\n`);
        return JSON.parse(await nextLine(lines, child, '{"done"')) as {
          ms: number;
          status: string;
          error: string | null;
          timings: Phase['timings'];
        };
      });
      if (during.result.status !== 'completed')
        throw new Error(`匹配批次未完成：${during.result.status} ${during.result.error ?? ''}`);
      phases.push({ label, latencies: during.latencies, runMs: during.result.ms, timings: during.result.timings });
    }
    report(phases);
    console.log(`结束时负载 ${loadavg()[0]!.toFixed(2)}（1 分钟平均）`);
  } finally {
    child.kill('SIGTERM');
  }
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

function nextLine(lines: Interface, child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onLine = (line: string) => {
      if (!line.startsWith(prefix)) return;
      lines.off('line', onLine);
      child.off('exit', onExit);
      resolve(line);
    };
    const onExit = (code: number | null) => reject(new Error(`服务进程提前退出（${code}）`));
    lines.on('line', onLine);
    child.once('exit', onExit);
  });
}

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
    cells.map((cell, i) => (i === 0 ? padDisplay(cell, 26) : padDisplay(cell, 11, 'start'))).join('');
  console.log(
    [
      '',
      row(['阶段', '请求数', 'p50 ms', 'p99 ms', 'max ms', 'p50/空闲', 'p99/空闲', '批次耗时 s']),
      ...stats.map((s) =>
        row([
          s.label,
          String(s.latencies.length),
          s.p50.toFixed(1),
          s.p99.toFixed(1),
          s.max.toFixed(1),
          ratio(s.p50, idle.p50),
          ratio(s.p99, idle.p99),
          s.runMs === undefined ? '' : (s.runMs / 1000).toFixed(1),
        ]),
      ),
      '',
    ].join('\n'),
  );
  for (const s of stats.slice(1)) {
    const { sql, evaluate, write } = s.timings!;
    console.log(
      `${s.label}：SQL ${sql} ms，评估 ${evaluate} ms，写入 ${write} ms，其余（读政策、线程启动等）${Math.round(s.runMs! - sql - evaluate - write)} ms`,
    );
  }
  const [before, after] = [stats[1]!, stats[2]!];
  console.log(
    `匹配期间健康检查 p99：服务线程 ${before.p99.toFixed(0)} ms → 后台线程 ${after.p99.toFixed(0)} ms（${ratio(before.p99, after.p99)}）；后台线程批次耗时 / 服务线程 = ${(after.runMs! / before.runMs!).toFixed(2)}`,
  );
}

await (options.serve ? serve() : drive());
