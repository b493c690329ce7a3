import { expect } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/** Every page of the shell against the real API, each with the role that owns it. */
export async function rolePagesSpec(runner, { newContext, baseUrl, demoAccounts }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });

  await runAs(runner, as('sysadmin'), '账号管理 (sysadmin)', ({ page, layout }) => [
    [
      'lists the accounts',
      async () => {
        await layout.openMenu('账号管理');
        await page.getByRole('cell', { name: 'city_nanjing', exact: true }).waitFor();
      },
    ],
    [
      'refuses a weak password, then creates an auditor and shows its TOTP secret once',
      async () => {
        await page.getByRole('button', { name: /新建账号/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('用户名', { exact: true }).fill('e2e_auditor');
        await dialog.getByLabel('姓名', { exact: true }).fill('测试审计员');
        // The option is picked from the open list; a click while the list still animates is retried.
        const chosen = dialog.locator('.ant-select').filter({ hasText: '审计管理员' });
        for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt += 1) {
          await dialog.getByLabel('角色', { exact: true }).click();
          const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="审计管理员"]');
          await option.waitFor();
          await option.click();
          await page.waitForTimeout(300);
        }
        await chosen.waitFor();
        await dialog.getByLabel('初始密码').fill('weak');
        await dialog.getByRole('button', { name: '确定' }).click();
        await dialog.getByText('密码至少 12 位').waitFor();
        await dialog.getByLabel('初始密码').fill('Yf7#kQ2m!Lp9wZ');
        await dialog.getByRole('button', { name: '确定' }).click();
        const secret = await page.getByTestId('new-user-totp-secret').innerText();
        expect(/^[A-Z2-7]{16,}$/.test(secret.trim()), `expected a base32 TOTP secret, got "${secret}"`);
        await page.getByRole('img', { name: /e2e_auditor/ }).waitFor();
        await runner.screenshot(page, '10-sysadmin-new-user-totp');
        await page.getByRole('button', { name: '我已妥善保存' }).click();
        // The demo's job seekers fill the first pages: find the new account by name.
        await page.getByPlaceholder(/^用户名/).fill('e2e_auditor');
        await page.getByRole('button', { name: /查\s*询/ }).click();
        await page.getByRole('cell', { name: 'e2e_auditor', exact: true }).waitFor();
      },
    ],
    [
      'disables the new account',
      async () => {
        const row = page.getByRole('row', { name: /e2e_auditor/ });
        await row.getByRole('button', { name: '停用' }).click();
        await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
        await row.getByRole('button', { name: '启用' }).waitFor();
        await runner.screenshot(page, '11-sysadmin-users');
      },
    ],
  ]);

  await runAs(runner, as('secadmin'), '安全管理 (secadmin)', ({ page, layout }) => [
    [
      'shows lockouts and the read-only settings',
      async () => {
        await layout.openMenu('安全管理');
        await page.getByText('安全设置（只读）').waitFor();
        const settingRows = page.getByRole('table').last().locator('tbody tr.ant-table-row');
        await settingRows.first().waitFor();
        await runner.screenshot(page, '12-secadmin-security');
      },
    ],
  ]);

  await runAs(runner, as('auditor'), '审计日志 (auditor)', ({ page, layout }) => [
    [
      'lists audit entries',
      async () => {
        await layout.openMenu('审计日志');
        await page.locator('tbody tr.ant-table-row').first().waitFor();
      },
    ],
    [
      'verifies the hash chain',
      async () => {
        await page.getByRole('button', { name: /校验哈希链/ }).click();
        await page.getByText(/哈希链完整/).waitFor();
        await runner.screenshot(page, '13-auditor-audit');
      },
    ],
  ]);

  await runAs(runner, as('city_nanjing'), '参考数据与办事工具 (city_nanjing)', ({ page, layout }) => [
    [
      'searches the divisions',
      async () => {
        await layout.openMenu('参考数据');
        const search = page.getByRole('searchbox', { name: '代码或名称' });
        await search.fill('昆山');
        await search.press('Enter');
        await page.getByRole('cell', { name: '昆山市', exact: true }).waitFor();
      },
    ],
    [
      'lists occupations',
      async () => {
        await page.getByRole('tab', { name: '职业分类' }).click();
        await page.getByRole('tabpanel').locator('tbody tr.ant-table-row').first().waitFor();
        await runner.screenshot(page, '14-city-reference');
      },
    ],
    [
      'adds working days',
      async () => {
        await layout.openMenu('办事工具');
        await page.getByLabel('起始日期').fill('2026-09-30');
        await page.getByLabel('起始日期').press('Enter');
        await page.getByLabel('工作日数').fill('1');
        await page.getByRole('button', { name: '计算' }).first().click();
        await page.getByText(/第 1 个工作日是 \d{4}-\d{2}-\d{2}/).waitFor();
      },
    ],
    [
      'says plainly when a year is outside the calendar',
      async () => {
        await page.getByLabel('起始日期').fill('2035-01-02');
        await page.getByLabel('起始日期').press('Enter');
        await page.getByRole('button', { name: '计算' }).first().click();
        await page
          .getByRole('alert')
          .filter({ hasText: /日历|覆盖/ })
          .waitFor();
        await runner.screenshot(page, '15-city-tools-not-covered');
      },
    ],
    [
      'checks a credit code',
      async () => {
        await page.getByRole('textbox', { name: '统一社会信用代码' }).fill('91320100MA1ABCDE0X');
        await page.getByRole('button', { name: '校验' }).first().click();
        await page.getByText(/校验通过|校验未通过/).waitFor();
      },
    ],
  ]);

  // An early credit code: a valid one (91320115839990011N) with its 18th character changed.
  const earlyUscc = '913201158399900110';
  await runAs(runner, as('sysadmin'), '信用代码例外 (sysadmin)', ({ page, layout }) => [
    [
      'shows the validator’s failure before saving, then records the early code with its evidence',
      async () => {
        await layout.openMenu('信用代码例外');
        await page.getByRole('button', { name: /登记例外/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('统一社会信用代码').fill(earlyUscc);
        await dialog.getByRole('button', { name: '校验', exact: true }).click();
        await dialog.getByText('校验未通过：统一社会信用代码第 18 位校验码不正确').waitFor();
        await dialog.getByLabel('核验依据').fill('营业执照原件核验一致（e2e）');
        await runner.screenshot(page, '16-sysadmin-uscc-override-check');
        await dialog.getByRole('button', { name: '登记', exact: true }).click();
        await page
          .getByRole('row', { name: new RegExp(earlyUscc) })
          .getByText('生效中')
          .waitFor();
      },
    ],
    [
      'revokes it with a reason; the entry stays, marked revoked',
      async () => {
        const row = page.getByRole('row', { name: new RegExp(earlyUscc) });
        await row.getByRole('button', { name: '撤销' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('撤销原因').fill('e2e：核实后撤销');
        await dialog.getByRole('button', { name: '撤销', exact: true }).click();
        await row.getByText('已撤销').first().waitFor();
        await runner.screenshot(page, '17-sysadmin-uscc-overrides');
      },
    ],
  ]);
}
