#!/usr/bin/env node
// End-to-end tests: the real server (fresh data directory, free port) and Debian's Chromium
// driven by playwright-core. `npm run e2e`; screenshots land in e2e/screenshots/.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createRunner } from './support/harness.mjs';
import { demoPasswordFrom, startYangfan } from './support/server.mjs';
import { benefitsSpec } from './specs/benefits.mjs';
import { enterpriseRegisterSpec } from './specs/enterprise-register.mjs';
import { initialBundleSpec } from './specs/initial-bundle.mjs';
import { monitoringSpec } from './specs/monitoring.mjs';
import { policiesSpec } from './specs/policies.mjs';
import { rolePagesSpec } from './specs/role-pages.mjs';
import { signInAndMenusSpec } from './specs/sign-in-and-menus.mjs';

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

async function main() {
  if (!existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);

  console.log('Starting the Yangfan server (node bin/yangfan.mjs start) …');
  const server = await startYangfan().catch((error) => fail(`the server did not start: ${error.message}`));
  console.log(`Server ready at ${server.baseUrl}`);

  let browser;
  let isGreen = false;
  try {
    const demoPassword = demoPasswordFrom(server.output());
    const demoAccounts = await readDemoAccounts(server.baseUrl);
    const provinceTotpSecret = demoAccounts.find((account) => account.username === 'province_hrss')?.totpSecret;
    if (!provinceTotpSecret) throw new Error('the demo account province_hrss has no totpSecret');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const newContext = async () => {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 } });
      // Generous: CI shares two cores with the database and the test server; a slow step is not a failure.
      context.setDefaultTimeout(30_000);
      return context;
    };
    const context = await newContext();

    const runner = createRunner();
    await initialBundleSpec(runner, { context, baseUrl: server.baseUrl });
    await signInAndMenusSpec(runner, { context, baseUrl: server.baseUrl, demoPassword, provinceTotpSecret });
    await rolePagesSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    await enterpriseRegisterSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    const monitoring = await monitoringSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    // The policy story compares the calculator with `yangfan policy calc` on the server's own database.
    await policiesSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts, dataDir: server.dataDir });
    // 免申即享 last: its match run, claim and approval change cases other stories do not look at.
    await benefitsSpec(runner, { newContext, baseUrl: server.baseUrl, demoAccounts });
    isGreen = runner.summary();
    if (monitoring.dashboardDrawnMs !== undefined) console.log(`dashboard drawn ${monitoring.dashboardDrawnMs} ms after navigation start (bar 2000 ms)`);
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
