import { freshTotpCode } from '../support/totp.mjs';

/** The login page (/login): password step, then the 动态验证码 step for second-factor roles. */
export class LoginPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    // By role: the panel itself is labelled with its title (e.g. 动态验证码) too.
    this.username = page.getByRole('textbox', { name: '用户名', exact: true });
    this.password = page.getByLabel('密码', { exact: true });
    this.submitButton = page.getByRole('button', { name: '登录', exact: true });
    this.totp = page.getByRole('textbox', { name: '动态验证码', exact: true });
    this.verifyButton = page.getByRole('button', { name: '验证并登录' });
    this.errorAlert = page.getByRole('alert');
    this.demoHint = page.getByText('演示账号', { exact: true });
  }

  async goto() {
    await this.page.goto(`${this.baseUrl}/login`);
    await this.username.waitFor();
  }

  async submitPassword(username, password) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submitButton.click();
  }

  /** Answers the second step with a code computed from the account's base32 secret. */
  async submitTotp(secretBase32, clockOffsetMs = 0) {
    await this.totp.waitFor();
    await this.totp.fill(await freshTotpCode(secretBase32, 4, clockOffsetMs));
    await this.verifyButton.click();
  }

  /** Logs in and waits for the signed-in layout; `totpSecret` for roles that need a code. */
  async loginAs(username, password, { totpSecret, clockOffsetMs = 0 } = {}) {
    await this.goto();
    await this.submitPassword(username, password);
    if (totpSecret) await this.submitTotp(totpSecret, clockOffsetMs);
    await this.page.getByRole('button', { name: /退出登录|Log out/ }).waitFor();
  }

  async errorText() {
    await this.errorAlert.first().waitFor();
    return (await this.errorAlert.first().innerText()).trim();
  }
}
