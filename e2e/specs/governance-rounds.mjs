import { expect } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/** Calls the API from the signed-in page (same origin, the session cookie): setup the page story does not show. */
function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body },
  );
}

/** The <input> of an InputNumber, whichever element carries its test id. */
function numberInput(page, testId) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/**
 * The plan's governance rounds: an unapproved collection is refused; an approval entered through its
 * form lets the 急需紧缺 survey go out, filled by the enterprise and its catalogue published; a 调度 round
 * is opened, its notice to the cities seen in the outbox, returned and exported as Excel; a 部门会商
 * meeting is recorded through its form; an assessment is computed, its weights changed and computed
 * again under the new version.
 */
export async function governanceRoundsSpec(runner, { newContext, baseUrl, demoAccounts }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const stamp = Date.now();
  const year = new Date().getFullYear();
  let surveyId;
  let roundTitle;

  await runAs(runner, as('province_hrss'), '调查与批准 (province_hrss)', ({ page, layout }) => [
    [
      'a drafted survey without an approval is refused when sent',
      async () => {
        await layout.openMenu('调查与批准');
        await page.getByTestId('collection-new').click();
        await page.getByTestId('collection-title').fill(`企业用工摸底 ${stamp}`);
        await page.getByTestId('collection-fields').fill('本季度计划招聘人数\n最急需的岗位');
        await page.getByRole('button', { name: /确\s*定|OK/ }).click();
        const row = page.getByTestId('collections-table').locator('tr', { hasText: `企业用工摸底 ${stamp}` });
        await row.getByText('未批准').first().waitFor();
        await row.getByRole('button', { name: '发出' }).click();
        const refusal = await page.getByTestId('collection-refusal').innerText();
        expect(refusal.includes('批准文号'), `the refusal should name the missing approval: ${refusal}`);
        await runner.screenshot(page, '90-collection-refused');
      },
    ],
    [
      'an approved 急需紧缺 survey is sent to the enterprises',
      async () => {
        // The approval record is entered through its form.
        const approvalNumber = `苏统制〔${year}〕${stamp % 1000}号`;
        await page.getByRole('tab', { name: '批准记录' }).click();
        await page.getByTestId('approval-new').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByTestId('approval-title').fill('江苏省急需紧缺职业（工种）调查');
        await dialog.getByTestId('approval-office').fill('江苏省统计局');
        await dialog.getByTestId('approval-approvalNumber').fill(approvalNumber);
        await dialog.getByTestId('approval-scope').fill('全省专精特新中小企业');
        await dialog.getByTestId('approval-sample').fill('培育库内全部企业');
        await dialog.getByTestId('approval-frequency').fill('年报');
        for (const [field, day] of [
          ['validFrom', `${year}-01-01`],
          ['validUntil', `${year}-12-31`],
        ]) {
          await dialog.locator(`#${field}`).click();
          await dialog.locator(`#${field}`).fill(day);
          await dialog.locator(`#${field}`).press('Enter');
        }
        await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
        await page.getByText(approvalNumber).first().waitFor();
        const approvals = await api(page, 'GET', '/governance/collection-approvals');
        const approval = { body: approvals.body.items.find((a) => a.approvalNumber === approvalNumber) };
        expect(approval.body, `the approval entered in the form is on record: ${approvalNumber}`);
        const survey = await api(page, 'POST', '/governance/collections', {
          kind: 'shortage_survey',
          title: `急需紧缺职业调查 ${stamp}`,
          year,
          approvalId: approval.body.id,
        });
        surveyId = survey.body.id;
        await page.reload();
        await page.getByTestId(`collection-open-${surveyId}`).click();
        const row = page.getByTestId('collections-table').locator('tr', { hasText: `急需紧缺职业调查 ${stamp}` });
        await row.getByText('填报中').waitFor();
      },
    ],
  ]);

  await runAs(runner, as('enterprise_demo'), '调查填报 (enterprise_demo)', ({ page, layout }) => [
    [
      'sees the survey with its approval number and reports a shortage position',
      async () => {
        await layout.openMenu('调查填报');
        await page.getByTestId(`form-fill-${surveyId}`).click();
        const number = await page.getByTestId('form-approval-number').innerText();
        expect(number.startsWith('苏统制'), `the form should show its approval number: ${number}`);
        await page.getByTestId('position-code-0').fill('6-18-01-01');
        await numberInput(page, 'position-headcount-0').fill('5');
        await page.getByTestId('form-submit').click();
        await page.getByText('已提交').first().waitFor();
        await runner.screenshot(page, '91-shortage-reported');
      },
    ],
  ]);

  await runAs(runner, as('province_hrss'), '急需紧缺目录 · 调度 · 考核 (province_hrss)', ({ page, layout }) => [
    [
      'reads the answers and publishes the city’s catalogue',
      async () => {
        await layout.openMenu('调查与批准');
        await page.getByTestId(`collection-answers-${surveyId}`).click();
        await page.getByTestId('shortage-summary').getByText('车工').waitFor();
        await page
          .getByRole('button', { name: /^发布目录/ })
          .first()
          .click();
        await page.getByText('目录已发布').waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('tab', { name: '急需紧缺职业目录' }).click();
        await page.getByTestId('catalogues-table').getByText('车工').first().waitFor();
      },
    ],
    [
      'opens a 调度 round for the sixteen units',
      async () => {
        await layout.openMenu('工作调度');
        roundTitle = `${year} 年调度 ${stamp}`;
        await page.getByTestId('round-new').click();
        await page.getByTestId('round-title').fill(roundTitle);
        await page.getByRole('button', { name: /确\s*定|OK/ }).click();
        await page.getByText(roundTitle).first().waitFor();
      },
    ],
    [
      'sees the round’s notice to the cities in the outbox',
      async () => {
        await layout.openMenu('免申即享批次');
        await page.getByRole('tab', { name: '消息发送' }).click();
        await page.getByTestId('outbox-messages').getByText(`工作调度：${roundTitle}`).first().waitFor();
        await runner.screenshot(page, '92-dispatch-notice');
      },
    ],
    [
      'records a 部门会商 meeting with an action item through its form',
      async () => {
        await layout.openMenu('部门会商');
        await page.getByTestId('meeting-new').click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('#heldOn').click();
        await dialog.locator('#heldOn').fill(`${year}-01-15`);
        await dialog.locator('#heldOn').press('Enter');
        await dialog.getByTestId('meeting-title').fill(`人社工信会商 ${stamp}`);
        await dialog.getByTestId('meeting-attendees').fill('省人社厅：张三\n省工信厅：李四');
        await dialog.getByTestId('meeting-topics').fill('专精特新企业用工');
        await dialog.getByTestId('meeting-decisions').fill('联合开展专场招聘');
        await dialog.getByTestId('meeting-actions').fill(`组织专场招聘会|省人社厅|${year}-12-31`);
        await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
        await page.getByText(`人社工信会商 ${stamp}`).first().waitFor();
        await page.getByText('组织专场招聘会').first().waitFor();
      },
    ],
  ]);

  await runAs(runner, as('city_nanjing'), '调度报送 (city_nanjing)', ({ page, layout }) => [
    [
      'returns the pre-filled form',
      async () => {
        await layout.openMenu('工作调度');
        // The newest round (this one) opens expanded.
        await page.getByText(roundTitle).first().waitFor();
        await page.locator('[data-testid^="round-return-"]').first().click();
        await page.getByTestId('round-text-commissioner_visits').fill('走访重点企业 35 家');
        await page.getByTestId('round-text-progress_and_problems').fill('按计划推进');
        await page.getByTestId('round-return-submit').click();
        await page.getByText('按时报送').first().waitFor();
      },
    ],
  ]);

  await runAs(runner, as('province_hrss'), '调度导出 · 年度考核 (province_hrss)', ({ page, layout }) => [
    [
      'exports the round’s summary as Excel',
      async () => {
        await layout.openMenu('工作调度');
        await page.locator('[data-testid^="round-export-"]').first().waitFor();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('[data-testid^="round-export-"]').first().click(),
        ]);
        expect(download.suggestedFilename().endsWith('.xlsx'), `an Excel file: ${download.suggestedFilename()}`);
        await runner.screenshot(page, '92-dispatch');
      },
    ],
    [
      'computes the assessment, changes the weights and computes again under the new version',
      async () => {
        await layout.openMenu('年度考核');
        await page.getByTestId('assessment-compute').click();
        await page.getByTestId('assessment-version').waitFor();
        const before = await page.getByTestId('assessment-version').innerText();
        const rows = await page.getByTestId('assessment-table').locator('tbody tr.ant-table-row').count();
        expect(rows === 16, `16 units ranked, got ${rows}`);
        const weight = numberInput(page, 'weight-absorbed_insured');
        const dispatch = numberInput(page, 'weight-dispatch_on_time');
        const a = Number(await weight.inputValue());
        const d = Number(await dispatch.inputValue());
        await weight.fill(String(a - 5));
        await dispatch.fill(String(d + 5));
        await page.getByTestId('weights-save').click();
        await page.getByTestId('assessment-compute').click();
        await page.waitForFunction(
          (old) => globalThis.document.querySelector('[data-testid="assessment-version"]')?.textContent !== old,
          before,
        );
        const after = await page.getByTestId('assessment-version').innerText();
        expect(after !== before, `the new computation should use the new weights version: ${before} → ${after}`);
        await runner.screenshot(page, '93-assessment');
      },
    ],
  ]);
}
