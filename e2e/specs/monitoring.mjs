import { AlertsPage } from '../pages/alerts.page.mjs';
import { BulletinsPage } from '../pages/bulletins.page.mjs';
import { MonitoringPage } from '../pages/monitoring.page.mjs';
import { expect, expectEqual } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/** SPEC §6: the dashboard is drawn within 2 s of navigation start. */
export const DASHBOARD_DRAW_BUDGET_MS = 2000;

/** GET /api/v1<path> with the page's session (the figures the test checks the page against). */
async function apiGet(page, baseUrl, path) {
  const response = await page.request.get(`${baseUrl}/api/v1${path}`);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

const countOf = (text) => Number(text.replace(/,/g, ''));

/**
 * Monitoring end to end: 省人社 summarises the demo data, opens the dashboard (timed), checks a
 * card against GET /kpi, sees the map and ranking, drills from a city to an enterprise's series,
 * closes an alert with a note and generates a 通报 (Excel and printable page); then 南京's
 * official sees 南京 only. Answers the measured draw time.
 */
export async function monitoringSpec(runner, { newContext, baseUrl, demoAccounts }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const measured = {};

  await runAs(runner, as('province_hrss'), '监测驾驶舱、预警与通报 (province_hrss)', ({ page, layout }) => {
    const dashboard = new MonitoringPage(page, baseUrl);
    const alerts = new AlertsPage(page);
    const bulletins = new BulletinsPage(page);
    let city;
    return [
      [
        'opens 监测驾驶舱 and summarises the demo data once',
        async () => {
          await layout.openMenu('监测驾驶舱');
          await dashboard.card('absorbed_insured').waitFor();
          // A fresh database has demo data but no monitoring summary yet (see the report's note).
          if (await dashboard.notSummarised.isVisible()) await dashboard.summarise();
          const kpi = await apiGet(page, baseUrl, '/kpi');
          expect(
            kpi.refreshed_at !== null && kpi.months !== null,
            'the monitoring summary should exist after 重新汇总',
          );
        },
      ],
      [
        `the dashboard is drawn (cards and map) within ${DASHBOARD_DRAW_BUDGET_MS} ms of navigation start`,
        async () => {
          const first = await dashboard.gotoAndTimeDrawing();
          const second = await dashboard.gotoAndTimeDrawing();
          measured.dashboardDrawnMs = Math.min(first, second);
          console.log(`      dashboard drawn ${first} ms after navigation start (cold), ${second} ms (warm)`);
          expect(
            first <= DASHBOARD_DRAW_BUDGET_MS,
            `the dashboard took ${first} ms to draw, budget ${DASHBOARD_DRAW_BUDGET_MS} ms`,
          );
          await runner.screenshot(page, '30-province-dashboard');
        },
      ],
      [
        'a card shows the figure GET /api/v1/kpi answers',
        async () => {
          const kpi = await apiGet(page, baseUrl, '/kpi');
          for (const key of ['absorbed_insured', 'insured_employees', 'monitored_enterprises']) {
            const shown = await dashboard.cardFigure(key);
            expectEqual(countOf(shown), kpi.indicators[key].actual, `${key} on its card (shown "${shown}")`);
          }
          const share = await dashboard.cardFigure('absorbed_graduate_share');
          expectEqual(
            share,
            `${(kpi.indicators.absorbed_graduate_share.actual * 100).toFixed(2)}%`,
            'graduate share on its card',
          );
        },
      ],
      [
        'training, bases and 专场招聘会 count their records',
        async () => {
          for (const key of ['training_person_times', 'demonstration_internship_bases', 'job_fairs']) {
            const figure = await dashboard.cardFigure(key);
            expect(/^\d[\d,]*$/.test(figure), `${key} on its card shows a count, got ${figure}`);
          }
        },
      ],
      [
        'hovering an indicator shows its definition from the API',
        async () => {
          const catalogue = await apiGet(page, baseUrl, '/monitoring/indicators');
          const definition = catalogue.find((indicator) => indicator.key === 'absorbed_insured').definition;
          const shown = await dashboard.definitionOf('absorbed_insured');
          expect(
            shown.includes(definition.slice(0, 30)),
            `tooltip "${shown.slice(0, 60)}…" should give the API's definition`,
          );
        },
      ],
      [
        'the map is drawn and the ranking lists the 13 cities and 昆山, 泰兴, 沭阳',
        async () => {
          await dashboard.map.and(page.locator('[data-drawn="true"]')).waitFor();
          expect((await dashboard.map.locator('canvas').count()) > 0, 'the map has no canvas');
          const names = await dashboard.rankingNames();
          expectEqual(names.length, 16, `ranking rows (${names.join('、')})`);
          for (const county of ['昆山市', '泰兴市', '沭阳县'])
            expect(names.includes(county), `the ranking should list ${county}`);
          city = names.find((name) => name === '南京市') ?? names[0];
        },
      ],
      [
        'clicks a city through to its districts and enterprises',
        async () => {
          await dashboard.openRegion(city);
          const divisions = await dashboard.divisionNames();
          expect(
            divisions.length > 3 && divisions.every((name) => /[区县市]$/.test(name)),
            `districts of ${city}: ${divisions.join('、')}`,
          );
          await runner.screenshot(page, '31-province-region-drilldown');
        },
      ],
      [
        'opens an enterprise and sees its monthly series drawn, matching the API',
        async () => {
          const { uscc } = await dashboard.openFirstEnterprise();
          expectEqual(await dashboard.seriesChartsDrawn(), 4, 'charts drawn');
          const series = await apiGet(page, baseUrl, `/monitoring/enterprises/${uscc}/series`);
          const rows = await dashboard.seriesRows();
          expectEqual(rows.length, series.months.length, 'months in the table');
          const last = series.months.at(-1);
          expectEqual(countOf(rows.at(-1).insured), last.insured, `insured in ${rows.at(-1).month}`);
          await runner.screenshot(page, '32-province-enterprise-series');
        },
      ],
      [
        'closes an open alert with a note',
        async () => {
          await layout.openMenu('就业预警');
          await alerts.waitForList();
          await alerts.choose('预警类型', '规模性减员');
          const { uscc } = await alerts.first();
          await runner.screenshot(page, '33-province-alerts');
          await alerts.close(uscc, '已电话核实：合同到期自然流动，企业经营正常');
          await alerts.choose('状态', '已办结');
          const row = alerts.row(uscc).first();
          await row.waitFor();
          const text = await row.innerText();
          expect(
            text.includes('已办结') && text.includes('合同到期自然流动'),
            `the closed alert should show its note, got "${text}"`,
          );
        },
      ],
      [
        'generates the 2025-12 通报 for the province and downloads its Excel',
        async () => {
          await layout.openMenu('监测通报');
          await bulletins.waitForList();
          const bulletin = await bulletins.generate({ year: '2025 年', month: '12 月', region: '全省' });
          expectEqual(
            [bulletin.period, bulletin.regionName, bulletin.status],
            [202512, '江苏省', 'ready'],
            'the generated bulletin',
          );
          const { fileName, bytes } = await bulletins.downloadExcel(bulletin.id);
          expect(fileName.endsWith('.xlsx'), `bulletin file name ${fileName}`);
          expect(bytes.subarray(0, 2).toString('latin1') === 'PK', 'the bulletin is not an XLSX (zip) file');
          await runner.screenshot(page, '34-province-bulletins');
          const printable = await bulletins.openPrintable(bulletin.id);
          const body = await printable.locator('body').innerText();
          await printable.close();
          expect(
            body.includes('江苏省') && body.includes('2025'),
            'the printable page should name the province and the month',
          );
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), '南京市只看南京 (city_nanjing)', ({ page, layout }) => {
    const dashboard = new MonitoringPage(page, baseUrl);
    const alerts = new AlertsPage(page);
    return [
      [
        'opens 监测驾驶舱 for 南京市 only',
        async () => {
          await layout.openMenu('监测驾驶舱');
          await dashboard.waitUntilDrawn();
          await page.getByText('监测驾驶舱 · 南京市').waitFor();
          expectEqual(await dashboard.regionChoices(), ['南京市'], 'regions offered to city_nanjing');
        },
      ],
      [
        "the cards show 南京's own figures from GET /kpi",
        async () => {
          const kpi = await apiGet(page, baseUrl, '/kpi');
          expectEqual(kpi.region_name, '南京市', 'the API scopes the city official');
          expectEqual(
            countOf(await dashboard.cardFigure('absorbed_insured')),
            kpi.indicators.absorbed_insured.actual,
            'absorbed_insured of 南京',
          );
        },
      ],
      [
        "the ranking lists 南京's districts, nothing else",
        async () => {
          const names = await dashboard.rankingNames();
          const ranking = await apiGet(page, baseUrl, '/monitoring/ranking?indicator=absorbed_insured');
          expectEqual([...names].sort(), ranking.rows.map((row) => row.name).sort(), 'ranking rows');
          expect(
            names.includes('玄武区') && !names.some((name) => /苏州|无锡|昆山/.test(name)),
            `南京 sees other regions: ${names.join('、')}`,
          );
          await runner.screenshot(page, '35-city-dashboard');
        },
      ],
      [
        "assigns an alert to the enterprise's commissioner",
        async () => {
          await layout.openMenu('就业预警');
          await alerts.waitForList();
          await alerts.choose('状态', '待处理');
          const { uscc } = await alerts.first();
          // Setup through the API: the enterprise goes on 南京's key-enterprise list with its commissioner.
          const commissioner = (await apiGet(page, baseUrl, '/commissioners')).items[0];
          let listed = await page.request.post(`${baseUrl}/api/v1/key-enterprises`, {
            data: { uscc, commissionerId: commissioner.id },
          });
          // The demo's key-enterprise list may hold it already (409): then assign the commissioner.
          if (listed.status() === 409)
            listed = await page.request.patch(`${baseUrl}/api/v1/key-enterprises/${uscc}`, {
              data: { commissionerId: commissioner.id },
            });
          expect(listed.ok(), `the key-enterprise entry answered ${listed.status()}: ${await listed.text()}`);
          await alerts.assign(uscc);
          await alerts.choose('状态', '已分派');
          const row = alerts.row(uscc).first();
          await row.getByText('已分派').waitFor();
          expect(
            (await row.innerText()).includes(commissioner.displayName),
            `the alert should name ${commissioner.displayName}`,
          );
          await runner.screenshot(page, '36-city-alert-assigned');
        },
      ],
      [
        "another city's drill-down is refused",
        async () => {
          await page.goto(`${baseUrl}/monitoring/regions/320500`);
          await page
            .getByRole('alert')
            .filter({ hasText: /不在您的管辖范围|不存在/ })
            .waitFor();
        },
      ],
    ];
  });

  return measured;
}
