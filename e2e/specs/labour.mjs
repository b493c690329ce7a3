import { LabourPage } from '../pages/labour.page.mjs';
import { expect } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';
import { makeUscc } from '../support/uscc.mjs';

// The demo enterprise (enterprise_demo): 南京扬帆智能装备有限公司, 江宁 320115.
const DEMO_USCC = makeUscc('320115', 10_000_001);

function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * 劳动关系 end to end: the demo enterprise takes the diagnosis and reads its advice; 南京's
 * inspector records its first minor violation (a reminder, no penalty) and the enterprise sees
 * it; the city records a dispute and runs the compensation calculation on it; a 35-worker
 * dispute raises the collective-dispute alert, shown on the start page and the 劳动争议 page
 * until the case is closed.
 */
export async function labourSpec(runner, { newContext, baseUrl, demoAccounts, label = '' }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const date = today();

  await runAs(runner, as('enterprise_demo'), `劳动关系体检 ${label}(enterprise_demo)`, ({ page, layout }) => {
    const labour = new LabourPage(page, baseUrl);
    return [
      [
        'answers the questionnaire and reads a score per area with advice and its legal basis',
        async () => {
          await layout.openMenu('劳动关系体检');
          await labour.takeDiagnosis('工资按约定日期');
          const text = await labour.diagnosisText();
          expect(text.includes('工资按时足额支付'), `the wages area should be scored: ${text.slice(0, 300)}`);
          expect(text.includes('建议：'), 'concrete advice should be shown');
          expect(text.includes('劳动法 第五十条'), 'the advice should cite its legal basis');
          await runner.screenshot(page, '80-labour-diagnosis');
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), `柔性执法 ${label}(city_nanjing)`, ({ page, layout }) => {
    const labour = new LabourPage(page, baseUrl);
    return [
      [
        'records a first minor violation on the list: a reminder, no penalty',
        async () => {
          await layout.openMenu('柔性执法');
          const result = await labour.recordViolation({
            uscc: DEMO_USCC,
            item: 'L01',
            description: '检查发现未建立职工名册',
            foundOn: date,
          });
          expect(result.includes('提示提醒，免予处罚'), `expected a reminder without penalty: ${result}`);
          expect(result.includes('行政处罚法 第三十三条'), `the reason should cite its basis: ${result}`);
          await runner.screenshot(page, '81-labour-lenient');
        },
      ],
    ];
  });

  await runAs(runner, as('enterprise_demo'), `我的执法记录 ${label}(enterprise_demo)`, ({ page, layout }) => [
    [
      'sees the reminder in its own record',
      async () => {
        await layout.openMenu('我的执法记录');
        const text = await new LabourPage(page, baseUrl).violationsText();
        expect(text.includes('免予处罚'), `the record should show the reminder: ${text.slice(0, 300)}`);
      },
    ],
  ]);

  let collectiveId;
  await runAs(runner, as('city_nanjing'), `劳动争议 ${label}(city_nanjing)`, ({ page, layout }) => {
    const labour = new LabourPage(page, baseUrl);
    return [
      [
        'records a dispute with the parties masked and the fast-track deadline',
        async () => {
          await layout.openMenu('劳动争议');
          await labour.recordDispute({
            uscc: DEMO_USCC,
            receivedOn: date,
            workers: 1,
            claims: '公司违法解除劳动合同，请求支付赔偿金',
            claimed: '90000',
            parties: ['王小明 11010519491231002X'],
          });
          const text = await labour.detailText();
          expect(text.includes('王**'), `the worker's name should be masked: ${text.slice(0, 400)}`);
          expect(text.includes('1101**********002X'), 'the ID number should be masked');
          expect(text.includes('劳动争议调解仲裁法 第四十三条'), 'the deadline should cite its article');
        },
      ],
      [
        'runs the compensation calculation on the case, stored with it',
        async () => {
          // The cap needs 南京's published average wage of the year before; the city loads it (test figure).
          await page.evaluate(async () => {
            const year = new Date().getFullYear() - 1;
            const response = await fetch(`/api/v1/labour/average-wages/320100/${year}`, {
              method: 'PUT',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                monthlyWage: '11000.00',
                source: '南京市统计局 城镇单位就业人员平均工资公报（端到端测试数字）',
              }),
            });
            if (!response.ok) throw new Error(`loading the average wage: HTTP ${response.status}`);
          });
          const result = await labour.calculate({ kind: '违法解除赔偿金', wage: '9000', from: '2019-03-01', to: date });
          expect(result.includes('第八十七条'), `the steps should cite 第八十七条: ${result.slice(0, 400)}`);
          await page.reload();
          await page.getByText('随案保存的计算').waitFor();
          await runner.screenshot(page, '82-labour-dispute-compensation');
        },
      ],
      [
        'a 35-worker dispute raises the collective-dispute alert',
        async () => {
          await layout.openMenu('劳动争议');
          collectiveId = await labour.recordDispute({
            uscc: DEMO_USCC,
            receivedOn: date,
            workers: 35,
            claims: '35 名职工集体追索拖欠的两个月工资',
            claimed: '700000',
            arrears: '700000',
            parties: ['李四', '赵五'],
          });
          await page.getByTestId('dispute-alert').waitFor();
          await layout.openMenu('劳动争议');
          await page.getByTestId('labour-alerts').waitFor();
          const alerts = await labour.alertsText();
          expect(alerts.includes('涉及劳动者 35 人'), `the alert card should list the case: ${alerts.slice(0, 300)}`);
        },
      ],
    ];
  });

  await runAs(runner, as('province_hrss'), `集体劳动争议预警 ${label}(province_hrss)`, ({ page }) => [
    [
      'is alerted on the start page at once',
      async () => {
        await page.getByTestId('home-dispute-alerts').waitFor();
        await runner.screenshot(page, '83-labour-alert-home');
      },
    ],
  ]);

  await runAs(runner, as('city_nanjing'), `结案解除预警 ${label}(city_nanjing)`, ({ page }) => {
    const labour = new LabourPage(page, baseUrl);
    return [
      [
        'the alert stays until the case is closed, then leaves the list',
        async () => {
          await page.getByTestId('home-dispute-alerts').waitFor();
          await page.goto(`${baseUrl}/labour/disputes/${collectiveId}`);
          await page.getByTestId('dispute-detail').waitFor();
          const caseNo = (await page.getByTestId('dispute-detail').locator('.ant-card-head-title').innerText()).split(
            ' ',
          )[0];
          await labour.close('调解结案，企业三日内足额支付拖欠工资');
          await page.goto(`${baseUrl}/labour/disputes`);
          await page.getByTestId('disputes-list').locator('tbody tr.ant-table-row').first().waitFor();
          const alerts = await labour.alertsText();
          expect(
            !alerts.includes(caseNo),
            `the closed case ${caseNo} should have left the alerts: ${alerts.slice(0, 300)}`,
          );
        },
      ],
    ];
  });
}
