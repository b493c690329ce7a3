import { RequestsPage } from '../pages/requests.page.mjs';
import { expect } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/**
 * 有求必应 end to end: the demo enterprise raises a request (招聘用工) in the browser, its
 * commissioner answers it, the enterprise rates it and it is closed; the city sees the demo's
 * escalated request, the handling statistics and the key enterprise that has no commissioner.
 */
export async function governanceSpec(runner, { newContext, baseUrl, demoAccounts, label = '' }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const text = `新项目急需焊接机器人操作员 4 名，请协助招聘 ${Date.now()}`;
  let id;

  await runAs(runner, as('enterprise_demo'), `企业提出诉求 ${label}(enterprise_demo)`, ({ page, layout }) => {
    const requests = new RequestsPage(page, baseUrl);
    return [
      [
        'raises a 招聘用工 request with a working-day deadline',
        async () => {
          await layout.openMenu('企业诉求');
          id = await requests.raise('招聘用工', text);
          const shown = await requests.stateText();
          expect(shown.includes('待办理'), `the new request should be 待办理: ${shown}`);
          expect(/办理时限 \d{4}-\d{2}-\d{2}/.test(shown), `the deadline should be shown: ${shown}`);
          await runner.screenshot(page, '60-request-raised');
        },
      ],
      [
        'sees the commissioner’s contact log page (every contact made with it)',
        async () => {
          await layout.openMenu('联系企业');
          await page.getByText('联系记录').first().waitFor();
        },
      ],
    ];
  });

  await runAs(runner, as('commissioner_nanjing'), `服务专员答复 ${label}(commissioner_nanjing)`, ({ page, layout }) => {
    const requests = new RequestsPage(page, baseUrl);
    return [
      [
        'sees the assigned enterprise with its open requests, and answers the new one',
        async () => {
          await layout.openMenu('联系企业');
          await page.getByText('我的挂钩企业').waitFor();
          await requests.open(id);
          await requests.answer('已推送至人才市场专场招聘会，2 名候选人已面试');
          expect((await requests.stateText()).includes('已答复待评价'), 'the request should be answered');
        },
      ],
    ];
  });

  await runAs(runner, as('enterprise_demo'), `企业评价 ${label}(enterprise_demo)`, ({ page }) => {
    const requests = new RequestsPage(page, baseUrl);
    return [
      [
        'rates the answer 4 stars and the request is closed',
        async () => {
          await requests.open(id);
          await requests.rate(4, '对接及时');
          await runner.screenshot(page, '61-request-rated');
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), `市人社督办 ${label}(city_nanjing)`, ({ page, layout }) => {
    return [
      [
        'is told on the start page that a key enterprise has no commissioner',
        async () => {
          await page.getByTestId('home-unassigned-key-enterprises').waitFor();
        },
      ],
      [
        'sees the escalated request and the handling statistics',
        async () => {
          await layout.openMenu('企业诉求');
          await page.getByText('只看已提级').click();
          await page
            .getByTestId('requests-table')
            .getByText(/已提级至/)
            .first()
            .waitFor();
          await page.getByRole('tab', { name: '办理情况' }).click();
          await page.getByText('按时答复率').first().waitFor();
          await runner.screenshot(page, '62-request-stats');
        },
      ],
    ];
  });
}
