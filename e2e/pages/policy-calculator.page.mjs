/**
 * 政策计算器: the enterprise's page (/policies/calculator) and the public one (/calculator).
 * Both show results as cards (data-testid policy-result-<code>).
 */
export class PolicyCalculatorPage {
  constructor(page) {
    this.page = page;
    this.date = page.getByLabel('计算日期', { exact: true });
  }

  result(code) {
    return this.page.getByTestId(`policy-result-${code}`);
  }

  /** Waits for the enterprise's results to be listed. */
  async waitForResults() {
    await this.page.getByTestId('my-policy-results').waitFor();
  }

  /** What a result card shows: outcome, and the amounts it gives (yuan text, or null when it gives none). */
  async shown(code) {
    const card = this.result(code);
    await card.waitFor();
    const text = async (testId) => {
      const locator = card.getByTestId(testId).first();
      return (await locator.count()) > 0 ? (await locator.innerText()).trim() : null;
    };
    return {
      outcome: await text('policy-outcome'),
      amount: await text('policy-amount'),
      provisional: await text('policy-provisional-amount'),
      certain: await text('policy-summary-amount'),
      explanation: (await card.getByTestId('policy-explanation').first().locator('li').allInnerTexts()).map((line) =>
        line.trim(),
      ),
    };
  }

  /** Opens 政策依据 of a result and answers its documents. */
  async legalBasis(code) {
    const card = this.result(code);
    await card.getByRole('button', { name: /政策依据/ }).click();
    const list = card.locator('.ant-list-item');
    await list.first().waitFor();
    return list.allInnerTexts();
  }

  // —— the public page ——

  async choosePolicy(name) {
    await this.page.getByLabel('政策', { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true }).click();
    await this.page.getByRole('button', { name: /^(loading )?计算$/ }).waitFor();
  }

  /** The input a question's label points to. */
  async field(label) {
    const id = await this.page.locator('form label', { hasText: new RegExp(`^${label}$`) }).getAttribute('for');
    return this.page.locator(`[id="${id}"]`);
  }

  /** Answers a question: a number, a choice of a select, or 是/否/不清楚 for a yes/no question. */
  async answer(label, value) {
    const field = await this.field(label);
    if ((await field.getAttribute('class'))?.includes('ant-radio-group')) {
      await field.getByRole('radio', { name: value, exact: true }).check();
    } else if ((await field.getAttribute('role')) === 'combobox') {
      await field.click();
      await this.page.locator('.ant-select-dropdown:visible').getByTitle(value, { exact: true }).click();
    } else {
      await field.fill(String(value));
    }
  }

  /** Presses 计算 and waits for the answer of POST /policies/:code/calc. */
  async calculate() {
    const answered = this.page.waitForResponse(
      (response) => /\/api\/v1\/policies\/\w+\/calc$/.test(response.url()) && response.request().method() === 'POST',
    );
    await this.page.getByRole('button', { name: /^(loading )?计算$/ }).click();
    const response = await answered;
    if (!response.ok()) throw new Error(`POST calc answered ${response.status()}: ${await response.text()}`);
    return response.json();
  }

  /** Waits until no question is marked 仍需回答 any more (the marks fade out). */
  async waitUntilNothingNeeded() {
    await this.page
      .locator('.ant-form-item-explain')
      .filter({ hasText: '仍需回答' })
      .first()
      .waitFor({ state: 'detached' });
  }

  /** The labels of the questions marked 仍需回答. */
  async stillNeeded() {
    const items = this.page.locator('.ant-form-item').filter({ hasText: '仍需回答' });
    return (await items.locator('.ant-form-item-label label').allInnerTexts()).map((label) => label.trim());
  }
}
