import { readFile } from 'node:fs/promises';

/** 监测通报 (/monitoring/bulletins): generate a month's bulletin, download it, open its printable page. */
export class BulletinsPage {
  constructor(page) {
    this.page = page;
    this.rows = page.getByTestId('bulletins-table').locator('tbody tr.ant-table-row');
    this.generateButton = page.getByRole('button', { name: /生成通报/ });
  }

  /** Waits for the list (rows, or its empty state on a fresh database). */
  async waitForList() {
    await this.generateButton.waitFor();
    const table = this.page.getByTestId('bulletins-table');
    await table.locator('tbody tr.ant-table-row, tbody tr.ant-table-placeholder').first().waitFor();
    await table
      .locator('.ant-spin-spinning')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  }

  async selectIn(label, option) {
    await this.page.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  }

  /** Generates the bulletin of a month (year and month as the selects show them, e.g. 2025 年, 12 月). */
  async generate({ year, month, region }) {
    await this.selectIn('年份', year);
    await this.selectIn('月份', month);
    if (region) await this.selectIn('地区', region);
    const answered = this.page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/monitoring/bulletins') && response.request().method() === 'POST',
    );
    await this.generateButton.click();
    const response = await answered;
    if (response.status() !== 201)
      throw new Error(`POST /monitoring/bulletins answered ${response.status()}: ${await response.text()}`);
    const bulletin = await response.json();
    await this.row(bulletin.id).waitFor();
    return bulletin;
  }

  /** The row of a bulletin, found by its printable page's address. */
  row(id) {
    return this.rows.filter({ has: this.page.locator(`a[href$="/bulletins/${id}.html"]`) });
  }

  async downloadExcel(id) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.row(id)
        .getByRole('button', { name: /下载 Excel/ })
        .click(),
    ]);
    return { fileName: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  /** Opens 打印页 (a new tab) and answers that tab once loaded. */
  async openPrintable(id) {
    const [popup] = await Promise.all([
      this.page.waitForEvent('popup'),
      this.row(id)
        .getByRole('link', { name: /打印页/ })
        .click(),
    ]);
    await popup.waitForLoadState();
    return popup;
  }
}
