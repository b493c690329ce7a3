import { gzipSync } from 'node:zlib';
import { expect } from '../support/harness.mjs';

export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

/** Sum of the gzipped JavaScript a page loads, counted from what the browser really fetched. */
async function measureScripts(page, load) {
  const scripts = new Map();
  const onResponse = async (response) => {
    if (response.request().resourceType() !== 'script' || !response.ok()) return;
    try {
      scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
      if (process.env.E2E_LIST_SCRIPTS)
        console.log('      ', response.url().split('/').pop(), scripts.get(response.url()));
    } catch {
      // A response dropped by navigation has no body; it was not part of the page.
    }
  };
  page.on('response', onResponse);
  await load();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  return { total, count: scripts.size };
}

/** The login page, the first page anyone sees, stays within the JavaScript budget. */
export async function initialBundleSpec(runner, { context, baseUrl }) {
  const page = await context.newPage();
  const sizes = {};
  await runner.spec('首屏 JavaScript 体积', page, [
    [
      'the login page loads ≤ 300 KB of gzipped JavaScript',
      async () => {
        const { total, count } = await measureScripts(page, () => page.goto(`${baseUrl}/login`));
        sizes.login = total;
        console.log(`      /login: ${count} scripts, ${(total / 1024).toFixed(1)} KB gzipped`);
        expect(
          count > 0 && (await page.getByRole('textbox', { name: '用户名', exact: true }).isVisible()),
          'the login page did not render',
        );
        expect(
          total <= INITIAL_JS_BUDGET_BYTES,
          `initial JavaScript is ${(total / 1024).toFixed(1)} KB gzipped, budget 300 KB`,
        );
      },
    ],
  ]);
  await page.close();
  return sizes;
}
