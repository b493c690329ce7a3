import { auditPage, auditPhoneFrame, auditWideTable, settle } from '../support/page-audit.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Roles whose pages face enterprises and the public: no drafting notes there either. */
const OUTWARD_ROLES = new Set(['enterprise', 'public']);
/** The pages anyone opens without signing in. */
const PUBLIC_PATHS = [
  ['登录', '/login'],
  ['政策计算器（公众）', '/calculator'],
  ['公示', '/public/notices'],
  ['岗位搜索', '/public/jobs'],
];

/** Officials' wide tables that must show every column (scrolling sideways with the key column fixed), by page. */
const WIDE_TABLES = {
  '/monitoring/alerts': ['alerts-table'],
  '/audit': ['audit-table'],
  '/monitoring/regions/320100': ['drilldown-divisions', 'drilldown-enterprises'],
};
/** Drill-down pages reached from a menu page, visited too (with their breadcrumb) by the roles that have them. */
const DRILL_DOWNS = { province_hrss: [['地区下钻·南京市', '/monitoring/regions/320100', '南京市']] };

/* global window, PopStateEvent -- openInApp runs in the browser (page.evaluate) */
/** Moves the signed-in app to a path without reloading it (the router follows popstate), as a menu click would. */
async function openInApp(page, path) {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => url.pathname === path);
}

function slug(text) {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

/** Throws with every problem found on every page, so one run names them all. */
function reportProblems(problems) {
  if (problems.length === 0) return;
  throw new Error(`${problems.length} problem(s):\n${problems.join('\n')}`);
}

/** Console errors and uncaught exceptions of every page of a context, drained page by page. */
function watchConsoleErrors(context, errors) {
  context.on('console', (message) => {
    // CSP violations are collected and reported by run.mjs for every story.
    // A 401 answers the session probe and the sign-in steps before a user is signed in (a signed-in
    // page that met one would show the login page instead).
    if (
      message.type() === 'error' &&
      !/Content Security Policy/i.test(message.text()) &&
      !/status of 401 \(Unauthorized\)/.test(message.text())
    )
      errors.push(`console error: ${message.text().slice(0, 200)}`);
  });
  context.on('weberror', (error) => errors.push(`uncaught exception: ${String(error.error()).slice(0, 200)}`));
}

/**
 * The screenshot pass: every menu page (and tab) of every demo account at 1440 × 900 and again
 * at 390 × 844, and the public pages at both widths, each screenshotted and read for what a user
 * must not meet — a page wider than the window, internal codes (snake_case, `#12`, auth.login,
 * match:1), console errors, and on enterprise and public pages drafting notes (SPEC, 待核, 二手);
 * officials' wide tables (就业预警, 审计日志, 地区下钻) must show every column, and on a phone 退出登录
 * and the menu must be reachable. Runs last, on the data the other stories left (runs, payments,
 * messages), so the pages are not empty. Every problem of every page is named at the end.
 */
export async function screenshotPassSpec(runner, { newContext, baseUrl, demoAccounts, clockOffsetMs = 0 }) {
  const problems = [];
  const consoleErrors = [];
  const watchedContext = async () => {
    const context = await newContext();
    watchConsoleErrors(context, consoleErrors);
    return context;
  };
  const check = async (page, label, prefix, { isOutward }) => {
    await settle(page);
    await runner.screenshot(page, `pass-${prefix}-${slug(label)}`);
    for (const problem of await auditPage(page, { isOutward })) problems.push(`[${prefix} ${label}] ${problem}`);
    for (const error of consoleErrors.splice(0)) problems.push(`[${prefix} ${label}] ${error}`);
  };
  // A page and each of its tabs (免申即享批次 keeps runs, cases, payments, ledger and messages in tabs).
  const visit = async (page, label, prefix, options) => {
    await check(page, label, prefix, options);
    const tabs = page.locator('main .ant-tabs-nav').first().getByRole('tab');
    const names = (await tabs.count()) > 0 ? await tabs.allInnerTexts() : [];
    for (const [index, name] of names.entries()) {
      if (index === 0) continue;
      await tabs.nth(index).click();
      await check(page, `${label}·${name.trim()}`, prefix, options);
    }
  };
  const wideTables = async (page, path, where) => {
    for (const table of WIDE_TABLES[path] ?? [])
      for (const problem of await auditWideTable(page, table)) problems.push(`[${where}] ${problem}`);
  };

  for (const account of demoAccounts) {
    const isOutward = OUTWARD_ROLES.has(account.role);
    await runAs(
      runner,
      { newContext: watchedContext, baseUrl, account: demoAccount(demoAccounts, account.username), clockOffsetMs },
      `screenshot pass (${account.username})`,
      ({ page, layout }) => {
        const visited = [];
        return [
          [
            'visits every menu page at 1440 × 900',
            async () => {
              await page.setViewportSize(DESKTOP);
              for (const label of await layout.menuLabels()) {
                await layout.openMenu(label);
                await visit(page, label, `${account.username}-1440`, { isOutward });
                const path = new URL(page.url()).pathname;
                visited.push([label, path]);
                await wideTables(page, path, `${account.username}-1440 ${label}`);
              }
              for (const [label, path, place] of DRILL_DOWNS[account.username] ?? []) {
                await page.goto(`${baseUrl}${path}`);
                await visit(page, label, `${account.username}-1440`, { isOutward });
                visited.push([label, path]);
                const trail = (
                  await page
                    .getByTestId('breadcrumbs')
                    .innerText()
                    .catch(() => '')
                ).replace(/\s+/g, ' ');
                if (!trail.includes(place))
                  problems.push(`[${account.username}-1440 ${label}] no breadcrumb naming ${place}: “${trail}”`);
                await wideTables(page, path, `${account.username}-1440 ${label}`);
              }
            },
          ],
          [
            'visits the same pages at 390 × 844',
            async () => {
              await page.setViewportSize(PHONE);
              for (const [index, [label, path]] of visited.entries()) {
                await openInApp(page, path);
                await visit(page, label, `${account.username}-390`, { isOutward });
                // The frame (menu button, 退出登录) is the same on every page: read once.
                if (index === 0)
                  for (const problem of await auditPhoneFrame(page))
                    problems.push(`[${account.username}-390 ${label}] ${problem}`);
              }
              await page.setViewportSize(DESKTOP);
            },
          ],
        ];
      },
    );
  }

  const context = await watchedContext();
  const page = await context.newPage();
  await runner.spec('screenshot pass (public pages)', page, [
    [
      'visits the public pages at 1440 × 900 and 390 × 844',
      async () => {
        for (const viewport of [DESKTOP, PHONE]) {
          await page.setViewportSize(viewport);
          for (const [label, path] of PUBLIC_PATHS) {
            await page.goto(`${baseUrl}${path}`);
            await visit(page, label, `public-${viewport.width}`, { isOutward: true });
          }
        }
      },
    ],
    ['finds no overflow, internal code, drafting note or console error on any page', () => reportProblems(problems)],
  ]);
  await context.close();
}
