import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** 数据导入 (/imports): kind, template, upload, progress and summary, history. */
export class ImportsPage {
  constructor(page) {
    this.page = page;
    this.uploadButton = page.getByRole('button', { name: /选择文件并上传/ });
    this.templateButton = page.getByRole('button', { name: /下载模板/ });
    this.progressBar = page.getByRole('progressbar', { name: '导入进度' });
    this.status = page.getByTestId('import-status');
    this.rejectsLink = page.getByRole('link', { name: /下载拒绝清单/ }).first();
    this.history = page.getByRole('table', { name: '导入记录' });
    this.rejectedRowsTable = page.getByTestId('import-rejected-rows');
  }

  /** 被拒绝的行 under the run's summary: each row's 行号, 列 and 原因 as the page shows them. */
  async rejectedRows() {
    const rows = this.rejectedRowsTable.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const read = async (row) => {
      const cells = row.locator('td');
      // The reason cell shows the reason with its code as a grey hint below it: the reason only.
      const reason = await cells.nth(2).locator('span:not([data-code-hint])').first().innerText();
      return [(await cells.nth(0).innerText()).trim(), (await cells.nth(1).innerText()).trim(), reason.trim()];
    };
    return Promise.all((await rows.all()).map(read));
  }

  async waitForKinds() {
    await this.uploadButton.waitFor();
  }

  /** The Chinese headers the template table lists, in order. */
  async templateHeaders() {
    const table = this.page.getByRole('table', { name: '文件模板' });
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    return (await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map((text) => text.trim());
  }

  /** Clicks 下载模板 and answers the Excel template's file name and header row. */
  async downloadTemplate() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.templateButton.click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    return { fileName: download.suggestedFilename(), header: workbook.worksheets[0].getRow(1).values.slice(1) };
  }

  /** Picks the file through the browser's file chooser, as a user would, and waits for its run to show. */
  async upload(filePath) {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.uploadButton.click()]);
    const started = this.page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().includes('/api/v1/imports/'),
    );
    await chooser.setFiles(filePath);
    const response = await started;
    if (response.status() !== 202)
      throw new Error(`the upload answered ${response.status()}: ${await response.text()}`);
    await this.page
      .getByTestId('import-file')
      .filter({ hasText: path.basename(filePath) })
      .waitFor();
  }

  /** Waits until the run has left 导入中 and answers its status label. */
  async waitUntilFinished(timeout = 60_000) {
    // Uploaded imports run one at a time: a run may wait in the queue (排队中) before it works (导入中).
    await this.status.filter({ hasNotText: /导入中|排队中/ }).waitFor({ timeout });
    return (await this.status.innerText()).trim();
  }

  /** 总行数, 已导入, 未变化, 被拒绝 of the run just uploaded. */
  async summary() {
    const read = async (id) => Number((await this.page.getByTestId(id).innerText()).trim());
    return {
      rows: await read('import-rows'),
      accepted: await read('import-accepted'),
      unchanged: await read('import-unchanged'),
      rejected: await read('import-rejected'),
    };
  }

  /** Clicks 下载拒绝清单 and answers the text of the rejects CSV. */
  async downloadRejects() {
    return this.#downloadText(() => this.rejectsLink.click());
  }

  async #downloadText(click) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()]);
    return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }
}
