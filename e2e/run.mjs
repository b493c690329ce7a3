#!/usr/bin/env node
// End-to-end tests: the real server (fresh data directory, free port) and Debian's Chromium
// driven by playwright-core. `npm run e2e`; screenshots land in e2e/screenshots/.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { watchContextCspViolations } from './support/csp.mjs';
import { createRunner } from './support/harness.mjs';
import { createScratchDatabase } from './support/postgres.mjs';
import { demoPasswordFrom, startYangfan } from './support/server.mjs';
import { benefitsApplicationSpec } from './specs/benefits-application.mjs';
import { benefitsPaymentSpec } from './specs/benefits-payment.mjs';
import { benefitsSpec } from './specs/benefits.mjs';
import { enterpriseRegisterSpec } from './specs/enterprise-register.mjs';
import { governanceSpec } from './specs/governance.mjs';
import { governanceRoundsSpec } from './specs/governance-rounds.mjs';
import { labourSpec } from './specs/labour.mjs';
import { initialBundleSpec } from './specs/initial-bundle.mjs';
import { jobSearchSpec } from './specs/job-search.mjs';
import { monitoringSpec } from './specs/monitoring.mjs';
import { opinionSpec } from './specs/opinion.mjs';
import { policiesSpec } from './specs/policies.mjs';
import { recruitmentSpec } from './specs/recruitment.mjs';
import { recruitmentCampaignsSpec } from './specs/recruitment-campaigns.mjs';
import { rolePagesSpec } from './specs/role-pages.mjs';
import { screenshotPassSpec } from './specs/screenshot-pass.mjs';
import { signInAndMenusSpec } from './specs/sign-in-and-menus.mjs';
import { internshipSubsidyPaymentSpec, skillsSpec } from './specs/skills.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function fail(message) {
  console.error(`\ne2e: ${message}`);
  process.exit(1);
}

async function readDemoAccounts(baseUrl) {
  const response = await fetch(`${baseUrl}/api/v1/demo/accounts`);
  if (!response.ok) throw new Error(`GET /api/v1/demo/accounts answered ${response.status}`);
  return (await response.json()).items;
}

/**
 * The instant the demo clock is set to for the payment half of the 免申即享 story: 10:00 in
 * Shanghai on the day after the case's 公示 ends (from the public 公示 list).
 */
async function dayAfterPublicity(baseUrl, caseId) {
  const response = await fetch(`${baseUrl}/api/v1/public/notices?pageSize=200`);
  const notice = (await response.json()).items.find((item) => item.id === caseId);
  if (!notice) throw new Error(`case ${caseId} is not on the public 公示 list`);
  const next = new Date(`${notice.publicity_until}T10:00:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/**
 * The whole 免申即享 cycle on one server: match → notice → claim → review → 公示, then the server
 * restarts on the same data with its demo clock past 公示 → payment file → bank results →
 * reconciliation; cases other stories left in 公示 (`waiting`: { story, pay }) are paid after it.
 * Answers the server that is running at the end (the caller stops it).
 */
async function benefitsCycle(runner, { server, newContext, label, waiting = [] }) {
  const demoAccounts = await readDemoAccounts(server.baseUrl);
  const story = await benefitsSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts, label });
  return payAfterPublicity(runner, {
    server,
    newContext,
    label,
    cases: [{ story, pay: benefitsPaymentSpec }, ...waiting],
  });
}

/**
 * Restarts the server with its demo clock on the day after the last of the cases' 公示 ends, then
 * pays each case in turn (`pay`: a payment story taking the case's `story`). Answers the running server.
 */
async function payAfterPublicity(runner, { server, newContext, label, cases }) {
  const ready = cases.filter((c) => Number.isInteger(c.story?.caseId));
  if (ready.length === 0) return server;
  const demoAccounts = await readDemoAccounts(server.baseUrl);
  const days = await Promise.all(ready.map((c) => dayAfterPublicity(server.baseUrl, c.story.caseId)));
  const clockStart = days.sort().at(-1);
  console.log(`\nRestarting the server with its demo clock at ${clockStart} (the day after 公示 ends) …`);
  const later = await server.restart({ clockStart });
  for (const { story, pay } of ready)
    await pay(runner, {
      newContext,
      baseUrl: later.baseUrl,
      demoAccounts,
      clockOffsetMs: later.clockOffsetMs,
      story,
      label,
    });
  return later;
}

/**
 * Runs stories on a server of its own over a scratch database of the PostgreSQL server YANGFAN_E2E_PG
 * names (skipped without it); `stories` answers the server it ends with (a story may restart it).
 */
async function onScratchPostgres(what, stories) {
  const adminUrl = process.env.YANGFAN_E2E_PG;
  if (!adminUrl) {
    console.log(`\nYANGFAN_E2E_PG is not set: ${what} on PostgreSQL is skipped (.ci/run sets it).`);
    return;
  }
  const database = await createScratchDatabase(adminUrl);
  let server;
  try {
    console.log(`\nStarting the Yangfan server on PostgreSQL (${database.name}) …`);
    server = await startYangfan({ databaseUrl: database.url });
    if (server.database !== 'postgres') throw new Error(`the server answers database ${server.database}`);
    server = await stories(server, database);
  } finally {
    await server?.stop();
    await database.drop();
  }
}

/** The 免申即享 cycle and the stories that must also hold on PostgreSQL. */
function benefitsCycleOnPostgres(runner, { newContext }) {
  return onScratchPostgres('the 免申即享 cycle', async (server, database) => {
    const label = 'PostgreSQL ';
    const baseUrl = server.baseUrl;
    await governanceSpec(runner, { newContext, baseUrl, demoAccounts: await readDemoAccounts(baseUrl), label });
    const internship = await skillsSpec(runner, {
      newContext,
      baseUrl,
      demoAccounts: await readDemoAccounts(baseUrl),
      label,
    });
    // The recruitment zone and the plan's governance rounds on PostgreSQL too.
    const demoAccounts = await readDemoAccounts(baseUrl);
    await governanceRoundsSpec(runner, { newContext, baseUrl, demoAccounts });
    await jobSearchSpec(runner, { newContext, baseUrl, demoAccounts });
    await recruitmentSpec(runner, { newContext, baseUrl, demoAccounts, databaseUrl: database.url });
    // 引才活动: a campaign, a hire through it and the 东西部劳务协作 home-province report.
    await recruitmentCampaignsSpec(runner, { newContext, baseUrl, demoAccounts, label });
    // 舆情监测: a message from import to linked, classified, hotspot and closed.
    await opinionSpec(runner, { newContext, baseUrl, demoAccounts, label });
    // The 就业见习补贴 case waits in 公示 and is paid after the 免申即享 case, on the same restart.
    return benefitsCycle(runner, {
      server,
      newContext,
      label: 'PostgreSQL',
      waiting: [{ story: internship, pay: internshipSubsidyPaymentSpec }],
    });
  });
}

/** The labour story on PostgreSQL. */
function labourOnPostgres(runner, { newContext }) {
  return onScratchPostgres('the labour story', async (server) => {
    const demoAccounts = await readDemoAccounts(server.baseUrl);
    await labourSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts, label: 'PostgreSQL ' });
    return server;
  });
}

async function main() {
  if (!existsSync(CHROMIUM))
    fail(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);

  console.log('Starting the Yangfan server (node bin/yangfan.mjs start) …');
  let server = await startYangfan().catch((error) => fail(`the server did not start: ${error.message}`));
  console.log(`Server ready at ${server.baseUrl}`);

  let browser;
  let isGreen = false;
  const cspViolations = [];
  try {
    const demoPassword = demoPasswordFrom(server.output());
    const demoAccounts = await readDemoAccounts(server.baseUrl);
    const provinceTotpSecret = demoAccounts.find((account) => account.username === 'province_hrss')?.totpSecret;
    if (!provinceTotpSecret) throw new Error('the demo account province_hrss has no totpSecret');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const newContext = async () => {
      const context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 860 },
      });
      // Every page of every story must load under the server's Content-Security-Policy.
      watchContextCspViolations(context, cspViolations);
      // Generous: CI shares two cores with the database and the test server; a slow step is not a failure.
      context.setDefaultTimeout(30_000);
      return context;
    };
    const context = await newContext();

    const runner = createRunner();
    // E2E_ONLY=benefits (comma-separated story names) runs a part while working on it; CI runs all.
    const only = process.env.E2E_ONLY?.split(',').map((name) => name.trim());
    const wants = (name) => !only || only.includes(name);
    if (wants('bundle')) await initialBundleSpec(runner, { context, baseUrl: server.baseUrl });
    if (wants('sign-in'))
      await signInAndMenusSpec(runner, { context, baseUrl: server.baseUrl, demoPassword, provinceTotpSecret });
    if (wants('roles')) await rolePagesSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    if (wants('register')) await enterpriseRegisterSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    const monitoring = wants('monitoring')
      ? await monitoringSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts })
      : {};
    if (wants('governance')) await governanceSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    if (wants('governance-rounds'))
      await governanceRoundsSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    if (wants('labour')) await labourSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    // The 就业见习补贴 case is left in 公示; it is paid after the 免申即享 case (or alone) below.
    const internship = wants('skills')
      ? {
          story: await skillsSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts }),
          pay: internshipSubsidyPaymentSpec,
        }
      : undefined;
    if (wants('opinion')) await opinionSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    if (wants('search')) await jobSearchSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    // Seeker registration (the code read from the server's outbox), application to hire, a job fair.
    if (wants('recruitment'))
      await recruitmentSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts, dataDir: server.dataDir });
    // 引才活动: a campaign, a hire through it and the 东西部劳务协作 home-province report.
    if (wants('campaigns'))
      await recruitmentCampaignsSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    // The policy story compares the calculator with `yangfan policy calc` on the server's own database.
    if (wants('policies'))
      await policiesSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts, dataDir: server.dataDir });
    // 免申即享 last: its match run, claim and approval change cases other stories do not look at,
    // and its payment half restarts the server with the demo clock moved on.
    if (wants('applications'))
      await benefitsApplicationSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    const waiting = internship ? [internship] : [];
    if (wants('benefits')) server = await benefitsCycle(runner, { server, newContext, label: '', waiting });
    else server = await payAfterPublicity(runner, { server, newContext, label: '', cases: waiting });
    if (wants('benefits-pg')) await benefitsCycleOnPostgres(runner, { newContext });
    if (wants('labour-pg')) await labourOnPostgres(runner, { newContext });
    // The screenshot pass last, on the data the stories left (runs, cases, payments, messages).
    if (wants('screenshots'))
      await screenshotPassSpec(runner, {
        newContext,
        baseUrl: server.baseUrl,
        demoAccounts: await readDemoAccounts(server.baseUrl),
        clockOffsetMs: server.clockOffsetMs,
      });
    isGreen = runner.summary();
    if (cspViolations.length > 0) {
      console.error(
        `\nContent-Security-Policy violations (${cspViolations.length}):\n${[...new Set(cspViolations)].slice(0, 20).join('\n')}`,
      );
      isGreen = false;
    }
    if (monitoring.dashboardDrawnMs !== undefined)
      console.log(`dashboard drawn ${monitoring.dashboardDrawnMs} ms after navigation start (bar 2000 ms)`);
  } catch (error) {
    console.error(error);
  } finally {
    await browser?.close();
    await server.stop();
  }
  if (!isGreen) {
    const serverTail = server.output().trim().split('\n').slice(-25).join('\n');
    console.error(`\n--- last lines of the server output ---\n${serverTail}`);
    fail('FAILED (see the steps above and e2e/screenshots/)');
  }
  console.log('e2e: all green');
}

await main();
