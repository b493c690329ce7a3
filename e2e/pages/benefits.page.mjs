import { readFile } from 'node:fs/promises';

/** The 免申即享 pages: 免申即享批次 (province), 政策消息 / 我的补贴 / case page (enterprise), 补贴审核 (city), 公示 (public). */
export class BenefitsPage {
  constructor(page) {
    this.page = page;
    this.caseRows = page.getByTestId('benefit-cases').locator('tbody tr.ant-table-row');
  }

  /** 发起匹配 on the 免申即享批次 page; waits until the run has finished and answers its status text. */
  async startMatchRun({ policy, period }) {
    const form = this.page.getByRole('form', { name: '发起匹配' });
    await form.getByLabel('政策').click();
    await this.page
      .locator('.ant-select-dropdown:visible')
      .getByTitle(policy, { exact: typeof policy === 'string' })
      .click();
    await form.getByLabel('期间（YYYY 或 YYYYMM）').fill(period);
    await form.getByRole('button', { name: '发起匹配' }).click();
    const run = this.page.getByTestId('match-run');
    await run.waitFor();
    await this.page.locator('[data-testid="match-run"]:not([data-status="running"])').waitFor({ timeout: 120_000 });
    return (await this.page.getByTestId('match-run-status').innerText()).trim();
  }

  async matchRunNewCount() {
    return Number((await this.page.getByTestId('match-run-new').innerText()).trim());
  }

  /** The texts of the enterprise's 政策消息. */
  async inboxTexts() {
    const items = this.page.getByTestId('benefit-inbox').locator('.ant-list-item');
    await items.first().waitFor();
    return items.allInnerTexts();
  }

  /** Opens the case of the first notice whose text contains `text`. */
  async openCaseFromInbox(text) {
    await this.page
      .getByTestId('benefit-inbox')
      .locator('.ant-list-item')
      .filter({ hasText: text })
      .first()
      .getByRole('link', { name: '查看并办理' })
      .click();
    await this.page.getByTestId('case-explanation').waitFor();
  }

  async caseState() {
    return (await this.page.getByTestId('case-state').first().innerText()).trim();
  }

  async caseAmount() {
    return (await this.page.getByTestId('case-amount').first().innerText()).trim();
  }

  /** Waits until the case page shows a state (its reload follows an action), then answers it. */
  async waitForState(label) {
    await this.page
      .getByTestId('case-state')
      .filter({ hasText: label })
      .first()
      .waitFor()
      .catch(() => undefined);
    return this.caseState();
  }

  async explanationLines() {
    return (await this.page.getByTestId('case-explanation').locator('li').allInnerTexts()).map((line) => line.trim());
  }

  /** 确认申领 with a receiving account; waits for the state to change. */
  async claim({ bankName, bankAccount, accountHolder }) {
    const form = this.page.getByRole('form', { name: '确认申领（即申即享）' });
    await form.getByLabel('开户银行').fill(bankName);
    await form.getByLabel('银行账号').fill(bankAccount);
    await form.getByLabel('账户名称').fill(accountHolder);
    const answered = this.page.waitForResponse(
      (response) => response.url().endsWith('/confirm') && response.request().method() === 'POST',
    );
    await form.getByRole('button', { name: '确认申领' }).click();
    return answered;
  }

  /** The field errors the claim form shows right now. */
  async claimFieldErrors() {
    return this.page
      .getByRole('form', { name: '确认申领（即申即享）' })
      .locator('.ant-form-item-explain-error')
      .allInnerTexts();
  }

  async openCase(id) {
    await this.page.getByRole('link', { name: `案件 ${id}`, exact: true }).click();
    await this.page.getByTestId('case-explanation').waitFor();
  }

  async reviewClock() {
    return (await this.page.getByTestId('review-clock').first().innerText()).trim();
  }

  /** 审核通过: the confirmation shows the case, amount and masked account; the opinion goes with it. */
  async approve(opinion = '经核查符合政策条件，同意。') {
    await this.page.getByRole('button', { name: '审核通过', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: '审核通过确认' });
    await dialog.getByTestId('money-preview').waitFor();
    await dialog.getByLabel('审核意见').fill(opinion);
    const answered = this.page.waitForResponse(
      (response) => response.url().endsWith('/approve') && response.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: '确认审核通过', exact: true }).click();
    return answered;
  }

  /** Opens a tab of the 免申即享批次 page (发起匹配, 案件, 超期统计, 支付指令, 资金对账 …). */
  async openRunsTab(label) {
    await this.page.getByRole('tab', { name: label, exact: true }).click();
  }

  /**
   * 生成支付指令 for the given case numbers, through its confirmation (cases, total, masked
   * accounts); answers the server's answer, the message shown and the preview's total.
   */
  async createPaymentBatch(caseIds) {
    await this.page.getByLabel(/^案件编号/).fill(caseIds.join(','));
    await this.page.getByRole('button', { name: '生成支付指令', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: '生成支付指令确认' });
    await dialog.getByTestId('money-preview').waitFor();
    const previewTotal = (await dialog.getByTestId('money-preview-total').innerText()).trim();
    const answered = this.page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/benefits/payment-batches') && response.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: '确认生成支付指令', exact: true }).click();
    const response = await answered;
    const message = this.page
      .getByRole(response.ok() ? 'status' : 'alert')
      .filter({ hasText: /支付指令|拨付|案件/ })
      .first();
    await message.waitFor();
    return { response, text: (await message.innerText()).trim(), previewTotal };
  }

  /** 下载指令文件 of the payment-batch row whose file name is `fileName`; answers the CSV's text. */
  async downloadPaymentFile(fileName) {
    const row = this.page
      .getByTestId('payment-batches')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: fileName });
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      row.getByRole('button', { name: '下载指令文件' }).click(),
    ]);
    return readFile(await download.path(), 'utf8');
  }

  /** The 资金对账 verdict (借贷平衡… or 存在差异…) with its total line. */
  async ledgerStatus() {
    const status = this.page.getByTestId('ledger-status');
    await status.waitFor();
    return (await status.innerText()).trim();
  }

  /** The case's history lines (from match to money), oldest first. */
  async historyLines() {
    return (await this.page.getByTestId('case-history').locator('tbody tr.ant-table-row').allInnerTexts()).map((line) =>
      line.replace(/\s+/g, ' ').trim(),
    );
  }

  /** The rows of the public 公示 table, as texts. */
  async publicNoticeRows() {
    const rows = this.page.getByTestId('public-notices').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    return rows.allInnerTexts();
  }
}
