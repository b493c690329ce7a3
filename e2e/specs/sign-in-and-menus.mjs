import { LayoutPage } from '../pages/layout.page.mjs';
import { LoginPage } from '../pages/login.page.mjs';
import { watchCspViolations } from '../support/csp.mjs';
import { expect, expectEqual } from '../support/harness.mjs';

const CITY_MENU = [
  '首页',
  '企业培育库',
  '重点企业清单',
  '服务专员队伍',
  '联系企业',
  '企业诉求',
  '实施方案报送',
  '调查与批准',
  '工作调度',
  '年度考核',
  '部门会商',
  '监测驾驶舱',
  '技能人才',
  '专场招聘会',
  '引才活动',
  '应聘情况',
  '舆情监测',
  '就业预警',
  '监测通报',
  '政策目录',
  '补贴审核',
  '经济补偿计算',
  '劳动争议',
  '劳动关系体检结果',
  '柔性执法',
  '参考数据',
  '办事工具',
  '工作日历',
];
const PROVINCE_MENU = [
  '首页',
  '企业培育库',
  '重点企业清单',
  '服务专员队伍',
  '联系企业',
  '企业诉求',
  '实施方案报送',
  '调查与批准',
  '工作调度',
  '年度考核',
  '部门会商',
  '监测驾驶舱',
  '技能人才',
  '专场招聘会',
  '引才活动',
  '应聘情况',
  '舆情监测',
  '就业预警',
  '监测通报',
  '政策目录',
  '政策沙盘',
  '免申即享批次',
  '数据导入',
  '经济补偿计算',
  '劳动争议',
  '劳动关系体检结果',
  '柔性执法',
  '参考数据',
  '信用代码例外',
  '办事工具',
  '系统对接令牌',
  '工作日历',
];
const PROVINCE_MENU_EN = [
  'Home',
  'Enterprise register',
  'Key enterprises',
  'Commissioners',
  'Contacts',
  'Enterprise requests',
  'Implementation plans',
  'Surveys and approvals',
  'Progress rounds',
  'Annual assessment',
  'Joint meetings',
  'Monitoring dashboard',
  'Skills and talent',
  'Job fairs',
  'Recruitment campaigns',
  'Applications in the region',
  'Public opinion',
  'Employment alerts',
  'Monitoring bulletins',
  'Policy catalogue',
  'Policy sandbox',
  'Benefit match runs',
  'Data import',
  'Severance calculator',
  'Labour disputes',
  'Labour-relations check results',
  'Lenient enforcement',
  'Reference data',
  'Credit code exceptions',
  'Tools',
  'API tokens',
  'Working-day calendar',
];

/** The city official and the province official see different menus; English switches labels. */
export async function signInAndMenusSpec(runner, { context, baseUrl, demoPassword, provinceTotpSecret }) {
  const page = await context.newPage();
  const login = new LoginPage(page, baseUrl);
  const layout = new LayoutPage(page);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const cspViolations = watchCspViolations(page);

  await runner.spec('登录与菜单 (city → province)', page, [
    [
      'login page shows the demo accounts hint',
      async () => {
        await login.goto();
        await login.demoHint.waitFor();
        await runner.screenshot(page, '01-login');
      },
    ],
    [
      'a wrong password shows INVALID_CREDENTIALS',
      async () => {
        await login.submitPassword('city_nanjing', 'not-the-password');
        const text = await login.errorText();
        expect(text.includes('用户名或密码错误'), `expected the 用户名或密码错误 message, got "${text}"`);
      },
    ],
    [
      'city_nanjing logs in with the password only',
      async () => {
        await login.loginAs('city_nanjing', demoPassword);
        expect((await layout.userRole.innerText()).includes('市/县人社'), 'header should show the role 市/县人社');
        await page.getByText('您好，').waitFor();
      },
    ],
    [
      'city menu has exactly the city entries',
      async () => {
        expectEqual(await layout.menuLabels(), CITY_MENU, 'city menu');
        await runner.screenshot(page, '02-city-home');
      },
    ],
    [
      'city cannot open 系统对接令牌 by address',
      async () => {
        await page.goto(`${baseUrl}/exchange/tokens`);
        await page.getByText('您的角色无权访问此页面。').waitFor();
      },
    ],
    [
      'city opens 办事工具',
      async () => {
        await page.goto(`${baseUrl}/`);
        await layout.openMenu('办事工具');
        await page.getByText('工作日计算').waitFor();
        await runner.screenshot(page, '03-city-tools');
      },
    ],
    [
      'city logs out to a plain /login',
      async () => {
        await layout.logout();
        await login.username.waitFor();
        expect(
          new URL(page.url()).pathname === '/login' && !page.url().includes('redirect'),
          `expected /login, got ${page.url()}`,
        );
      },
    ],
    [
      'province_hrss is asked for a 动态验证码',
      async () => {
        await login.submitPassword('province_hrss', demoPassword);
        await login.totp.waitFor();
        await runner.screenshot(page, '04-province-totp-step');
      },
    ],
    [
      'a wrong code shows TOTP_INVALID',
      async () => {
        await login.totp.fill('000000');
        await login.verifyButton.click();
        const text = await login.errorText();
        expect(text.includes('动态验证码错误'), `expected the 动态验证码错误 message, got "${text}"`);
      },
    ],
    [
      'province_hrss logs in with the TOTP code and lands on the home page',
      async () => {
        await login.submitTotp(provinceTotpSecret);
        await layout.logoutButton.waitFor();
        expect(new URL(page.url()).pathname === '/', `expected the home page, got ${page.url()}`);
        expect((await layout.userRole.innerText()).includes('省人社'), 'header should show the role 省人社');
      },
    ],
    [
      'province menu differs: it has 系统对接令牌',
      async () => {
        expectEqual(await layout.menuLabels(), PROVINCE_MENU, 'province menu');
        await runner.screenshot(page, '05-province-home');
      },
    ],
    [
      'switching to English changes the menu labels',
      async () => {
        await layout.switchLanguage('EN');
        await layout.menu.getByRole('menuitem', { name: 'API tokens' }).waitFor();
        expectEqual(await layout.menuLabels(), PROVINCE_MENU_EN, 'English province menu');
        await runner.screenshot(page, '06-province-english');
      },
    ],
    [
      'the language choice survives a reload',
      async () => {
        await page.reload();
        await layout.menu.getByRole('menuitem', { name: 'Tools' }).waitFor();
        await layout.switchLanguage('中');
        await layout.menu.getByRole('menuitem', { name: '办事工具' }).waitFor();
      },
    ],
    [
      'province opens 系统对接令牌',
      async () => {
        await layout.openMenu('系统对接令牌');
        await page.getByRole('button', { name: /新建令牌/ }).waitFor();
        await runner.screenshot(page, '07-province-api-tokens');
      },
    ],
    [
      'province logs out',
      async () => {
        await layout.logout();
      },
    ],
    [
      'no uncaught script errors on the way',
      async () => {
        expect(pageErrors.length === 0, `uncaught errors in the page:\n${pageErrors.join('\n')}`);
      },
    ],
    [
      'the pages are served with a strict CSP and loaded with no CSP violation',
      async () => {
        const response = await page.request.get(`${baseUrl}/login`);
        const csp = response.headers()['content-security-policy'] ?? '';
        expect(
          /script-src 'self'(;|$)/.test(csp) && csp.includes("frame-ancestors 'none'"),
          `unexpected Content-Security-Policy: "${csp}"`,
        );
        expect(cspViolations.length === 0, `CSP violations:\n${cspViolations.join('\n')}`);
      },
    ],
  ]);
  await page.close();
}
