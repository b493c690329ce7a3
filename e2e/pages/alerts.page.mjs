/** 就业预警 (/monitoring/alerts): filters, the list, and the close dialog. */
export class AlertsPage {
  constructor(page) {
    this.page = page;
    this.table = page.getByTestId('alerts-table');
    this.rows = this.table.locator('tbody tr.ant-table-row');
  }

  async waitForList() {
    await this.page.getByLabel('预警类型', { exact: true }).waitFor();
    await this.table.locator('tbody tr.ant-table-row, tbody tr.ant-table-placeholder').first().waitFor();
    await this.table
      .locator('.ant-spin-spinning')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  }

  /** Picks an option of one of the filter selects by its label. */
  async choose(label, option) {
    const select = this.page.locator('.ant-select').filter({ has: this.page.getByLabel(label, { exact: true }) });
    if ((await select.locator('.ant-select-content, .ant-select-selection-item').first().innerText()).trim() === option)
      return;
    const answered = this.page.waitForResponse((response) => response.url().includes('/api/v1/monitoring/alerts?'));
    await this.page.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
    await answered;
    await this.waitForList();
  }

  /** The first listed alert: its enterprise's credit code, type and status. */
  async first() {
    const row = this.rows.first();
    const cells = await row.locator('td').allInnerTexts();
    const uscc = (await row.locator('td .ant-typography').first().innerText()).trim();
    return { uscc, text: cells.join(' | ') };
  }

  row(uscc) {
    return this.rows.filter({ hasText: uscc });
  }

  /** 分派专员, confirmed; waits for the PATCH and the refreshed list. */
  async assign(uscc) {
    await this.row(uscc).first().getByRole('button', { name: '分派专员' }).click();
    const answered = this.page.waitForResponse(
      (response) =>
        /\/api\/v1\/monitoring\/alerts\/\d+$/.test(response.url()) && response.request().method() === 'PATCH',
    );
    await this.page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
    const response = await answered;
    if (!response.ok()) throw new Error(`PATCH alert answered ${response.status()}: ${await response.text()}`);
    await this.waitForList();
  }

  /** 办结 with a note, through the dialog. */
  async close(uscc, note) {
    await this.row(uscc).first().getByRole('button', { name: '办结' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('办结说明').fill(note);
    const answered = this.page.waitForResponse(
      (response) =>
        /\/api\/v1\/monitoring\/alerts\/\d+$/.test(response.url()) && response.request().method() === 'PATCH',
    );
    await dialog.getByRole('button', { name: '办结' }).click();
    const response = await answered;
    if (!response.ok()) throw new Error(`PATCH alert answered ${response.status()}: ${await response.text()}`);
    await dialog.waitFor({ state: 'hidden' });
  }
}
