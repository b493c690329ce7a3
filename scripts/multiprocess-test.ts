/**
 * The multi-process test (`npm run test:multiprocess`, run by .ci/run): two `yangfan serve`
 * processes and one `yangfan worker` on one PostgreSQL database, checked through their HTTP APIs
 * and the database. Skipped (with a line saying so) when YANGFAN_TEST_PG is not set.
 *  1. a login on server A is valid on server B;
 *  2. a match run started through A is followed to completion through B, and replaying its
 *     idempotency key on B answers the same run;
 *  3. the per-IP login limits count across both servers (the request rate limit, then the
 *     address's failure limit);
 *  4. the bulletin schedule, ticking in all three processes, ran once;
 *  5. on a copy of the same data: a worker killed (SIGKILL) in the middle of a run's writing is
 *     taken over by a second worker, which completes it with the same cases and summary as the
 *     uninterrupted run of step 2, and no case written twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createAppContext, prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { listDemoLogins, seedDemoAccounts } from '../src/modules/accounts/demo-accounts.ts';
import { DEMO_PASSWORD } from '../src/modules/accounts/demo-accounts.ts';
import { loadDemoData } from '../src/modules/demo/demo.service.ts';
import { DEFAULT_DEMO_SEED } from '../src/modules/demo/demo-scales.ts';
import { loadSecuritySettings } from '../src/platform/security-settings.ts';
import { Client, killHard, startYangfan, stopAll, until } from './multiprocess/processes.ts';

const POLICY = 'stable_jobs_refund';
const PERIOD = '2025';
const results: { name: string; ok: boolean; detail: string }[] = [];

function check(name: string, ok: boolean, detail = ''): void {
  results.push({ name, ok, detail });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(base: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(base, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Migrates, seeds the demo accounts and the tiny demo register; answers the province login. */
async function prepare(url: string, dataDir: string) {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, NODE_ENV: 'development', YANGFAN_DATA_DIR: dataDir });
  config.logLevel = 'silent';
  const ctx = createAppContext(config);
  try {
    await prepareDatabase(ctx);
    await seedDemoAccounts(ctx);
    await loadDemoData(ctx, { scale: 'tiny', seed: DEFAULT_DEMO_SEED });
    const login = (await listDemoLogins(ctx)).find((l) => l.username === 'province_hrss')!;
    return { username: login.username, password: DEMO_PASSWORD, totpSecret: login.totpSecret ?? undefined };
  } finally {
    await ctx.close();
  }
}

type Run = { id: number; status: string; phase: string; summary: Record<string, unknown> | null };

async function followRun(client: Client, id: number, timeoutMs = 90_000): Promise<Run> {
  return until(
    `match run ${id}`,
    async () => {
      const { body } = await client.request('GET', `/api/v1/benefits/match-runs/${id}`);
      const run = body as unknown as Run;
      return run.status === 'running' ? undefined : run;
    },
    timeoutMs,
  );
}

async function casesOf(url: string, runId: number) {
  return query<{ uscc: string; amount_fen: string; n: string }>(
    url,
    `select uscc, amount_fen::text, (select count(*) from benefit_case_persons p where p.case_id = c.id)::text as n
       from benefit_cases c where run_id = $1 order by uscc`,
    [runId],
  );
}

async function main(): Promise<void> {
  const base = process.env.YANGFAN_TEST_PG;
  if (!base) {
    console.log('YANGFAN_TEST_PG is not set: the multi-process test is skipped');
    return;
  }
  const started = Date.now();
  const stem = new URL(base).pathname.slice(1);
  const [first, copy] = [`${stem}_mp1`, `${stem}_mp2`];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yangfan-mp-'));
  const [url1, url2] = [databaseUrl(base, first), databaseUrl(base, copy)];
  try {
    await admin(base, async (c) => {
      for (const name of [first, copy]) await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${first}`);
    });
    const login = await prepare(url1, dataDir);
    // The same data for the interrupted run, copied before any process touches it.
    await admin(base, (c) => c.query(`create database ${copy} template ${first}`));
    console.log(`prepared ${first} and ${copy} in ${Math.round((Date.now() - started) / 1000)} s`);

    const env = (url: string, extra: NodeJS.ProcessEnv = {}) => ({
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: 'development',
      YANGFAN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      YANGFAN_TEST_SCHEDULE_FIRST_TICK_MS: '1500',
      // Demo mode: the demo accounts sign in with the demo password without being sent to change it.
      YANGFAN_DEMO: '1',
      ...extra,
    });
    const a = await startYangfan(['serve', '--port', '0', '--no-jobs'], env(url1), 'server A');
    const [b, worker] = await Promise.all([
      startYangfan(['serve', '--port', '0', '--no-jobs'], env(url1), 'server B'),
      startYangfan(['worker'], env(url1), 'worker'),
    ]);
    const onA = new Client(String(a.ready.url));
    const onB = new Client(String(b.ready.url));

    // 1. A session made on A answers on B.
    const signedIn = await onA.login(login.username, login.password, login.totpSecret);
    onB.cookie = onA.cookie;
    const me = await onB.request('GET', '/api/v1/auth/me');
    check('a login on A is valid on B', signedIn.status === 200 && me.status === 200, `B answered ${me.status}`);

    // 2. A match run started on A, followed on B; the idempotency key replayed on B answers the same run.
    const key = { 'idempotency-key': `mp-${Date.now()}` };
    const startedRun = await onA.request(
      'POST',
      '/api/v1/benefits/match-runs',
      { policy: POLICY, period: PERIOD },
      key,
    );
    const runId = Number(startedRun.body.id);
    const replay = await onB.request('POST', '/api/v1/benefits/match-runs', { policy: POLICY, period: PERIOD }, key);
    check(
      'the idempotency key replayed on B answers the run started on A',
      startedRun.status === 202 && replay.status === 200 && Number(replay.body.id) === runId,
      `A ${startedRun.status}, B ${replay.status}`,
    );
    const finished = await followRun(onB, runId);
    const reference = await casesOf(url1, runId);
    check(
      'a match run started on A completes, followed on B',
      finished.status === 'completed' && reference.length > 0,
      `${finished.status}, ${reference.length} cases`,
    );

    // 3. Login limits across both servers: the per-minute request limit per address and username…
    const settings = loadSecuritySettings();
    const attempts: number[] = [];
    for (let i = 0; i <= settings.loginRateLimitPerMinute; i++) {
      const client = new Client(i % 2 === 0 ? onA.base : onB.base);
      attempts.push((await client.login('nobody-here', 'wrong-password')).status);
    }
    check(
      `the login request limit (${settings.loginRateLimitPerMinute} a minute) counts across A and B`,
      attempts.slice(0, -1).every((s) => s === 401) && attempts.at(-1) === 429,
      `statuses ${[...new Set(attempts)].join(',')}, last ${attempts.at(-1)}`,
    );
    // …and the address's failure limit over all usernames.
    let refusedAt = 0;
    for (let i = 1; i <= settings.loginIpFailureLimit + 1 && !refusedAt; i++) {
      const answer = await new Client(i % 2 === 0 ? onA.base : onB.base).login(`nobody-${i}`, 'wrong-password');
      if (answer.status === 429) refusedAt = settings.loginRateLimitPerMinute + i;
    }
    check(
      `the per-address login failure limit (${settings.loginIpFailureLimit}) counts across A and B`,
      refusedAt === settings.loginIpFailureLimit + 1,
      `refused at attempt ${refusedAt}`,
    );

    // 4. The bulletin schedule ticked in A, B and the worker: one job ran.
    const bulletinJobs = await until('the bulletin job', async () => {
      const rows = await query<{ state: string }>(
        url1,
        `select state from yangfan_jobs.job where name = 'bulletins'
         union all select state from yangfan_jobs.archive where name = 'bulletins'`,
      );
      return rows.length > 0 && rows.every((r) => r.state === 'completed') ? rows : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const again = await query(url1, `select 1 from yangfan_jobs.job where name = 'bulletins'`);
    check(
      'the bulletin scheduler fired once',
      bulletinJobs.length === 1 && again.length === 1,
      `${again.length} job(s)`,
    );
    await Promise.all([killHard(a.child), killHard(b.child), killHard(worker.child)]);

    // 5. The same run on the copy: the first worker pauses after each chunk of 2 and is killed mid-run.
    const server = await startYangfan(['serve', '--port', '0', '--no-jobs'], env(url2), 'server C');
    const slow = await startYangfan(['worker'], env(url2, { YANGFAN_TEST_MATCH_WRITE: '2:700' }), 'worker 1');
    const onC = new Client(String(server.ready.url));
    await onC.login(login.username, login.password, login.totpSecret);
    const second = await onC.request('POST', '/api/v1/benefits/match-runs', { policy: POLICY, period: PERIOD }, key);
    const secondId = Number(second.body.id);
    const midway = await until('the run to be half written', async () => {
      const { body } = await onC.request('GET', `/api/v1/benefits/match-runs/${secondId}`);
      const [done, total] = String(body.phase).replace('write ', '').split('/').map(Number);
      return String(body.phase).startsWith('write') && done! >= 4 && done! < total! ? body.phase : undefined;
    });
    await killHard(slow.child);
    const killedAt = Date.now();
    const writtenBeforeKill = (await casesOf(url2, secondId)).length;
    await startYangfan(['worker'], env(url2), 'worker 2');
    const resumed = await followRun(onC, secondId);
    const takeoverSeconds = Math.round((Date.now() - killedAt) / 1000);
    const after = await casesOf(url2, secondId);
    const duplicates = await query(
      url2,
      `select uscc from benefit_cases where policy_code = $1 and period = $2 group by uscc having count(*) > 1`,
      [POLICY, PERIOD],
    );
    check(
      'a worker killed mid-run: a second worker completes the run within a minute',
      resumed.status === 'completed' && takeoverSeconds <= 60,
      `killed at ${String(midway)} with ${writtenBeforeKill} cases written, completed ${takeoverSeconds} s later`,
    );
    const same = JSON.stringify(after) === JSON.stringify(reference);
    const sameSummary =
      finished.summary?.candidates_new === resumed.summary?.candidates_new &&
      finished.summary?.amount_new_fen === resumed.summary?.amount_new_fen;
    check(
      'the taken-over run has the same result as the uninterrupted one, nothing twice',
      same && sameSummary && duplicates.length === 0 && writtenBeforeKill > 0 && writtenBeforeKill < after.length,
      `${after.length} cases (uninterrupted ${reference.length}), new ${String(resumed.summary?.candidates_new)}`,
    );
  } catch (error) {
    check('the multi-process test ran to its end', false, (error as Error).stack ?? String(error));
  } finally {
    await stopAll();
    await admin(base, async (c) => {
      for (const name of [first, copy]) await c.query(`drop database if exists ${name} with (force)`);
    }).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(
    `multiprocess: ${results.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`,
  );
  process.exit(failed > 0 ? 1 : 0);
}

await main();
