/** 政策沙盘 (/policies/sandbox): assumed values, the run, and its comparison. */
export class SandboxPage {
  constructor(page) {
    this.page = page;
    this.results = page.getByTestId('sandbox-results');
  }

  async waitForForm() {
    await this.page.getByRole('button', { name: /运行沙盘/ }).waitFor();
    await this.page.getByLabel('假设取值').first().waitFor();
  }

  /** The first assumed value's parameter (as the select shows it) and value. */
  async setFirstChange({ parameter, value }) {
    if (parameter) {
      await this.page.getByLabel('参数', { exact: true }).first().click();
      await this.page.locator('.ant-select-dropdown:visible').getByTitle(parameter, { exact: true }).click();
    }
    await this.page.getByLabel('假设取值').first().fill(String(value));
  }

  /** Runs the sandbox; answers the POST's JSON once the results are shown. */
  async run() {
    const answered = this.page.waitForResponse(
      (response) => /\/sandbox$/.test(response.url()) && response.request().method() === 'POST',
    );
    await this.page.getByRole('button', { name: /运行沙盘/ }).click();
    const response = await answered;
    if (!response.ok()) throw new Error(`POST sandbox answered ${response.status()}: ${await response.text()}`);
    await this.results.waitFor();
    return response.json();
  }

  /** A statistic's value by its title (获益企业, 受损企业…). */
  async statistic(title) {
    const statistic = this.results.locator('.ant-statistic').filter({ hasText: title });
    return (await statistic.locator('.ant-statistic-content').innerText()).trim();
  }

  /** The rows of the open breakdown table as { name, before, after }. */
  async breakdown(tab) {
    await this.results.getByRole('tab', { name: tab }).click();
    const panel = this.results.getByRole('tabpanel', { name: tab });
    const rows = panel.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const texts = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
    );
    await panel.locator('[data-drawn="true"]').waitFor();
    return texts.map(([name, before, after, delta]) => ({ name, before, after, delta }));
  }
}
