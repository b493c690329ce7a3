/** 政策目录 (/policies) and a policy's detail: parameters, versions, 编辑参数, 运行测试用例. */
export class PoliciesPage {
  constructor(page) {
    this.page = page;
    this.rows = page.locator('tbody tr.ant-table-row');
  }

  async names() {
    await this.rows.first().waitFor();
    return (await this.rows.locator('td:first-child a').allInnerTexts()).map((text) => text.trim());
  }

  async open(name) {
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('tab', { name: '参数取值' }).waitFor();
  }

  async openTab(name) {
    await this.page.getByRole('tab', { name }).click();
    return this.page.getByRole('tabpanel', { name });
  }

  /** The rows of 参数取值 for one parameter's label, as their texts. */
  async parameterRows(label) {
    const panel = await this.openTab('参数取值');
    const rows = panel.locator('tbody tr').filter({ has: this.page.getByTestId(/^parameter-value-/) });
    const texts = await rows.allInnerTexts();
    return texts.filter((text) => text.includes(label) || text.length > 0);
  }

  /** Opens 编辑参数 on one value's row (by the row's aria label) and answers the dialog. */
  async editValue(ariaLabel) {
    await this.page.getByRole('button', { name: ariaLabel }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('调整理由').waitFor();
    return dialog;
  }

  /** Fills the dialog's fields that are given, saves, and answers the PATCH response. */
  async saveEdit(dialog, { from, to, region, value, reason, doc }) {
    if (from !== undefined) await dialog.getByLabel('生效日期').fill(from);
    if (to !== undefined) await dialog.getByLabel('截止日期').fill(to);
    if (region !== undefined) {
      await dialog.getByLabel('地区', { exact: true }).click();
      await this.page.locator('.ant-select-dropdown:visible').getByTitle(region, { exact: true }).click();
    }
    if (value !== undefined) await dialog.getByLabel('取值').fill(String(value));
    if (reason !== undefined) await dialog.getByLabel('调整理由').fill(reason);
    if (doc !== undefined) await dialog.getByLabel('依据文号').fill(doc);
    const answered = this.page.waitForResponse(
      (response) => response.url().endsWith('/parameters') && response.request().method() === 'PATCH',
    );
    await dialog.getByRole('button', { name: '保存为新版本' }).click();
    return answered;
  }

  /** 运行测试用例 on the 测试用例 tab; answers the summary line. */
  async runTests() {
    const panel = await this.openTab('测试用例');
    await panel.getByRole('button', { name: /运行测试用例/ }).click();
    const summary = this.page.getByTestId('policy-test-summary');
    await summary.waitFor();
    return (await summary.innerText()).trim();
  }
}
