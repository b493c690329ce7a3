import { expect, expectEqual } from '../support/harness.mjs';
import { makeIdNumber } from '../support/id-number.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/** A JSON call of the signed-in page (same origin, the session cookie goes along). */
async function callApi(page, apiPath) {
  return page.evaluate(async (url) => (await fetch(`/api/v1${url}`)).json(), apiPath);
}

/** Today in Beijing (YYYY-MM-DD). */
function todayInShanghai() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * 引才活动 end to end: 南京市人社 records a 东西部劳务协作 campaign with an event in 陕西省汉中市 and its
 * results, records a hire through it (an ID number issued in 汉中) — the page shows the masked name and
 * 陕西省, never the ID number — corrects its date and removes a second hire recorded by mistake, and the 录用人员户籍省份 report counts one more hire from 陕西省, exported
 * as Excel.
 */
export async function recruitmentCampaignsSpec(runner, { newContext, baseUrl, demoAccounts, label = '' }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const stamp = String(Date.now() % 900_000);
  const today = todayInShanghai();
  const idNumber = makeIdNumber('610702', '1998-05-04', (Date.now() % 998) + 1);
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const mistake = makeIdNumber('620102', '1999-01-02', (Date.now() % 997) + 1);
  const name = `${stamp.slice(-4)}苏陕劳务协作专精特新企业招聘对接`;

  await runAs(runner, as('city_nanjing'), `引才活动与东西部劳务协作 ${label}(city_nanjing)`, ({ page, layout }) => {
    let shaanxiBefore = 0;
    return [
      [
        'records a 东西部劳务协作 campaign with an event in 陕西 and its results',
        async () => {
          const before = await callApi(page, '/recruitment-campaigns/origin-report?kind=east_west');
          shaanxiBefore = before.rows.find((r) => r.provinceCode === '610000')?.hires ?? 0;
          await layout.openMenu('引才活动');
          await page.getByTestId('campaign-new').click();
          const dialog = page.getByRole('dialog');
          await dialog.getByLabel('活动类型').click();
          await page.locator('.ant-select-item-option[title="东西部劳务协作"]').click();
          await dialog.getByTestId('campaign-name').fill(name);
          await dialog.getByTestId('campaign-organiser').fill('南京市人力资源和社会保障局');
          await dialog.getByTestId('campaign-events').fill(`${today} 陕西省汉中市 汉中市人力资源市场 线下`);
          await dialog.getByTestId('campaign-enterprises').fill('12');
          await dialog.getByTestId('campaign-seekers').fill('600');
          await dialog.getByTestId('campaign-intentions').fill('90');
          await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
          await page.getByText('已登记引才活动').waitFor();
        },
      ],
      [
        'records a hire through it: the masked name and 陕西省 are shown, never the ID number',
        async () => {
          const enterprises = await callApi(page, '/enterprises?pageSize=1');
          const uscc = enterprises.items[0].uscc;
          await page.getByTestId('hire-id-number').fill(idNumber);
          await page.getByTestId('hire-name').fill('王小明');
          await page.getByTestId('hire-uscc').fill(uscc);
          await page.getByTestId('hire-date').fill(today);
          await page.getByTestId('hire-submit').click();
          await page.getByText('已登记录用人员').waitFor();
          await page.getByTestId('campaign-hire-count').getByText('1').waitFor();
          const hires = page.getByTestId('campaign-hires');
          await hires.getByText('王**').waitFor();
          await hires.getByText('陕西省').waitFor();
          const text = await page.content();
          expect(!text.includes(idNumber), 'the ID number must never reach the page');
          expect(!text.includes('王小明'), 'the name is shown masked');
          await runner.screenshot(page, 'campaigns-01-hire');
        },
      ],
      [
        'corrects the date of the hire and removes a hire recorded by mistake: the count goes back to 1',
        async () => {
          const hires = page.getByTestId('campaign-hires');
          await page.getByTestId('hire-id-number').fill(mistake);
          await page.getByTestId('hire-name').fill('李华');
          await page.getByTestId('hire-uscc').fill((await callApi(page, '/enterprises?pageSize=1')).items[0].uscc);
          await page.getByTestId('hire-date').fill(today);
          await page.getByTestId('hire-submit').click();
          await page.getByTestId('campaign-hire-count').getByText('2').waitFor();
          await hires.getByText('甘肃省').waitFor();

          await hires
            .getByRole('row', { name: /王\*\*/ })
            .getByRole('button', { name: '更正' })
            .click();
          const dialog = page.getByRole('dialog', { name: /更正录用人员/ });
          await dialog.getByTestId('hire-correct-date').fill(yesterday);
          await dialog.getByTestId('hire-correct-save').click();
          await page.getByText('已更正录用记录').waitFor();
          await hires
            .getByRole('row', { name: /王\*\*/ })
            .getByText(yesterday)
            .waitFor();

          await hires
            .getByRole('row', { name: /甘肃省/ })
            .getByRole('button', { name: '删除' })
            .click();
          await page
            .locator('.ant-popconfirm')
            .getByRole('button', { name: /确\s*定|OK/ })
            .click();
          await page.getByText('已删除录用记录').waitFor();
          await page.getByTestId('campaign-hire-count').getByText('1').waitFor();
          await hires.getByText('甘肃省').waitFor({ state: 'detached' });
          await runner.screenshot(page, 'campaigns-01b-hire-corrected');
        },
      ],
      [
        'sees one more hire from 陕西省 in the home-province report and exports it',
        async () => {
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'detached' });
          const report = page.getByTestId('origin-report');
          const row = report.getByRole('row', { name: /陕西省/ });
          await row
            .getByRole('cell', { name: String(shaanxiBefore + 1), exact: true })
            .first()
            .waitFor();
          const after = await callApi(page, '/recruitment-campaigns/origin-report?kind=east_west');
          expectEqual(after.rows.find((r) => r.provinceCode === '610000')?.hires, shaanxiBefore + 1, '陕西省 hires');
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByTestId('origin-report-export').click(),
          ]);
          expect(download.suggestedFilename().endsWith('.xlsx'), `an Excel file: ${download.suggestedFilename()}`);
          await runner.screenshot(page, 'campaigns-02-origin-report');
        },
      ],
    ];
  });
}
