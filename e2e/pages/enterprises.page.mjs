import { readFile } from 'node:fs/promises';

/** 企业培育库 (/enterprises) and an enterprise's detail page (/enterprises/:uscc). */
export class EnterprisesPage {
  constructor(page) {
    this.page = page;
    this.rows = page.locator('tbody tr.ant-table-row');
    this.regionPicker = page.getByLabel('地区', { exact: true });
    this.keyword = page.getByLabel('关键字', { exact: true });
    this.searchButton = page.getByRole('button', { name: '查询', exact: true });
    this.exportButton = page.getByRole('button', { name: /导出 Excel/ });
    this.tier = page.getByTestId('enterprise-tier');
  }

  /** Waits for the list to have loaded (rows or the empty text). */
  async waitForList() {
    // The filter bar first: while the menu switches pages, the previous page's tables linger.
    await this.regionPicker.waitFor();
    await this.page.locator('.ant-table-tbody').first().waitFor();
    await this.page
      .locator('.ant-table .ant-spin-spinning')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  }

  /** The region names the cascader offers at its first level (cities). */
  async regionChoices() {
    await this.regionPicker.click();
    const menu = this.page.locator('.ant-cascader-menu').first();
    await menu.waitFor();
    const choices = (await menu.locator('.ant-cascader-menu-item').allInnerTexts()).map((text) => text.trim());
    await this.page.keyboard.press('Escape');
    return choices;
  }

  /** Sets 地区 to a city (and a county if given), then 关键字, and runs the query. */
  async filter({ city, county, keyword } = {}) {
    if (city) {
      await this.regionPicker.click();
      await this.page.locator('.ant-cascader-menu-item', { hasText: city }).first().click();
      if (county) await this.page.locator('.ant-cascader-menu-item', { hasText: county }).first().click();
      await this.page.keyboard.press('Escape');
    }
    if (keyword !== undefined) await this.keyword.fill(keyword);
    const answered = this.page.waitForResponse((response) => response.url().includes('/api/v1/enterprises?'));
    await this.searchButton.click();
    await answered;
    await this.waitForList();
  }

  /** Texts of one column of the list, by its header. */
  async column(header) {
    const headers = (await this.page.locator('.ant-table-thead th').allInnerTexts()).map((text) => text.trim());
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`no column "${header}" among ${headers.join(', ')}`);
    return (await this.rows.locator(`td:nth-child(${index + 1})`).allInnerTexts()).map((text) => text.trim());
  }

  /** The enterprise names listed (the links of the first column). */
  async names() {
    return (await this.rows.locator('td:first-child a').allInnerTexts()).map((text) => text.trim());
  }

  async open(name) {
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.tier.waitFor();
  }

  /** Clicks 导出 Excel and answers the suggested file name and the file's first bytes. */
  async export() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    const bytes = await readFile(await download.path());
    return { fileName: download.suggestedFilename(), bytes };
  }

  async detailTier() {
    return (await this.tier.innerText()).trim();
  }

  /** The 参保人员 tab; answers once the table or its empty state is shown. */
  async openEmployeesTab() {
    await this.page.getByRole('tab', { name: '参保人员' }).click();
    const panel = this.page.getByRole('tabpanel', { name: '参保人员' });
    await panel.getByLabel('费款所属期').waitFor();
    await panel.locator('.ant-empty, tbody tr.ant-table-row').first().waitFor();
    return panel;
  }
}
