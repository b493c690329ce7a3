import { BenefitsPage } from '../pages/benefits.page.mjs';
import { PolicyCalculatorPage } from '../pages/policy-calculator.page.mjs';
import { expect, expectEqual } from '../support/harness.mjs';
import { writePdf } from '../support/material-file.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

const POLICY = '社会保险补贴';

/**
 * 即申即享 with a submission: 社会保险补贴 needs facts no data holds (劳动合同期限, 个人缴费). The
 * demo enterprise starts its application from 政策计算器; 省人社's run for 2025 adds the other
 * enterprises and no second case; the demo enterprise declares the facts person by person, sees the amount
 * recomputed, uploads the two materials and submits; 南京 sees the declared values marked
 * 企业申报 with the materials and approves.
 */
export async function benefitsApplicationSpec(runner, { newContext, baseUrl, demoAccounts }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const story = {};

  await runAs(runner, as('enterprise_demo'), '从政策计算器发起申请 (enterprise_demo)', ({ page, layout }) => {
    const calculator = new PolicyCalculatorPage(page);
    return [
      [
        '政策计算器 on 2025-12-31: 社会保险补贴 offers 申请; it opens the new case',
        async () => {
          await layout.openMenu('政策计算器');
          await calculator.waitForResults();
          await calculator.date.click();
          await calculator.date.fill('2025-12-31');
          await calculator.date.press('Enter');
          await calculator.result('social_insurance_subsidy').getByText('申领时由企业申报').first().waitFor();
          await page.getByTestId('start-application-social_insurance_subsidy').click();
          await page.waitForURL(/\/benefits\/cases\/\d+/);
          story.caseId = Number(/\/benefits\/cases\/(\d+)/.exec(page.url())?.[1]);
          await page.getByTestId('case-declarations').waitFor();
        },
      ],
    ];
  });

  await runAs(runner, as('province_hrss'), '社会保险补贴匹配 (province_hrss)', ({ page, layout }) => {
    const benefits = new BenefitsPage(page);
    return [
      [
        'runs 社会保险补贴 for 2025: candidates whose only gaps are facts the enterprise can declare',
        async () => {
          await layout.openMenu('免申即享批次');
          const status = await benefits.startMatchRun({ policy: /^社会保险补贴/, period: '2025' });
          expectEqual(status, '已完成', 'match run status');
          expect((await benefits.matchRunNewCount()) > 0, 'the run created no candidates');
        },
      ],
    ];
  });

  await runAs(runner, as('enterprise_demo'), '申报事实、上传材料、提交申请 (enterprise_demo)', ({ page, layout }) => {
    const benefits = new BenefitsPage(page);
    return [
      [
        'opens the notice: 待申报, amount not yet known',
        async () => {
          await layout.openMenu('政策消息');
          await benefits.openCaseFromInbox(POLICY);
          expectEqual(
            Number(/\/benefits\/cases\/(\d+)/.exec(page.url())?.[1]),
            story.caseId,
            'the notice opens the case the enterprise started (the run made no second one)',
          );
          await page.getByTestId('case-declarations').waitFor();
          expect(
            (await page.getByTestId('declarations-status').innerText()).includes('待申报'),
            'status before declaring',
          );
          await expectSubmitRefused(page);
        },
      ],
      [
        'declares 一年以上 and the monthly contribution for each waiting person; the amount is recomputed',
        async () => {
          const terms = page.locator('[data-testid^="declare-contract_term-"]');
          const count = await terms.count();
          expect(count > 0, 'no person waits for a declaration');
          for (let i = 0; i < count; i += 1) await terms.nth(i).getByText('一年以上', { exact: true }).click();
          const contributions = page.locator(
            'input[data-testid^="declare-personal_contribution_monthly-"], [data-testid^="declare-personal_contribution_monthly-"] input',
          );
          for (let i = 0; i < (await contributions.count()); i += 1) await contributions.nth(i).fill('500');
          await page.getByTestId('declarations-save').click();
          await page.getByText('申报已保存，重新测算结果：符合条件').waitFor();
          // The panel redraws from the saved answer just after the message.
          await page
            .getByTestId('declarations-status')
            .filter({ hasText: /^符合条件$/ })
            .waitFor();
          story.amount = /([\d,]+\.\d{2}) 元/.exec(await page.getByTestId('declarations-amount').innerText())?.[1];
          expect(story.amount && Number(story.amount.replace(/,/g, '')) > 0, `recomputed amount ${story.amount}`);
          await page.getByTestId('case-explanation').getByText('企业申报', { exact: false }).first().waitFor();
          await runner.screenshot(page, '66-enterprise-declarations');
        },
      ],
      [
        'uploads 劳动合同 and 个人缴费明细 (a PDF each); a Word file is refused by the page',
        async () => {
          const contract = page.getByTestId('material-labour_contract');
          await contract.locator('input[type=file]').setInputFiles(writePdf('劳动合同.docx'));
          await contract.getByRole('alert').filter({ hasText: '「劳动合同.docx」不是 PDF' }).waitFor();
          await contract.locator('input[type=file]').setInputFiles(writePdf('劳动合同.pdf'));
          await page.getByText('已上传「劳动合同.pdf」').waitFor();
          await uploadMaterials(page, [['contribution_record', '个人缴费明细.pdf']]);
        },
      ],
      [
        'submits the application with the receiving account; the 20-working-day review starts',
        async () => {
          await submitApplication(page, benefits, {
            bankName: '中国银行南京江宁支行',
            bankAccount: '6216 6100 0000 7788',
            accountHolder: '南京扬帆智能装备有限公司',
          });
          await runner.screenshot(page, '67-enterprise-application-submitted');
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), '申请审核 (city_nanjing)', ({ page, layout }) => {
    const benefits = new BenefitsPage(page);
    return [
      [
        'sees the declared values marked 企业申报 and the two materials, downloads one, approves',
        async () => {
          expect(Number.isInteger(story.caseId), 'the enterprise step gave no case id');
          await layout.openMenu('补贴审核');
          await benefits.caseRows.first().waitFor();
          await benefits.openCase(story.caseId);
          await page.getByTestId('case-declarations').waitFor();
          expect((await page.getByTestId('declared-tag').count()) > 0, 'the reviewer does not see 企业申报');
          expectEqual(await benefits.caseAmount(), story.amount, 'amount the reviewer approves');
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator('[data-testid^="attachment-"]').first().getByRole('button', { name: '下载' }).click(),
          ]);
          expect(download.suggestedFilename().endsWith('.pdf'), `downloaded ${download.suggestedFilename()}`);
          const response = await benefits.approve();
          expectEqual(response.status(), 200, 'approve status');
          expectEqual(await benefits.waitForState('审核通过（公示）'), '审核通过（公示）', 'state after approval');
          await runner.screenshot(page, '68-city-application-approved');
        },
      ],
    ];
  });
  return story;
}

/**
 * Uploads a PDF for each material (`[code, file name]`) of the open case and waits until the page
 * says the required materials are complete.
 */
export async function uploadMaterials(page, materials) {
  for (const [code, fileName] of materials) {
    await page.getByTestId(`material-${code}`).locator('input[type=file]').setInputFiles(writePdf(fileName));
    await page.getByText(`已上传「${fileName}」`).waitFor();
  }
  // The submit form redraws once the page has reloaded the case's materials.
  await page.getByTestId('application-missing').filter({ hasText: '必交材料已齐全' }).waitFor();
}

/** Submits the open case's application (即申即享) with the receiving account: the case moves to 已确认待审核. */
export async function submitApplication(page, benefits, { bankName, bankAccount, accountHolder }) {
  const form = page.getByRole('form', { name: '提交申请（即申即享）' });
  await form.getByLabel('开户银行').fill(bankName);
  await form.getByLabel('银行账号').fill(bankAccount);
  await form.getByLabel('账户名称').fill(accountHolder);
  const answered = page.waitForResponse(
    (response) => response.url().endsWith('/apply') && response.request().method() === 'POST',
  );
  await page.getByTestId('apply-submit').click();
  expectEqual((await answered).status(), 200, 'apply status');
  await page.getByText('申请已提交，进入审核').waitFor();
  expectEqual(await benefits.waitForState('已确认待审核'), '已确认待审核', 'state after submitting');
}

/** Before anything is declared or uploaded, 提交申请 cannot be pressed. */
async function expectSubmitRefused(page) {
  const submit = page.getByTestId('apply-submit');
  await submit.waitFor();
  expect(await submit.isDisabled(), '提交申请 is enabled before the materials are there');
}
