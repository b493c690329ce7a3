/** 企业诉求 (/governance/requests and /governance/requests/:id): raise, answer, rate. */
export class RequestsPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Raises a request from the list page and answers its id (the page opens its detail). */
  async raise(category, text) {
    await this.page.getByTestId('raise-request').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('诉求类别', { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(category, { exact: true }).click();
    await dialog.getByLabel('诉求内容', { exact: true }).fill(text);
    await dialog.getByTestId('raise-submit').click();
    await this.page.waitForURL(/\/governance\/requests\/\d+$/);
    await this.detail.waitFor();
    return Number(/\/(\d+)$/.exec(this.page.url())[1]);
  }

  get detail() {
    return this.page.getByTestId('request-detail');
  }

  async open(id) {
    await this.page.goto(`${this.baseUrl}/governance/requests/${id}`);
    await this.detail.waitFor();
  }

  async answer(resolution) {
    await this.page.getByTestId('answer-text').fill(resolution);
    await this.page.getByTestId('answer-submit').click();
    await this.page.getByTestId('request-resolution').getByText(resolution).waitFor();
  }

  /** Gives the answer `stars` stars with a comment. */
  async rate(stars, comment) {
    await this.page
      .getByTestId('rate-stars')
      .locator('.ant-rate-star')
      .nth(stars - 1)
      .click();
    await this.page.getByLabel('评价意见', { exact: true }).fill(comment);
    await this.page.getByTestId('rate-submit').click();
    await this.detail.getByText('已办结').waitFor();
  }

  async stateText() {
    return (await this.detail.innerText()).replace(/\s+/g, ' ');
  }
}
