import { BenefitsPage } from '../pages/benefits.page.mjs';
import { expect, expectEqual } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

const ENTERPRISE_NAME = '南京扬帆智能装备有限公司';
const BANK_ACCOUNT = '6222 0201 0000 1234 567';

/**
 * The enterprise, on its open case, claims in one click with the receiving account: the case
 * moves to 已确认待审核 and the review clock starts. Answers the account number as the payment file shows it.
 */
async function claimOpenCase(page, benefits, { accountHolder = ENTERPRISE_NAME } = {}) {
  const response = await benefits.claim({
    bankName: '中国工商银行南京江宁支行',
    bankAccount: BANK_ACCOUNT,
    accountHolder,
  });
  expectEqual(response.status(), 200, 'confirm status');
  await page.getByText('已确认申领，进入审核').waitFor();
  expectEqual(await benefits.waitForState('已确认待审核'), '已确认待审核', 'state after the claim');
  return BANK_ACCOUNT.replace(/\s/g, '');
}

/** The city official approves the open case with an opinion: the case moves to 审核通过（公示）. */
export async function approveCase(page, benefits, opinion) {
  const clock = await benefits.reviewClock();
  expect(/剩余 \d+ 个工作日|今日到期/.test(clock), `review clock: ${clock}`);
  const response = await benefits.approve(opinion);
  expectEqual(response.status(), 200, 'approve status');
  await page.getByText(/已审核通过，进入 \d+ 个工作日公示/).waitFor();
  expectEqual(await benefits.waitForState('审核通过（公示）'), '审核通过（公示）', 'state after approval');
  await page.getByTestId('case-history').getByText(opinion).waitFor();
}

/**
 * 免申即享 from match to 公示 (benefits-payment.mjs goes on to the money): 省人社 runs 稳岗返还 for 2025 (2024 facts) over the demo register;
 * enterprise_demo finds the notice, reads the explanation and claims in one click; 南京 approves
 * within the 20-working-day clock; the public 公示 page lists the enterprise and its amount.
 */
export async function benefitsSpec(runner, { newContext, baseUrl, demoAccounts, label }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const story = { bankAccount: BANK_ACCOUNT.replace(/\s/g, '') };
  const titled = (title) => (label ? title.replace(/\)$/, `, ${label})`) : title);

  await runAs(runner, as('province_hrss'), titled('免申即享批次 (province_hrss)'), ({ page, layout }) => {
    const benefits = new BenefitsPage(page);
    return [
      [
        'starts a match run of 稳岗返还 for 2025 and waits for its summary',
        async () => {
          await layout.openMenu('免申即享批次');
          const status = await benefits.startMatchRun({ policy: '稳岗返还', period: '2025' });
          expectEqual(status, '已完成', 'match run status');
          const created = await benefits.matchRunNewCount();
          expect(created > 0, `the run created ${created} candidates`);
          await runner.screenshot(page, '60-province-match-run');
        },
      ],
      [
        'lists the run’s cases with amounts in yuan',
        async () => {
          // The run panel and the run history both offer it for the new run; either opens its cases.
          await page.getByRole('button', { name: '查看本批次案件' }).first().click();
          await benefits.caseRows.first().waitFor();
          const first = await benefits.caseRows.first().innerText();
          expect(/\d{1,3}(,\d{3})*\.\d{2}/.test(first), `no yuan amount in the first row: ${first}`);
        },
      ],
    ];
  });

  await runAs(runner, as('enterprise_demo'), titled('政策消息与一键确认 (enterprise_demo)'), ({ page, layout }) => {
    const benefits = new BenefitsPage(page);
    return [
      [
        'reads “您单位符合…，预计可获 …元” in 政策消息',
        async () => {
          await layout.openMenu('政策消息');
          const texts = await benefits.inboxTexts();
          const notice = texts.find((text) => text.includes('稳岗返还'));
          expect(
            notice && /您单位符合.*预计可获 [\d,]+\.\d{2} 元/s.test(notice),
            `no 稳岗返还 notice: ${texts.join(' | ').slice(0, 300)}`,
          );
          await runner.screenshot(page, '61-enterprise-inbox');
        },
      ],
      [
        'opens the case: explanation lines, amount, state 已匹配待确认',
        async () => {
          await benefits.openCaseFromInbox('稳岗返还');
          story.caseId = Number(/\/benefits\/cases\/(\d+)/.exec(page.url())?.[1]);
          story.amount = await benefits.caseAmount();
          expect(/^[\d,]+\.\d{2}$/.test(story.amount), `amount ${story.amount}`);
          const lines = await benefits.explanationLines();
          expect(
            lines.some((line) => line.includes('返还')),
            `explanation: ${lines.join(' / ')}`,
          );
          expectEqual(await benefits.caseState(), '已匹配待确认', 'state before the claim');
        },
      ],
      [
        'the claim form refuses a malformed account number',
        async () => {
          const form = page.getByRole('form', { name: '确认申领（即申即享）' });
          await form.getByLabel('银行账号').fill('12ab');
          await form.getByRole('button', { name: '确认申领' }).click();
          await form.locator('.ant-form-item-explain-error').first().waitFor();
          const errors = await benefits.claimFieldErrors();
          expect(
            errors.some((text) => text.includes('银行账号')),
            `field errors: ${errors.join(' / ')}`,
          );
        },
      ],
      [
        'claims in one click with the receiving account; the review clock starts',
        async () => {
          await claimOpenCase(page, benefits);
          await runner.screenshot(page, '62-enterprise-case-claimed');
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), titled('补贴审核 (city_nanjing)'), ({ page, layout }) => {
    const benefits = new BenefitsPage(page);
    return [
      [
        'sees the case with its working-day clock and approves it',
        async () => {
          expect(Number.isInteger(story.caseId), 'the enterprise step gave no case id');
          await layout.openMenu('补贴审核');
          await benefits.caseRows.first().waitFor();
          await runner.screenshot(page, '63-city-review-list');
          await benefits.openCase(story.caseId);
          await approveCase(page, benefits, '经核查裁员率与缴费情况符合条件，同意。');
          await runner.screenshot(page, '64-city-case-approved');
        },
      ],
    ];
  });

  {
    const context = await newContext();
    const page = await context.newPage();
    const benefits = new BenefitsPage(page);
    await runner.spec(titled('政策兑现公示 (no login)'), page, [
      [
        'the login page links to 公示, which lists the enterprise and its amount',
        async () => {
          await page.goto(`${baseUrl}/login`);
          await page.getByRole('link', { name: '政策兑现公示（无需登录）' }).click();
          const rows = await benefits.publicNoticeRows();
          const row = rows.find((text) => text.includes(ENTERPRISE_NAME) && text.includes('稳岗返还'));
          expect(row && row.includes(story.amount ?? '?'), `公示 rows: ${rows.join(' | ').slice(0, 300)}`);
          expect(!/\d{17}[\dX]/.test(rows.join(' ')), 'the public page shows no ID numbers');
          await runner.screenshot(page, '65-public-notices');
        },
      ],
    ]);
    await context.close();
  }
  return story;
}
