import { BenefitsPage } from '../pages/benefits.page.mjs';
import { ImportsPage } from '../pages/imports.page.mjs';
import { parseInstructionFile, writeBankResultCsv } from '../support/bank-results.mjs';
import { expect, expectEqual } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

const digits = (text) => text.replace(/[^\d.]/g, '');
/** The states a case paid after one failed attempt goes through, from match to money. */
const PAID_HISTORY = ['已匹配待确认', '已确认待审核', '审核通过（公示）', '已发送支付指令', '支付失败待重发', '已拨付'];

/**
 * 直补快办 after 公示, on a server whose demo clock has moved past the 5 working days: 省人社
 * makes the payment instruction for the approved case, downloads the file, imports the bank's
 * answer — first 失败 (户名不符), then, after resending, 成功 — and sees the ledger reconcile;
 * the enterprise sees its case 已拨付 with the whole history from match to money.
 */
export async function benefitsPaymentSpec(runner, { newContext, baseUrl, demoAccounts, clockOffsetMs, story, label }) {
  const as = (username) => ({ newContext, baseUrl, clockOffsetMs, account: demoAccount(demoAccounts, username) });
  const shot = (page, name) => runner.screenshot(page, `${name}${label ? `-${label}` : ''}`);

  await runAs(
    runner,
    as('province_hrss'),
    `直补快办与资金对账 (province_hrss${label ? `, ${label}` : ''})`,
    ({ page, layout }) => paymentSteps({ page, layout, story, shot }),
  );

  await runAs(
    runner,
    as('enterprise_demo'),
    `我的补贴：已拨付 (enterprise_demo${label ? `, ${label}` : ''})`,
    ({ page, layout }) => [seesCasePaidStep({ page, layout, story, shot, states: PAID_HISTORY })],
  );
}

/**
 * 省人社 pays an approved case whose 公示 is over: the payment instruction for the case, the file
 * naming the case, the receiving account and the amount, the bank's answer imported from 支付指令 →
 * 数据导入 — first 失败 (户名不符) and a resend when `failFirst` — then 成功 (the same file again
 * changes nothing), and the ledger balanced. `story`: caseId, amount and bankAccount. With
 * `isOnlyPaidCase` the ledger's paid total must be this case's amount.
 */
export function paymentSteps({ page, layout, story, shot, failFirst = true, isOnlyPaidCase = true }) {
  const benefits = new BenefitsPage(page);
  const imports = new ImportsPage(page);
  const instructionOf = async (fileName) => {
    const lines = parseInstructionFile(await benefits.downloadPaymentFile(fileName));
    const line = lines.find((candidate) => candidate['案件编号'] === String(story.caseId));
    expect(line, `case ${story.caseId} missing from ${fileName}: ${JSON.stringify(lines).slice(0, 300)}`);
    return line;
  };
  const importBankResult = async (row, name) => {
    await page.getByRole('link', { name: '前往数据导入' }).click();
    await imports.waitForKinds();
    await page.getByText('银行拨付结果', { exact: true }).first().waitFor();
    await imports.upload(writeBankResultCsv([row], name));
    expectEqual(await imports.waitUntilFinished(), '已完成', 'bank result import status');
    expectEqual(await imports.summary(), { rows: 1, accepted: 1, unchanged: 0, rejected: 0 }, 'bank result summary');
  };
  const failure = [
    [
      'imports the bank’s answer 失败 (户名不符) from 支付指令 → 数据导入',
      async () => {
        await importBankResult(
          { instruction: story.instruction, result: '失败', reason: '户名不符' },
          'bank-failed.csv',
        );
      },
    ],
    [
      'resends the failed payment: a second attempt of the same payment, never a second payment',
      async () => {
        await layout.openMenu('免申即享批次');
        await benefits.openRunsTab('支付指令');
        const { response, text } = await benefits.createPaymentBatch([story.caseId]);
        expectEqual(response.status(), 200, `resend status (${text})`);
        const resent = await response.json();
        const line = await instructionOf(resent.file_name);
        expectEqual(line['指令编号'], story.instruction.replace(/-1$/, '-2'), 'instruction of the second attempt');
        story.instruction = line['指令编号'];
      },
    ],
  ];
  return [
    [
      'makes the payment instruction for the approved case once 公示 is over',
      async () => {
        expect(Number.isInteger(story.caseId), 'the claim story gave no case id');
        await layout.openMenu('免申即享批次');
        await benefits.openRunsTab('支付指令');
        const { response, text, previewTotal } = await benefits.createPaymentBatch([story.caseId]);
        expectEqual(response.status(), 200, `payment batch status (${text})`);
        expect(previewTotal.includes(story.amount), `the confirmation's total ${previewTotal} is not ${story.amount}`);
        story.batch = await response.json();
        expectEqual(story.batch.payments, 1, 'payments in the batch');
        expect(text.includes('1 笔') && text.includes(story.amount), `message: ${text}`);
        await shot(page, '70-province-payment-batch');
      },
    ],
    [
      'the instruction file names the case, the receiving account and the amount',
      async () => {
        const line = await instructionOf(story.batch.file_name);
        story.instruction = line['指令编号'];
        expect(/^\d+-1$/.test(story.instruction), `instruction ${story.instruction}`);
        expectEqual(line['银行账号'], story.bankAccount, 'receiving account');
        expectEqual(digits(line['金额（元）']), digits(story.amount), 'amount');
      },
    ],
    ...(failFirst ? failure : []),
    [
      `imports 成功 for the ${failFirst ? 'second' : 'first'} attempt; the same file again changes nothing`,
      async () => {
        const row = { instruction: story.instruction, result: '成功', reference: `E2E${Date.now()}` };
        await importBankResult(row, 'bank-paid.csv');
        await imports.upload(writeBankResultCsv([row], 'bank-paid-again.csv'));
        expectEqual(await imports.waitUntilFinished(), '已完成', 'status of the repeated file');
        expectEqual(
          await imports.summary(),
          { rows: 1, accepted: 0, unchanged: 1, rejected: 0 },
          'repeated file summary',
        );
      },
    ],
    [
      isOnlyPaidCase ? '资金对账: the ledger balances and counts the paid amount' : '资金对账: the ledger balances',
      async () => {
        await layout.openMenu('免申即享批次');
        await benefits.openRunsTab('资金对账');
        const status = await benefits.ledgerStatus();
        expect(status.includes('借贷平衡，账实相符'), `ledger: ${status}`);
        if (isOnlyPaidCase) {
          const paid = /累计到账 ([\d,]+\.\d{2}) 元/.exec(status)?.[1];
          expectEqual(paid, story.amount, 'paid in total (the only paid case)');
        }
        await shot(page, '71-province-ledger');
      },
    ],
  ];
}

/** The enterprise opens the case from 我的补贴 and sees it 已拨付, its history through `states`. */
export function seesCasePaidStep({ page, layout, story, shot, states }) {
  const benefits = new BenefitsPage(page);
  return [
    'sees the case 已拨付 with its history from match to money',
    async () => {
      await layout.openMenu('我的补贴');
      await page.getByRole('link', { name: `案件 ${story.caseId}`, exact: true }).click();
      await benefits.page.getByTestId('case-explanation').waitFor();
      expectEqual(await benefits.caseState(), '已拨付', 'state');
      const history = (await benefits.historyLines()).join(' | ');
      for (const state of states) expect(history.includes(state), `history lacks ${state}: ${history}`);
      await shot(page, '72-enterprise-case-paid');
    },
  ];
}
