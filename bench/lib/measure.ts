import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** What one timed command did: wall time, peak memory when measurable, and its output. */
export interface Measured {
  seconds: number;
  /** Peak resident set size in MB (GNU time's maximum RSS, else sampled VmHWM). */
  peakMb: number | null;
  code: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command to completion and times it. The peak RSS comes from `/usr/bin/time -v` when
 * present; otherwise /proc/<pid>/status VmHWM is sampled every 100 ms (a high-water mark,
 * so sampling late still sees the peak while the process lives).
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; measureMemory?: boolean } = {},
): Promise<Measured> {
  const useTime = options.measureMemory === true && existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sampledKb = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sampler =
      options.measureMemory && !useTime
        ? setInterval(() => (sampledKb = Math.max(sampledKb, readHighWaterKb(child.pid))), 100)
        : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      const timeKb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0) : 0;
      const peakKb = timeKb || sampledKb;
      resolve({
        seconds,
        peakMb: options.measureMemory && peakKb > 0 ? peakKb / 1024 : null,
        code: code ?? 1,
        stdout,
        stderr,
      });
    });
  });
}

function readHighWaterKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Throws with the command's own error output when it failed. */
export function requireSuccess(step: string, result: Measured): Measured {
  if (result.code === 0) return result;
  const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-8).join('\n');
  throw new Error(`${step} 失败（退出码 ${result.code}）：\n${output}`);
}

/** One line of the result table. */
export interface ResultRow {
  step: string;
  seconds: number | null;
  peakMb?: number | null;
  note?: string;
}

/** Prints the results as a small aligned table, then the ratio lines. */
export function printTable(title: string, rows: readonly ResultRow[], ratios: readonly string[]): void {
  const width = Math.max(...rows.map((r) => displayWidth(r.step))) + 2;
  const lines = [title, `${pad('步骤', width)}${'秒'.padStart(10)}${'峰值内存'.padStart(12)}`];
  for (const row of rows) {
    const seconds = row.seconds === null ? '—' : row.seconds.toFixed(1);
    const memory = row.peakMb ? `${Math.round(row.peakMb)} MB` : '';
    lines.push(
      `${pad(row.step, width)}${seconds.padStart(10)}${memory.padStart(14)}${row.note ? `  ${row.note}` : ''}`,
    );
  }
  console.log(['', ...lines, '', ...ratios].join('\n'));
}

// CJK characters take two columns in a terminal.
function displayWidth(text: string): number {
  return [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A ratio against its baseline, with the SPEC §6 bar it is held to. */
export function ratioLine(label: string, value: number | null, baseline: number | null, bar?: number): string {
  if (value === null || baseline === null || baseline <= 0) return `${label}: 未测得`;
  const ratio = value / baseline;
  // A ratio without a bar of its own is printed for comparison only.
  if (bar === undefined || !Number.isFinite(bar)) return `${label} = ${ratio.toFixed(2)}（仅供对照，无比值指标）`;
  return `${label} = ${ratio.toFixed(2)}（指标 ≤ ${bar}，${ratio <= bar ? '达标' : '未达标'}）`;
}
