/** 重点企业清单 (/key-enterprises): the list and, for a city bureau, 加入清单 / 移出. */
export class KeyEnterprisesPage {
  constructor(page) {
    this.page = page;
    this.addButton = page.getByRole('button', { name: /加入清单/ });
  }

  row(name) {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }

  /** Adds an enterprise of the region, found by the search inside the dialog. */
  async add(name) {
    await this.addButton.click();
    const dialog = this.page.getByRole('dialog');
    const search = dialog.getByLabel('企业', { exact: true });
    await search.click();
    await search.fill(name);
    await this.page.locator('.ant-select-item-option', { hasText: name }).first().click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await this.row(name).waitFor();
  }

  async remove(name) {
    await this.row(name).getByRole('button', { name: '移出' }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
    await this.row(name).waitFor({ state: 'detached' });
  }
}
