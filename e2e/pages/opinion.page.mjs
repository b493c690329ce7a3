/** 舆情监测 (/opinion) and 留言详情 (/opinion/messages/:id): messages, hotspots, 研处. */
export class OpinionPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.messages = page.getByTestId('opinion-messages');
    this.hotspots = page.getByTestId('opinion-hotspots');
    this.handling = page.getByTestId('opinion-handling');
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/opinion`);
    await this.waitForMessages();
  }

  async waitForMessages() {
    await this.messages.locator('tbody tr:not(.ant-table-measure-row)').first().waitFor();
    await this.messages.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  }

  /** The row of a message in the list, by (part of) its title. */
  messageRow(title) {
    return this.messages.locator('tbody tr.ant-table-row').filter({ hasText: title }).first();
  }

  /** A message row's cells by their column headers (标题, 来源, 主题, 涉及企业, 承办地区, 状态 …). */
  async messageCells(title) {
    const row = this.messageRow(title);
    await row.waitFor();
    const headers = (await this.messages.locator('thead th').allInnerTexts()).map((text) => text.trim());
    const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
    return Object.fromEntries(headers.map((header, i) => [header, cells[i] ?? '']));
  }

  async openTab(label) {
    await this.page.getByRole('tab', { name: label }).click();
  }

  /** The 热点 tab's rows' texts (热点对象, 统计期, 条数, 基线, 发现日期, 查看留言). */
  async hotspotRows() {
    await this.openTab('热点');
    const rows = this.hotspots.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    return rows.allInnerTexts();
  }

  /** Opens a message from the list by its title link; answers its id. */
  async openMessage(title) {
    await this.messageRow(title).getByRole('link').first().click();
    await this.page.waitForURL(/\/opinion\/messages\/\d+$/);
    await this.handling.waitFor();
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }

  async gotoMessage(id) {
    await this.page.goto(`${this.baseUrl}/opinion/messages/${id}`);
    await this.handling.waitFor();
  }

  /** A field of the message's details (来源, 来电/来信人, 主题, 涉及企业, 承办地区 …) as shown. */
  async detailField(label) {
    const item = this.page.locator('.ant-descriptions-item').filter({
      has: this.page.locator('.ant-descriptions-item-label', { hasText: label }),
    });
    return (await item.first().locator('.ant-descriptions-item-content').innerText()).trim();
  }

  /** The message's state tag next to its title. */
  stateTag() {
    return this.page.locator('.ant-card-extra').first();
  }

  async waitForState(label) {
    await this.stateTag().filter({ hasText: label }).waitFor();
  }

  /** 受理: 待处理 → 处理中. */
  async start() {
    await this.handling.getByRole('button', { name: /^受\s*理$/ }).click();
    await this.waitForState('处理中');
  }

  /** 提交答复 with the reply text: 处理中 → 已答复. */
  async reply(text) {
    await this.handling.getByLabel('答复内容').fill(text);
    await this.handling.getByRole('button', { name: /^提交答复$/ }).click();
    await this.waitForState('已答复');
  }

  /** 办结: 已答复 → 已办结. */
  async close() {
    await this.handling.getByRole('button', { name: /^办\s*结$/ }).click();
    await this.waitForState('已办结');
    await this.handling.getByText('该留言已办结。').waitFor();
  }

  /** The 研处 card's text (the reply, the notes). */
  async handlingText() {
    return (await this.handling.innerText()).trim();
  }
}
