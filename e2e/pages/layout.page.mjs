/** The signed-in frame: side menu, header with user, language switch and logout. */
export class LayoutPage {
  constructor(page) {
    this.page = page;
    this.menu = page.getByRole('navigation').getByRole('menu');
    this.userName = page.getByTestId('current-user-name');
    this.userRole = page.getByTestId('current-user-role');
    this.logoutButton = page.getByRole('button', { name: /退出登录|Log out/ });
  }

  /** The visible menu labels, in order. */
  async menuLabels() {
    await this.menu.getByRole('menuitem').first().waitFor();
    const labels = await this.menu.getByRole('menuitem').allInnerTexts();
    return labels.map((label) => label.trim());
  }

  async openMenu(label) {
    await this.menu.getByRole('menuitem', { name: label }).click();
  }

  /** 中 or EN. */
  async switchLanguage(label) {
    await this.page.getByRole('banner').getByText(label, { exact: true }).click();
  }

  async logout() {
    await this.logoutButton.click();
    await this.page.waitForURL(/\/login$/);
  }
}
