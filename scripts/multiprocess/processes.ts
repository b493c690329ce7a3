import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { totpCode } from '../../src/platform/auth/totp.ts';

/** Server and worker processes of the multi-process test, each a real `yangfan` process on one database. */

const CLI = new URL('../../bin/yangfan.mjs', import.meta.url).pathname;
const children = new Set<ChildProcess>();

export interface Started {
  child: ChildProcess;
  /** The first JSON line the process printed (the server's url, the worker's pid). */
  ready: Record<string, unknown>;
}

/** Starts `yangfan <args>` and waits for its JSON start-up line. */
export function startYangfan(args: string[], env: NodeJS.ProcessEnv, label: string): Promise<Started> {
  // Log lines are JSON too: the start-up line is the one naming the server's url or the worker's pid.
  const readyKey = args[0] === 'worker' ? 'worker' : 'url';
  const child = spawn(process.execPath, [CLI, ...args, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start in 90 s:\n${stderr}`)), 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it was ready:\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const ready = JSON.parse(line) as Record<string, unknown>;
      if (!(readyKey in ready)) return;
      clearTimeout(timer);
      resolve({ child, ready });
    });
  });
}

/** Kills the process at once (SIGKILL) and waits for it to be gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Stops every process this test started. */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((child) => killHard(child)));
}

/** A small HTTP client holding one session cookie. */
export class Client {
  cookie = '';
  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, response };
  }

  async login(username: string, password: string, totpSecret?: string) {
    const answer = await this.request('POST', '/api/v1/auth/login', {
      username,
      password,
      ...(totpSecret ? { totp: totpCode(totpSecret, new Date()) } : {}),
    });
    const cookie = answer.response.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0]!;
    return answer;
  }
}

/** Polls until `check` answers a value, or fails after the timeout. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
