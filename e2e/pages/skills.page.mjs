/** 技能人才 (officials) and 就业见习 (an enterprise): internship bases, trainees, the ranking. */
export class SkillsPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/skills`);
  }

  async openTab(label) {
    await this.page.getByRole('tab', { name: label }).click();
  }

  /** The row of a base in the bases table, by the enterprise's name. */
  baseRow(name) {
    return this.page.locator('tbody:visible tr.ant-table-row').filter({ hasText: name }).first();
  }

  /** Waits until the bases table has loaded (a row, or the empty placeholder). */
  async waitForBases() {
    // The bases table is the first visible one (the other tabs' tables are hidden); rows or 暂无数据.
    await this.page.locator('.ant-table-tbody:visible').first().locator('tr').first().waitFor();
    await this.page.locator('.ant-table-wrapper:visible .ant-spin-spinning').first().waitFor({ state: 'detached' });
  }

  /** 申请见习基地 with posts and mentors (an enterprise applies for itself). */
  async applyForBase({ posts, mentors }) {
    await this.page.getByRole('button', { name: '申请见习基地' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('见习岗位数').fill(String(posts));
    await dialog.getByLabel('带教导师').fill(String(mentors));
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await this.page.getByText('申请已提交').waitFor();
  }

  async approve(name) {
    await this.baseRow(name)
      .getByRole('button', { name: /^认\s*定$/ })
      .click();
    await this.page.getByText('已认定为见习基地').waitFor();
  }

  /** Opens a base's trainees and answers the rows' texts. */
  async traineeRows(name) {
    await this.baseRow(name).getByRole('button', { name: '见习人员' }).click();
    const table = this.page.getByRole('dialog').getByRole('table', { name: '见习人员' });
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    return table.locator('tbody tr.ant-table-row').allInnerTexts();
  }

  async closeTrainees() {
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: /close|关闭/i })
      .first()
      .click();
    await this.page.getByRole('dialog').waitFor({ state: 'hidden' });
  }

  /** 评分 on the ranking; waits for the confirmation and answers the ranked rows' texts. */
  async score() {
    await this.page.getByRole('button', { name: /^评\s*分$/ }).click();
    await this.page.getByText('评分排名已更新').waitFor();
    const rows = this.rankingRows();
    await rows.first().waitFor();
    return rows.allInnerTexts();
  }

  rankingRows() {
    return this.page.locator('table').last().locator('tbody tr.ant-table-row');
  }

  /** Selects the first ranked base that is not yet a demonstration base; answers its row text. */
  async selectFirstCandidate() {
    const row = this.rankingRows()
      .filter({ has: this.page.getByRole('button', { name: '认定为示范基地' }) })
      .first();
    const text = await row.innerText();
    await row.getByRole('button', { name: '认定为示范基地' }).click();
    await this.page.getByText('已认定为省级示范见习基地').waitFor();
    return text;
  }
}
