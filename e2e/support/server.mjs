import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A TCP port nobody listens on right now. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`GET /api/v1/health did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * Starts `node bin/yangfan.mjs start` on a free port and waits until /api/v1/health answers.
 * By default a fresh data directory and SQLite; `databaseUrl` runs it on PostgreSQL instead.
 * `clockStart` (an ISO instant) sets the demo clock (YANGFAN_CLOCK_START). `restart` stops the
 * server and starts it again on the same data, e.g. with the clock moved on.
 */
export async function startYangfan({ timeoutMs = 180_000, dataDir, databaseUrl, clockStart } = {}) {
  const port = await findFreePort();
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'yangfan-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, YANGFAN_DATA_DIR: dir, PORT: String(port) };
  // Demo mode needs a non-production server, and the web build it may run must not be a
  // development build: leave NODE_ENV unset.
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  delete env.YANGFAN_CLOCK_START;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (clockStart) env.YANGFAN_CLOCK_START = clockStart;
  const child = spawn(process.execPath, ['bin/yangfan.mjs', 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  async function stop({ keepData = false } = {}) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([
        new Promise((resolve) => child.once('exit', resolve)),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (!keepData) rmSync(dir, { recursive: true, force: true });
  }

  async function restart(options = {}) {
    await stop({ keepData: true });
    return startYangfan({ timeoutMs, dataDir: dir, databaseUrl, ...options });
  }

  try {
    await waitForHealth(baseUrl, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- server output ---\n${output.trim()}`);
  }
  const health = await (await fetch(`${baseUrl}/api/v1/health`)).json();
  // How far the server's clock is ahead of this process's (the demo clock; ~0 otherwise).
  const clockOffsetMs = Date.parse(health.time) - Date.now();
  return { baseUrl, dataDir: dir, database: health.database, clockOffsetMs, stop, restart, output: () => output };
}

/** The demo password printed by `start` ("密码均为 …"), or the documented default. */
export function demoPasswordFrom(output) {
  return /密码均为\s*(\S+?)[；;，,\s]/.exec(output)?.[1] ?? 'Yangfan@2026';
}
