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
 * Starts `node bin/yangfan.mjs start` on a free port with a fresh data directory (the start
 * migrates, loads reference data and demo accounts), and waits until /api/v1/health answers.
 */
export async function startYangfan({ timeoutMs = 180_000 } = {}) {
  const port = await findFreePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yangfan-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, YANGFAN_DATA_DIR: dataDir, PORT: String(port) };
  // Demo mode needs a non-production server, and the web build it may run must not be a
  // development build: leave NODE_ENV unset. SQLite is the point here, not PostgreSQL.
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/yangfan.mjs', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  async function stop() {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([
        new Promise((resolve) => child.once('exit', resolve)),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await waitForHealth(baseUrl, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- server output ---\n${output.trim()}`);
  }
  return { baseUrl, dataDir, stop, output: () => output };
}

/** The demo password printed by `start` ("密码均为 …"), or the documented default. */
export function demoPasswordFrom(output) {
  return /密码均为\s*(\S+?)[；;，,\s]/.exec(output)?.[1] ?? 'Yangfan@2026';
}
