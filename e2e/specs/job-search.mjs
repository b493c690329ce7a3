/* global document -- the width checks run in the browser (page.evaluate) */
import { expect } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/** A JSON call of the signed-in page (same origin, the session cookie goes along). */
async function callApi(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}

/**
 * 岗位搜索 end to end: the demo enterprise drafts and submits a posting, 南京's official approves it
 * (published), and anyone — without logging in — finds it from the login page by Chinese words, sees
 * the matched words marked in its snippet, opens it with the enterprise's public profile, and the
 * same on a phone (390 px wide) without a sideways scroll.
 */
export async function jobSearchSpec(runner, { newContext, baseUrl, demoAccounts }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const stamp = String(Date.now()).slice(-6);
  const title = `协作机器人调试工程师（${stamp}）`;
  let id;

  await runAs(runner, as('enterprise_demo'), '企业提交岗位信息 (enterprise_demo)', ({ page }) => [
    [
      'drafts a posting and submits it to its city',
      async () => {
        const created = await callApi(page, 'POST', '/job-postings', {
          title,
          occupationCode: '6-31-07-01',
          posts: 3,
          salaryMin: 9000,
          salaryMax: 14000,
          education: '大专',
          experience: '1-3年',
          regionCode: '320115',
          address: '江宁区秣周东路 12 号',
          description: '负责协作机器人在汽车零部件产线上的安装调试、示教编程和现场维护，能适应短期出差。',
          validUntil: '2099-12-31',
          tags: ['五险一金', '应届生'],
        });
        expect(created.status === 201, `the draft should be created: ${JSON.stringify(created.json)}`);
        id = created.json.id;
        const submitted = await callApi(page, 'POST', `/job-postings/${id}/submit`);
        expect(submitted.json.status === 'submitted', `the posting should await review: ${submitted.json.status}`);
      },
    ],
  ]);

  await runAs(runner, as('city_nanjing'), '市人社审核发布 (city_nanjing)', ({ page }) => [
    [
      'approves the posting: it is published',
      async () => {
        const reviewed = await callApi(page, 'POST', `/job-postings/${id}/review`, { decision: 'approve' });
        expect(
          reviewed.json.status === 'published',
          `the posting should be published: ${JSON.stringify(reviewed.json)}`,
        );
      },
    ],
  ]);

  const context = await newContext();
  const page = await context.newPage();
  await runner.spec('公众岗位搜索（无需登录）', page, [
    [
      'opens 岗位搜索 from the login page without logging in',
      async () => {
        await page.goto(`${baseUrl}/login`);
        await page.getByRole('link', { name: '岗位搜索（无需登录）' }).click();
        await page.getByText('专精特新企业岗位搜索').waitFor();
        await page.getByText(/共找到 \d+ 个岗位/).waitFor();
      },
    ],
    [
      'searches 协作机器人 调试 南京 and sees the posting first, its words marked',
      async () => {
        await page.getByTestId('job-search-input').locator('input').fill('协作机器人 调试 南京');
        await page.getByTestId('job-search-input').locator('input').press('Enter');
        await page.getByText('共找到 1 个岗位').waitFor();
        const first = page.getByTestId('job-result').first();
        await first.getByText(stamp).waitFor();
        await first.locator('mark', { hasText: '调试' }).first().waitFor();
        const marked = await first.locator('mark').allTextContents();
        expect(marked.includes('调试'), `调试 should be marked: ${JSON.stringify(marked)}`);
        const snippetMarks = await first.getByTestId('job-snippet').locator('mark').allTextContents();
        expect(snippetMarks.length > 0, 'the snippet should mark the matched words');
        await runner.screenshot(page, '70-job-search');
      },
    ],
    [
      'narrows by 南京市 and sorts by pay, then opens the posting with its enterprise profile',
      async () => {
        await page.getByRole('combobox', { name: '工作地点' }).click();
        await page
          .locator('.ant-select-item-option')
          .filter({ hasText: /^南京市$/ })
          .click();
        await page.waitForURL(/region=320100/);
        await page.getByRole('combobox', { name: '排序' }).click();
        await page
          .locator('.ant-select-item-option')
          .filter({ hasText: /^按月薪$/ })
          .click();
        await page.waitForURL(/sort=salary/);
        await page.getByTestId('job-result').first().getByText(stamp).waitFor();
        await page.getByTestId('job-result').first().getByRole('link').first().click();
        await page.getByTestId('job-detail').waitFor();
        const enterprise = await page.getByTestId('job-enterprise').innerText();
        expect(enterprise.includes('南京扬帆智能装备有限公司'), `the enterprise should be named: ${enterprise}`);
        expect(!/1[3-9]\d{9}/.test(await page.locator('body').innerText()), 'no phone number on a public page');
        await runner.screenshot(page, '71-job-detail');
        await page.getByRole('link', { name: '返回岗位搜索' }).click();
        await page.getByTestId('job-result').first().waitFor();
      },
    ],
    [
      'reads the same on a phone (390 × 844) without a sideways scroll',
      async () => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${baseUrl}/public/jobs?q=${encodeURIComponent('机器人 调试')}`);
        await page.getByTestId('job-result').first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width <= 390, `the page should fit 390 px, is ${width} px wide`);
        await runner.screenshot(page, '72-job-search-phone');
        await page.goto(`${baseUrl}/public/jobs/${id}`);
        await page.getByTestId('job-detail').waitFor();
        const detailWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(detailWidth <= 390, `the posting should fit 390 px, is ${detailWidth} px wide`);
      },
    ],
  ]);
  await context.close();
}
