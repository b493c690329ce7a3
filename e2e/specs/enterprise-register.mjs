import { EnterprisesPage } from '../pages/enterprises.page.mjs';
import { ImportsPage } from '../pages/imports.page.mjs';
import { KeyEnterprisesPage } from '../pages/key-enterprises.page.mjs';
import { expect, expectEqual } from '../support/harness.mjs';
import { writeRegisterCsv, writeWrongHeaderCsv } from '../support/register-file.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/**
 * The register end to end: 省工信 uploads a 培育库 file, follows the import to its summary and
 * rejects file, and finds the enterprises in 企业培育库; then a city official sees only the
 * city's enterprises and keeps the city's key-enterprise list.
 */
export async function enterpriseRegisterSpec(runner, { newContext, baseUrl, demoAccounts }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const upload = writeRegisterCsv();
  const { gulou, jiangning, suzhou } = upload.enterprises;

  await runAs(runner, as('province_miit'), '培育库导入与查询 (province_miit)', ({ page, layout }) => {
    const imports = new ImportsPage(page);
    const register = new EnterprisesPage(page);
    return [
      [
        'opens 数据导入 and shows the 培育库 template',
        async () => {
          await layout.openMenu('数据导入');
          await imports.waitForKinds();
          expectEqual(await imports.templateHeaders(), upload.header, 'template columns');
        },
      ],
      [
        '下载模板 gives an Excel file with the Chinese header',
        async () => {
          const { fileName, header } = await imports.downloadTemplate();
          expect(fileName.endsWith('.xlsx'), `template file name ${fileName}`);
          expectEqual(header, upload.header, 'template header row');
        },
      ],
      [
        'uploads 3 good rows and 1 bad row and follows the progress to the end',
        async () => {
          await imports.upload(upload.file);
          await imports.progressBar.waitFor();
          const status = await imports.waitUntilFinished();
          expectEqual(status, '已完成', 'import status');
        },
      ],
      [
        'the summary counts 4 rows: 3 accepted, 0 unchanged, 1 rejected',
        async () => {
          expectEqual(await imports.summary(), { rows: 4, accepted: 3, unchanged: 0, rejected: 1 }, 'import summary');
          await runner.screenshot(page, '20-miit-import-summary');
        },
      ],
      [
        'the page lists the rejected row under the summary: its line, column and reason in Chinese',
        async () => {
          expectEqual(
            await imports.rejectedRows(),
            // The reason quotes the code whole: a credit code is an enterprise's, not personal data.
            [[String(upload.badLine), '统一社会信用代码', `统一社会信用代码第 18 位校验码不正确：${upload.badUscc}`]],
            'rejected rows on the page',
          );
        },
      ],
      [
        'the rejects file (a Chinese file name) names the bad line, its column and reason code',
        async () => {
          const { fileName, text } = await imports.downloadRejects();
          expect(/^导入\d+-.+-被拒绝行\.csv$/.test(fileName), `rejects file name: ${fileName}`);
          const lines = text
            .replace(/^\ufeff/, '')
            .trim()
            .split(/\r?\n/);
          expectEqual(lines[0], '行号,列,原因代码,原因', 'rejects header');
          expectEqual(lines.length, 2, 'rejects lines (header + 1)');
          const [line, column, code] = lines[1].split(',');
          expectEqual(
            [line, column, code],
            [String(upload.badLine), '统一社会信用代码', 'USCC_CHECK_CHAR'],
            'rejected row',
          );
        },
      ],
      [
        'the history lists the run with its numbers',
        async () => {
          const row = imports.history.getByRole('row', { name: new RegExp(upload.tag) });
          await row.waitFor();
          expect((await row.innerText()).includes('已完成'), 'history row should say 已完成');
        },
      ],
      [
        'a file with the wrong header is refused with the expected columns',
        async () => {
          await imports.upload(writeWrongHeaderCsv().file);
          expectEqual(await imports.waitUntilFinished(), '已拒收', 'status of a wrong-header file');
          const alert = page.getByRole('alert').filter({ hasText: '文件已拒收' });
          await alert.waitFor();
          const text = await alert.innerText();
          expect(
            text.includes('统一社会信用代码') && text.includes('企业规模'),
            `the refusal should list the expected columns, got "${text}"`,
          );
          await runner.screenshot(page, '21-miit-import-refused');
        },
      ],
      [
        'opens 企业培育库 and filters by 南京市',
        async () => {
          await layout.openMenu('企业培育库');
          await register.waitForList();
          await register.filter({ city: '南京市', keyword: upload.tag });
          const names = await register.names();
          expectEqual([...names].sort(), [gulou.name, jiangning.name].sort(), '南京 enterprises of this upload');
          for (const location of await register.column('所在地区'))
            expect(location.startsWith('南京市'), `a row outside 南京: ${location}`);
          await runner.screenshot(page, '22-miit-register-nanjing');
        },
      ],
      [
        'exports the filtered list as Excel',
        async () => {
          const { fileName, bytes } = await register.export();
          expect(fileName.endsWith('.xlsx'), `export file name ${fileName}`);
          expect(bytes.subarray(0, 2).toString('latin1') === 'PK', 'the export is not an XLSX (zip) file');
        },
      ],
      [
        'opens the 小巨人 enterprise and sees its tier, history and validity',
        async () => {
          await register.open(jiangning.name);
          expectEqual(await register.detailTier(), jiangning.tier, 'tier on the detail page');
          await page.getByText(`${jiangning.tier}：2023-07-01 至 2026-06-30`).waitFor();
          await page.getByText(jiangning.uscc, { exact: true }).waitFor();
          await runner.screenshot(page, '23-miit-enterprise-detail');
        },
      ],
      [
        'the contact phone is masked and 省工信 may not see it whole',
        async () => {
          const shown = (await page.getByTestId('contact-phone').innerText()).trim();
          expect(/^025\*+6789$/.test(shown), `expected the landline masked as 025****6789, got "${shown}"`);
          // Without the personal-data right (GET /auth/me says so) the page offers no reveal at all.
          expect(
            (await page.getByRole('button', { name: /查看完整号码/ }).count()) === 0,
            'no 查看完整号码 button without the right',
          );
        },
      ],
      [
        'the 参保人员 tab shows a month picker and no roster yet, without failing',
        async () => {
          const panel = await register.openEmployeesTab();
          expect(await panel.locator('.ant-empty').isVisible(), 'an enterprise without roster shows the empty state');
          await runner.screenshot(page, '24-miit-enterprise-employees');
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), '南京市的企业与重点企业清单 (city_nanjing)', ({ page, layout }) => {
    const register = new EnterprisesPage(page);
    const keyList = new KeyEnterprisesPage(page);
    return [
      [
        'the region picker offers 南京市 only',
        async () => {
          await layout.openMenu('企业培育库');
          await register.waitForList();
          expectEqual(await register.regionChoices(), ['南京市'], 'regions offered to city_nanjing');
        },
      ],
      [
        'the list shows 南京 enterprises only',
        async () => {
          const locations = await register.column('所在地区');
          expect(
            locations.length >= 2,
            `expected at least the 2 uploaded 南京 enterprises, got ${locations.length} rows`,
          );
          for (const location of locations)
            expect(location.startsWith('南京市'), `city_nanjing sees a row outside 南京: ${location}`);
          await runner.screenshot(page, '25-city-register');
        },
      ],
      [
        'the 苏州 enterprise of the upload cannot be found',
        async () => {
          await register.filter({ keyword: upload.tag });
          const names = await register.names();
          expect(names.includes(gulou.name) && names.includes(jiangning.name), 'both 南京 enterprises should be found');
          expect(!names.includes(suzhou.name), 'the 苏州 enterprise must not be visible to 南京');
        },
      ],
      [
        'puts an enterprise on the key-enterprise list, without a commissioner yet',
        async () => {
          await layout.openMenu('重点企业清单');
          await keyList.add(gulou.name);
          expect(
            (await keyList.row(gulou.name).innerText()).includes('未配专员'),
            'a new entry is flagged as having no commissioner',
          );
          await runner.screenshot(page, '26-city-key-enterprises');
        },
      ],
      [
        'takes it off the list again',
        async () => {
          await keyList.remove(gulou.name);
        },
      ],
    ];
  });
}
