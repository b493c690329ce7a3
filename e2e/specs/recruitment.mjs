import Database from 'better-sqlite3';
import pg from 'pg';
import path from 'node:path';
import { LayoutPage } from '../pages/layout.page.mjs';
import { LoginPage } from '../pages/login.page.mjs';
import { expect } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

/** A JSON call of the signed-in page (same origin, the session cookie goes along). */
async function callApi(page, method, apiPath, body) {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const response = await fetch(`/api/v1${apiPath}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: await response.json() };
    },
    { method, apiPath, body },
  );
}

const LATEST_CODE_SQL = "SELECT payload FROM benefit_outbox WHERE recipient LIKE 'direct:%' ORDER BY id DESC LIMIT 1";

function codeOf(row) {
  const code = row && /(\d{6})/.exec(JSON.parse(row.payload).body)?.[1];
  if (!code) throw new Error('no verification code in the outbox');
  return code;
}

/**
 * The verification code the server queued for a person, read from the outbox of the server's own
 * database — its SQLite file, or its PostgreSQL database (no gateway is configured in the e2e run,
 * so the message waits there).
 */
async function latestCodeFromOutbox({ dataDir, databaseUrl }) {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return codeOf((await client.query(LATEST_CODE_SQL)).rows[0]);
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(dataDir, 'yangfan.db'), { readonly: true, fileMustExist: true });
  try {
    return codeOf(db.prepare(LATEST_CODE_SQL).get());
  } finally {
    db.close();
  }
}

/**
 * 招聘专区 end to end: the demo enterprise publishes a posting; a visitor opens it, is sent to
 * sign in, registers with a mobile number and the code from the outbox, comes back to the posting
 * and applies with 投递 (已投递, link to 我的投递); the enterprise sees the applicant masked,
 * invites them to interview with a time, place and note (the name shows), hires them; the seeker
 * sees the interview arrangement and 录用. 南京's official records a 专场招聘会 and the dashboard's 专场招聘会 count rises by one.
 */
export async function recruitmentSpec(runner, { newContext, baseUrl, demoAccounts, dataDir, databaseUrl }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const stamp = String(Date.now()).slice(-8);
  const phone = `139${stamp}`;
  const password = 'Seeker#Strong2026';
  const title = `工业视觉算法工程师（${stamp.slice(-6)}）`;
  const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);
  // Three days ahead at 14:30, Beijing time, as the interview form takes it.
  const interviewAt = `${new Date(Date.now() + 8 * 3600_000 + 3 * 86_400_000).toISOString().slice(0, 10)} 14:30`;
  let postingId;
  let fairsBefore;

  await runAs(runner, as('enterprise_demo'), '企业发布岗位 (enterprise_demo)', ({ page }) => [
    [
      'drafts a posting and submits it to its city',
      async () => {
        const created = await callApi(page, 'POST', '/job-postings', {
          title,
          occupationCode: '6-31-07-01',
          posts: 2,
          salaryMin: 12000,
          salaryMax: 18000,
          education: '本科',
          experience: '1-3年',
          regionCode: '320115',
          address: '江宁区秣周东路 12 号',
          description: '负责工业视觉检测算法的开发与产线部署，男女不限。',
          validUntil: '2099-12-31',
          tags: ['应届生'],
        });
        expect(created.status === 201, `the draft should be created: ${JSON.stringify(created.json)}`);
        postingId = created.json.id;
        await callApi(page, 'POST', `/job-postings/${postingId}/submit`);
      },
    ],
  ]);

  await runAs(runner, as('city_nanjing'), '市人社审核发布 (city_nanjing)', ({ page }) => [
    [
      'approves the posting',
      async () => {
        const reviewed = await callApi(page, 'POST', `/job-postings/${postingId}/review`, { decision: 'approve' });
        expect(reviewed.json.status === 'published', `the posting should be published: ${reviewed.json.status}`);
      },
    ],
  ]);

  // A visitor opens the published posting, is sent to sign in, registers from there and comes
  // back to the posting, applies with 投递 and sees 已投递 with the way to 我的投递.
  const seekerContext = await newContext();
  const seekerPage = await seekerContext.newPage();
  const login = new LoginPage(seekerPage, baseUrl);
  const postingPath = () => `/public/jobs/${postingId}`;
  await runner.spec('求职者从岗位页注册并投递', seekerPage, [
    [
      'a visitor on the posting is sent to sign in, and registers from there with a code sent to the mobile number',
      async () => {
        await seekerPage.goto(`${baseUrl}${postingPath()}`);
        await seekerPage.getByTestId('apply-login').click();
        await seekerPage.waitForURL(/\/login\?redirect=/);
        await seekerPage.getByRole('link', { name: '求职者注册（手机号或邮箱）' }).click();
        await seekerPage.waitForURL(/\/public\/register\?redirect=/);
        await seekerPage.getByTestId('seeker-contact').fill(phone);
        await seekerPage.getByTestId('seeker-send-code').click();
        await seekerPage.getByText(`验证码已发送至 ${phone.slice(0, 3)}****${phone.slice(-4)}`).waitFor();
      },
    ],
    [
      'registers with the code from the outbox, signs in with the mobile number and is back on the posting',
      async () => {
        await seekerPage.getByTestId('seeker-code').fill(await latestCodeFromOutbox({ dataDir, databaseUrl }));
        await seekerPage.getByTestId('seeker-name').fill('陈静怡');
        await seekerPage.getByTestId('seeker-password').fill(password);
        await seekerPage.getByTestId('seeker-confirm').fill(password);
        await seekerPage.getByTestId('seeker-register').click();
        await seekerPage.waitForURL(/\/login\?redirect=/);
        await login.submitPassword(phone, password);
        await seekerPage.waitForURL((url) => url.pathname === postingPath());
      },
    ],
    [
      'applies with 投递 on the posting page, sees 已投递, and follows the link to 我的投递',
      async () => {
        await seekerPage.getByTestId('apply-submit').click();
        await seekerPage.getByTestId('apply-state').getByText('已投递').waitFor();
        await runner.screenshot(seekerPage, 'recruitment-01-applied-on-posting');
        await seekerPage.getByTestId('apply-mine').click();
        await seekerPage.waitForURL(/\/seeker\/applications$/);
        const status = seekerPage.getByTestId(`application-status-${postingId}`);
        await status.getByText('已投递').waitFor();
        const role = await new LayoutPage(seekerPage).userRole.innerText();
        expect(role.includes('求职者'), `the header should show 求职者, got ${role}`);
      },
    ],
  ]);

  await runAs(runner, as('enterprise_demo'), '企业应聘管理 (enterprise_demo)', ({ page, layout }) => [
    [
      'sees the applicant masked, invites to interview (the name shows), then hires',
      async () => {
        await layout.openMenu('应聘管理');
        const row = page.locator('tr', { hasText: title });
        await row.getByText('陈**').waitFor();
        await row.getByRole('button', { name: '邀请面试' }).click();
        // The invitation carries the time (Beijing), the place and a note for the seeker.
        const dialog = page.getByRole('dialog');
        const at = dialog.getByTestId('interview-at');
        await at.click();
        await at.fill(interviewAt);
        await at.press('Enter');
        await dialog.getByTestId('interview-place').fill('江宁区秣周东路 12 号 3 楼人事部');
        await dialog.getByTestId('interview-note').fill('请携带身份证和毕业证书');
        await dialog.getByRole('button', { name: '发送面试邀请' }).click();
        await dialog.waitFor({ state: 'detached' });
        await row.getByText('陈静怡').waitFor();
        await row.getByText(`${interviewAt}（北京时间）`).waitFor();
        await runner.screenshot(page, 'recruitment-02-interview');
        await row.getByRole('button', { name: '录用' }).click();
        // Hired: no next step is offered any more, and the state reads 录用.
        await row.getByRole('button', { name: '录用' }).waitFor({ state: 'detached' });
        await row.getByText('录用', { exact: true }).waitFor();
        await runner.screenshot(page, 'recruitment-03-applicants');
      },
    ],
  ]);

  await runner.spec('求职者查看结果', seekerPage, [
    [
      'sees the interview time, place and note, and 录用, on 我的投递',
      async () => {
        await seekerPage.goto(`${baseUrl}/seeker/applications`);
        const interview = seekerPage.getByTestId(`application-interview-${postingId}`);
        await interview.getByText(`${interviewAt}（北京时间）`).waitFor();
        await interview.getByText('地点：江宁区秣周东路 12 号 3 楼人事部').waitFor();
        await interview.getByText('备注：请携带身份证和毕业证书').waitFor();
        const status = seekerPage.getByTestId(`application-status-${postingId}`);
        await status.getByText('录用').waitFor();
        await runner.screenshot(seekerPage, 'recruitment-04-my-applications');
      },
    ],
  ]);
  await seekerContext.close();

  await runAs(runner, as('city_nanjing'), '市人社查看应聘情况 (city_nanjing)', ({ page, layout }) => [
    [
      'sees the posting among its region’s applications, one 录用, the applicant masked',
      async () => {
        await layout.openMenu('应聘情况');
        const summaryRow = page.getByTestId('region-applications-summary').locator('tr', { hasText: title });
        await summaryRow.waitFor();
        const listRow = page.locator('tr', { hasText: title }).filter({ hasText: '陈**' });
        await listRow.getByText('录用').waitFor();
        await runner.screenshot(page, 'recruitment-05-region-applications');
      },
    ],
  ]);

  await runAs(runner, as('city_nanjing'), '市人社登记专场招聘会 (city_nanjing)', ({ page, layout }) => [
    [
      'records a fair and the 专场招聘会 count rises by one',
      async () => {
        fairsBefore = (await callApi(page, 'GET', `/kpi?period=${year}`)).json.indicators.job_fairs.actual;
        await layout.openMenu('专场招聘会');
        await page.getByTestId('fair-new').click();
        await page.getByTestId('fair-name').fill(`南京市专精特新企业专场招聘会（${stamp.slice(-6)}）`);
        await page.getByTestId('fair-place').fill('南京人才市场');
        await page.getByTestId('fair-organiser').fill('南京市人力资源和社会保障局');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('已登记招聘会').waitFor();
        const after = (await callApi(page, 'GET', `/kpi?period=${year}`)).json.indicators.job_fairs;
        expect(after.available === true, 'job_fairs should be available');
        expect(
          after.actual === fairsBefore + 1,
          `job_fairs should rise from ${fairsBefore} to ${fairsBefore + 1}, got ${after.actual}`,
        );
        await runner.screenshot(page, 'recruitment-06-fairs');
      },
    ],
  ]);
}
