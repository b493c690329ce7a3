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
];

/** Officials' wide tables that must show every column (scrolling sideways with the key column fixed), by page. */
const WIDE_TABLES = {
  '/monitoring/alerts': ['alerts-table'],
  '/audit': ['audit-table'],
  '/monitoring/regions/320100': ['drilldown-divisions', 'drilldown-enterprises'],
};
/** Drill-down pages reached from a menu page, visited too (with their breadcrumb) by the roles that have them. */
const DRILL_DOWNS = { province_hrss: [['地区下钻·南京市', '/monitoring/regions/320100', '南京市']] };

function slug(text) {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

/** Throws with every problem found on every page, so one run names them all. */
function reportProblems(problems) {
  if (problems.length === 0) return;
  throw new Error(`${problems.length} problem(s):\n${problems.join('\n')}`);
}

/**
 * The screenshot pass: every menu page of every demo account at 1440 × 900, the enterprise's and
 * the public pages again at 390 × 844, each screenshotted and read for what a user must not meet —
 * a page wider than the window, internal codes (snake_case, `#12`, auth.login, match:1), and on
 * enterprise and public pages drafting notes (SPEC, 待核, 二手); officials' wide tables (就业预警, 审计日志,
 * 地区下钻) must show every column, and on a phone 退出登录 and the menu must be reachable. Runs last, on the data the other
 * stories left (runs, payments, messages), so the pages are not empty.
 */
export async function screenshotPassSpec(runner, { newContext, baseUrl, demoAccounts, clockOffsetMs = 0 }) {
  const problems = [];
  const check = async (page, label, prefix, { isOutward }) => {
    await settle(page);
    await runner.screenshot(page, `pass-${prefix}-${slug(label)}`);
    for (const problem of await auditPage(page, { isOutward })) problems.push(`[${prefix} ${label}] ${problem}`);
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

  for (const account of demoAccounts) {
    const isOutward = OUTWARD_ROLES.has(account.role);
    await runAs(
      runner,
      { newContext, baseUrl, account: demoAccount(demoAccounts, account.username), clockOffsetMs },
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
                for (const table of WIDE_TABLES[path] ?? [])
                  for (const problem of await auditWideTable(page, table))
                    problems.push(`[${account.username}-1440 ${label}] ${problem}`);
              }
              for (const [label, path, place] of DRILL_DOWNS[account.username] ?? []) {
                await page.goto(`${baseUrl}${path}`);
                await visit(page, label, `${account.username}-1440`, { isOutward });
                const trail = (
                  await page
                    .getByTestId('breadcrumbs')
                    .innerText()
                    .catch(() => '')
                ).replace(/\s+/g, ' ');
                if (!trail.includes(place))
                  problems.push(`[${account.username}-1440 ${label}] no breadcrumb naming ${place}: “${trail}”`);
                for (const table of WIDE_TABLES[path] ?? [])
                  for (const problem of await auditWideTable(page, table))
                    problems.push(`[${account.username}-1440 ${label}] ${problem}`);
              }
            },
          ],
          ...(account.role === 'enterprise'
            ? [
                [
                  'visits the same pages at 390 × 844',
                  async () => {
                    await page.setViewportSize(PHONE);
                    for (const [label, path] of visited) {
                      await page.goto(`${baseUrl}${path}`);
                      await visit(page, label, `${account.username}-390`, { isOutward });
                      for (const problem of await auditPhoneFrame(page))
                        problems.push(`[${account.username}-390 ${label}] ${problem}`);
                    }
                    await page.setViewportSize(DESKTOP);
                  },
                ],
              ]
            : []),
        ];
      },
    );
  }

  const context = await newContext();
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
    ['finds no overflow, internal code or drafting note on any page', () => reportProblems(problems)],
  ]);
  await context.close();
}
