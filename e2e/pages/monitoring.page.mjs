/** 监测驾驶舱 (/monitoring), its region drill-down and an enterprise's monthly series. */
export const DASHBOARD_DRAWN_MARK = 'yangfan:dashboard-drawn';

export class MonitoringPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.map = page.getByTestId('region-map');
    this.ranking = page.getByTestId('ranking-table');
    this.regionPicker = page.getByLabel('地区', { exact: true });
    this.refreshButton = page.getByRole('button', { name: /重新汇总/ });
    this.notSummarised = page.getByRole('alert').filter({ hasText: '监测汇总尚未生成' });
  }

  /** Loads /monitoring afresh and answers the milliseconds from navigation start to cards and map drawn. */
  async gotoAndTimeDrawing(search = '') {
    await this.page.goto(`${this.baseUrl}/monitoring${search}`);
    return this.waitUntilDrawn();
  }

  /** Waits for the page's own mark (set once the cards are shown and ECharts has finished the map). */
  async waitUntilDrawn() {
    const handle = await this.page.waitForFunction(
      (mark) => globalThis.performance.getEntriesByName(mark)[0]?.startTime,
      DASHBOARD_DRAWN_MARK,
      { timeout: 15_000 },
    );
    return Math.round(await handle.jsonValue());
  }

  /** 重新汇总 (province HRSS): rebuilds the pre-aggregates, then waits for the new figures. */
  async summarise() {
    const answered = this.page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/monitoring/refresh') && response.request().method() === 'POST',
    );
    await this.refreshButton.click();
    const response = await answered;
    if (!response.ok()) throw new Error(`POST /monitoring/refresh answered ${response.status()}`);
    await this.notSummarised.waitFor({ state: 'detached' });
  }

  /** An indicator's card; `tab` 'skills-' for the cards of the 技能人才 tab. */
  card(indicator, tab = '') {
    return this.page.getByTestId(`${tab}kpi-card-${indicator}`);
  }

  /** The figure a card shows, as written on the page. */
  async cardFigure(indicator, tab = '') {
    return (await this.card(indicator, tab).getByTestId('kpi-actual').innerText()).trim();
  }

  /** Opens a tab of the dashboard (总览, 技能人才). */
  async openTab(name) {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Hovers an indicator's name and answers the definition shown. */
  async definitionOf(indicator) {
    await this.page.getByTestId(`definition-${indicator}`).first().hover();
    const tooltip = this.page.getByRole('tooltip').filter({ hasText: /./ }).last();
    await tooltip.waitFor();
    const text = (await tooltip.innerText()).trim();
    await this.page.mouse.move(0, 0);
    return text;
  }

  /** Region names of the ranking table, in rank order. */
  async rankingNames() {
    await this.ranking.locator('tbody tr.ant-table-row').first().waitFor();
    return (await this.ranking.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()).map((text) =>
      text.trim(),
    );
  }

  /** The region names the cascader offers at its first level. */
  async regionChoices() {
    await this.regionPicker.click();
    const menu = this.page.locator('.ant-cascader-menu').first();
    await menu.waitFor();
    const choices = (await menu.locator('.ant-cascader-menu-item').allInnerTexts()).map((text) => text.trim());
    await this.page.keyboard.press('Escape');
    return choices;
  }

  /** Clicks a region of the ranking and waits for its drill-down. */
  async openRegion(name) {
    await this.ranking.getByRole('link', { name, exact: true }).click();
    await this.page.getByText(`${name.replace(/（.*$/, '')} · 地区下钻`).waitFor();
    await this.drillEnterpriseRows.first().waitFor();
  }

  get drillEnterpriseRows() {
    return this.page.getByTestId('drilldown-enterprises').locator('tbody tr.ant-table-row');
  }

  /** Names of the divisions listed under 下辖地区. */
  async divisionNames() {
    const table = this.page.locator('.ant-table').first();
    return (await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map((text) => text.trim());
  }

  /** Opens the first enterprise of the drill-down; answers its name and credit code. */
  async openFirstEnterprise() {
    const row = this.drillEnterpriseRows.first();
    const link = row.locator('td:first-child a');
    const name = (await link.innerText()).trim();
    const uscc = (await row.locator('td:first-child .ant-typography').innerText()).trim();
    await link.click();
    await this.page.getByTestId('series-table').waitFor();
    return { name, uscc };
  }

  /** Whether each of the series page's four charts has been drawn by ECharts. */
  async seriesChartsDrawn() {
    const ids = ['series-headcount', 'series-flows', 'series-composition', 'series-contributions'];
    for (const id of ids) await this.page.locator(`[data-testid="${id}"][data-drawn="true"]`).waitFor();
    return ids.length;
  }

  /** The monthly table's rows as { month, insured }. */
  async seriesRows() {
    const rows = this.page.getByTestId('series-table').locator('tbody tr.ant-table-row');
    const months = await rows.locator('td:nth-child(1)').allInnerTexts();
    const insured = await rows.locator('td:nth-child(3)').allInnerTexts();
    return months.map((month, index) => ({ month: month.trim(), insured: insured[index].trim() }));
  }
}
