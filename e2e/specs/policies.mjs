import { LoginPage } from '../pages/login.page.mjs';
import { PoliciesPage } from '../pages/policies.page.mjs';
import { PolicyCalculatorPage } from '../pages/policy-calculator.page.mjs';
import { SandboxPage } from '../pages/sandbox.page.mjs';
import { yangfanJson } from '../support/cli.mjs';
import { expect, expectEqual } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/** Integer fen → "48,000.00", as the pages write yuan. */
function yuan(fen) {
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  return `${sign}${Math.floor(absolute / 100).toLocaleString('en-US')}.${String(absolute % 100).padStart(2, '0')}`;
}

/** The amount a result card shows for a CLI answer: the amount, else the assumed one, else the certain part. */
function amountsOf(cli) {
  return {
    amount: cli.outcome === 'eligible' ? yuan(cli.amount_fen) : null,
    provisional: cli.provisional && cli.provisional.amount_fen !== null ? yuan(cli.provisional.amount_fen) : null,
    certain: cli.summary && cli.summary.rows > 0 ? yuan(cli.summary.eligible_amount_fen) : null,
  };
}

const OUTCOME_WORDS = { eligible: '符合', ineligible: '不符合', undetermined: '待定' };

/**
 * The policy engine end to end: the demo enterprise's 政策计算器 against `yangfan policy calc`
 * on the same database; the public calculator without a login; 省人社 browses the catalogue,
 * runs the test cases, sees an overlapping edit refused, makes a new version, and runs the
 * 政策沙盘 with the SME refund rate at 90 %.
 */
export async function policiesSpec(runner, { newContext, baseUrl, demoAccounts, dataDir }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });

  await runAs(runner, as('enterprise_demo'), '政策计算器 (enterprise_demo)', ({ page, layout }) => {
    const calculator = new PolicyCalculatorPage(page);
    let uscc;
    let date;
    return [
      [
        'opens 政策计算器 and sees every policy computed for its enterprise',
        async () => {
          await layout.openMenu('政策计算器');
          await calculator.waitForResults();
          date = await calculator.date.inputValue();
          uscc = (await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()).user.uscc;
          expect(/^\d{4}-\d{2}-\d{2}$/.test(date) && /^[0-9A-Z]{18}$/.test(uscc), `date ${date}, uscc ${uscc}`);
          for (const code of [
            'stable_jobs_refund',
            'job_expansion_subsidy',
            'skills_upgrade_subsidy',
            'social_insurance_subsidy',
            'internship_subsidy',
          ]) {
            await calculator.result(code).waitFor();
          }
          await runner.screenshot(page, '40-enterprise-policy-calculator');
        },
      ],
      [
        '稳岗返还 shows the outcome, amount and explanation `yangfan policy calc` prints on the same database',
        async () => {
          const cli = await yangfanJson(['policy', 'calc', 'stable_jobs_refund', '--uscc', uscc, '--date', date], {
            dataDir,
          });
          const shown = await calculator.shown('stable_jobs_refund');
          const expected = amountsOf(cli);
          expectEqual(shown.outcome, OUTCOME_WORDS[cli.outcome], 'outcome');
          expectEqual(
            [shown.amount, shown.provisional, shown.certain],
            [expected.amount, expected.provisional, expected.certain],
            'amounts shown (eligible, assumed, certain)',
          );
          expect(
            expected.amount !== null || expected.provisional !== null,
            `the CLI gives no amount to compare: ${JSON.stringify(cli).slice(0, 300)}`,
          );
          expectEqual(shown.explanation, cli.explanation, 'explanation lines');
        },
      ],
      [
        '技能提升补贴: the certain amount over its certificates matches the CLI too',
        async () => {
          const cli = await yangfanJson(['policy', 'calc', 'skills_upgrade_subsidy', '--uscc', uscc, '--date', date], {
            dataDir,
          });
          const shown = await calculator.shown('skills_upgrade_subsidy');
          const expected = amountsOf(cli);
          expectEqual(
            [shown.outcome, shown.amount, shown.certain],
            [OUTCOME_WORDS[cli.outcome], expected.amount, expected.certain],
            'skills upgrade outcome and amounts',
          );
        },
      ],
      [
        'names the missing data and the legal basis',
        async () => {
          const card = calculator.result('stable_jobs_refund');
          const missing = card.getByTestId('policy-missing');
          if ((await missing.count()) > 0)
            expect((await missing.innerText()).length > 0, 'missing data should be named');
          const basis = await calculator.legalBasis('stable_jobs_refund');
          expect(
            basis.some((item) => item.includes('人社部发〔2024〕40号')),
            `legal basis: ${basis.join(' / ')}`,
          );
        },
      ],
    ];
  });

  {
    const context = await newContext();
    const page = await context.newPage();
    const calculator = new PolicyCalculatorPage(page);
    await runner.spec('公众政策计算器 (no login)', page, [
      [
        'the login page links to the calculator, which opens without a login',
        async () => {
          await new LoginPage(page, baseUrl).goto();
          await page.getByRole('link', { name: /政策计算器/ }).click();
          await page.waitForURL(/\/calculator$/);
          await calculator.choosePolicy('失业保险稳岗返还');
        },
      ],
      [
        'with half the facts it answers 待定 and names the questions still needed',
        async () => {
          await calculator.answer('上年失业保险缴费', 80000);
          await calculator.answer('企业规模', '中型');
          await calculator.answer('上年度足额缴纳失业保险费月数', 12);
          const answer = await calculator.calculate();
          expectEqual(answer.outcome, 'undetermined', 'outcome with missing facts');
          const needed = await calculator.stillNeeded();
          expectEqual(
            [...needed].sort(),
            answer.questions.map((question) => question.label).sort(),
            'questions marked 仍需回答',
          );
          expect(needed.includes('已就上年度享受稳岗返还'), `still needed: ${needed.join('、')}`);
        },
      ],
      [
        'with every fact it computes 80,000.00 元 × 60% = 48,000.00 元 and explains it',
        async () => {
          await calculator.answer('上年度1月参保人数', 130);
          await calculator.answer('上年度12月参保人数', 120);
          await calculator.answer('上年度退休、死亡减员', 8);
          await calculator.answer('上年度月均参保人数', 120);
          await calculator.answer('已就上年度享受稳岗返还', '否');
          const answer = await calculator.calculate();
          expectEqual([answer.outcome, answer.amount_fen], ['eligible', 4_800_000], 'the API answer');
          const shown = await calculator.shown('stable_jobs_refund');
          expectEqual([shown.outcome, shown.amount], ['符合', '48,000.00'], 'the result shown');
          expect(
            shown.explanation.some((line) => line.includes('80,000.00 元 × 60% = 48,000.00 元')),
            `explanation: ${shown.explanation.join(' / ')}`,
          );
          await calculator.waitUntilNothingNeeded();
          await runner.screenshot(page, '41-public-calculator');
        },
      ],
    ]);
    await context.close();
  }

  await runAs(runner, as('province_hrss'), '政策目录、参数与沙盘 (province_hrss)', ({ page, layout }) => {
    const policies = new PoliciesPage(page);
    const sandbox = new SandboxPage(page);
    return [
      [
        'the catalogue lists the five starter policies',
        async () => {
          await layout.openMenu('政策目录');
          const names = await policies.names();
          expectEqual(names.length, 5, `policies (${names.join('、')})`);
          expect(names.includes('失业保险稳岗返还'), 'the catalogue should list 失业保险稳岗返还');
        },
      ],
      [
        'a policy shows its parameters by date and region with their sources',
        async () => {
          await policies.open('失业保险稳岗返还');
          const panel = await policies.openTab('参数取值');
          const rate = panel
            .locator('tbody tr')
            .filter({ hasText: '2025-01-01' })
            .filter({ has: page.getByTestId('parameter-value-refund_rate_sme') });
          const text = await rate.first().innerText();
          expect(text.includes('60%') && text.includes('人社部发〔2025〕18号'), `the SME refund rate row: ${text}`);
          await runner.screenshot(page, '42-province-policy-parameters');
        },
      ],
      [
        'runs the test cases: all pass',
        async () => {
          const summary = await policies.runTests();
          expect(/通过 \d+ 个，未通过 0 个/.test(summary), `test summary: ${summary}`);
        },
      ],
      [
        "an edit that overlaps the 2025 value is refused with the server's message",
        async () => {
          await policies.openTab('参数取值');
          const dialog = await policies.editValue('调整中型、小型、微型企业返还比例（江苏省，自 2024-01-01）');
          const response = await policies.saveEdit(dialog, { to: '2025-03-31', reason: '重叠的调整' });
          expectEqual(response.status(), 422, 'status of an overlapping edit');
          const alert = dialog.getByRole('alert');
          await alert.waitFor();
          const text = await alert.innerText();
          expect(text.includes('取值重叠'), `the refusal should name the overlap, got "${text}"`);
          await runner.screenshot(page, '43-province-edit-refused');
          await dialog.getByRole('button', { name: '取消' }).click();
        },
      ],
      [
        'a valid edit with its reason makes a new version',
        async () => {
          const dialog = await policies.editValue('调整中型、小型、微型企业返还比例（江苏省，自 2025-01-01）');
          const withoutReason = await dialog.getByRole('button', { name: '保存为新版本' });
          await withoutReason.click();
          await dialog.getByText('请填写调整理由').waitFor();
          const response = await policies.saveEdit(dialog, {
            region: '苏州市（320500）',
            value: 90,
            reason: '苏州市基金备付期限 1 年以上，提高中小微企业返还比例',
            doc: '国办发〔2025〕25号',
          });
          expectEqual(response.status(), 200, 'status of a valid edit');
          const version = await response.json();
          const panel = page.getByRole('tabpanel', { name: '版本历史' });
          await panel.getByText(`${version.version}（第 ${version.version_no} 版）`).waitFor();
          expect(
            (await panel.innerText()).includes('苏州市基金备付期限'),
            'the version history should show the reason',
          );
        },
      ],
      [
        'the 政策沙盘 at a 90 % SME refund rate lists gainers and the cost by region, tier and industry',
        async () => {
          await layout.openMenu('政策沙盘');
          await sandbox.waitForForm();
          await sandbox.setFirstChange({ parameter: '中型、小型、微型企业返还比例', value: 90 });
          const run = await sandbox.run();
          expect(
            run.summary.gainers > 0 && run.summary.total.after_fen > run.summary.total.before_fen,
            `a higher rate should cost more: ${JSON.stringify(run.summary.total)}`,
          );
          expectEqual(await sandbox.statistic('获益企业'), String(run.summary.gainers), 'gainers shown');
          const regions = await sandbox.breakdown('按地区');
          expectEqual(regions.length, run.summary.by_unit.length, 'regions in the cost table');
          const first = run.summary.by_unit[0];
          expectEqual(
            [regions[0].before, regions[0].after],
            [yuan(first.before_fen), yuan(first.after_fen)],
            `cost of ${regions[0].name}`,
          );
          expect(
            (await sandbox.breakdown('按梯度')).length > 0 && (await sandbox.breakdown('按行业')).length > 0,
            'tier and industry tables',
          );
          await sandbox.breakdown('按地区');
          await runner.screenshot(page, '44-province-sandbox');
        },
      ],
    ];
  });
}
