import SqliteDatabase from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ROWS = 30_000;

function writeRegister(file: string): void {
  const lines = ['统一社会信用代码,企业名称,梯度类型,认定日期,有效期至,所在地区代码,行业代码,企业规模'];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `${makeUsccForSerial('320583', 5_000_000 + i)},昆山测试${i}号精密机械有限公司,创新型,2024-06-01,2027-05-31,320583,34,小型`,
    );
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function importProcess(file: string, env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [path.join(ROOT, 'bin/yangfan.mjs'), 'import', 'enterprises', file, '--json'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('an import killed with SIGKILL', () => {
  it('keeps every committed batch, leaves no partial one, and a rerun completes it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-crash-'));
    const file = path.join(dir, 'register.csv');
    writeRegister(file);
    const env = { YANGFAN_DATA_DIR: dir, YANGFAN_DB: path.join(dir, 'crash.db'), DATABASE_URL: '' };

    const child = importProcess(file, env);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const committed = await waitForCommittedBatches(env.YANGFAN_DB, 2);
    child.kill('SIGKILL');
    await exited;

    const db = new SqliteDatabase(env.YANGFAN_DB, { readonly: true });
    const run = db
      .prepare('select status, accepted, committed_line from import_runs order by id desc limit 1')
      .get() as { status: string; accepted: number; committed_line: number };
    const stored = (db.prepare('select count(*) as n from enterprises').get() as { n: number }).n;
    db.close();
    expect(committed).toBeGreaterThan(0);
    expect(run.status).toBe('running');
    expect(run.accepted).toBeLessThan(ROWS);
    // Exactly the committed batches are there: the counters and the rows were written together.
    expect(stored).toBe(run.accepted);

    const rerun = importProcess(file, env);
    let out = '';
    rerun.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    expect(await new Promise((resolve) => rerun.on('exit', resolve))).toBe(0);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({ rows: ROWS, rejected: 0, unchanged: stored, accepted: ROWS - stored });
    const after = new SqliteDatabase(env.YANGFAN_DB, { readonly: true });
    expect((after.prepare('select count(*) as n from enterprises').get() as { n: number }).n).toBe(ROWS);
    after.close();
  }, 120_000);
});

async function waitForCommittedBatches(file: string, batches: number): Promise<number> {
  for (let i = 0; i < 3000; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    try {
      const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
      const row = db
        .prepare("select accepted from import_runs where status = 'running' order by id desc limit 1")
        .get() as { accepted: number } | undefined;
      db.close();
      if (row && row.accepted >= batches * 2000) return row.accepted;
    } catch {
      // the database or its tables do not exist yet
    }
  }
  throw new Error('导入未在预期时间内提交任何批次');
}
