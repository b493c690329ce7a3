/** 劳动关系 pages: 劳动关系体检, 柔性执法, 劳动争议 and a case. */
export class LabourPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Picks an option of the antd Select labelled `label` whose text contains `text`. */
  async choose(label, text) {
    await this.page.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  }

  async fillDate(label, date) {
    const input = this.page.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  /** Answers every question 是, those whose text contains `noText` 否, and submits. */
  async takeDiagnosis(noText) {
    const items = this.page.locator('form#diagnosis .ant-form-item');
    await items.first().waitFor();
    for (const item of await items.all()) {
      const label = await item
        .locator('.ant-form-item-label')
        .innerText()
        .catch(() => '');
      if (!label) continue;
      const answer = label.includes(noText) ? '否' : '是';
      await item.locator('label.ant-radio-wrapper', { hasText: new RegExp(`^${answer}$`) }).click();
    }
    await this.page.getByTestId('diagnosis-submit').click();
    await this.page.getByTestId('diagnosis-result').waitFor();
  }

  async diagnosisText() {
    return this.page.getByTestId('diagnosis-result').innerText();
  }

  async recordViolation({ uscc, item, description, foundOn }) {
    await this.page.getByLabel('企业统一社会信用代码').fill(uscc);
    if (item) await this.choose('免罚清单条目（不在清单内的留空）', item);
    await this.page.getByLabel('违法事实').fill(description);
    await this.fillDate('发现日期', foundOn);
    await this.page.getByTestId('violation-save').click();
    await this.page.getByTestId('violation-result').waitFor();
    return this.page.getByTestId('violation-result').innerText();
  }

  async violationsText() {
    await this.page.getByTestId('violations-list').locator('tbody tr.ant-table-row').first().waitFor();
    return this.page.getByTestId('violations-list').innerText();
  }

  /** Records a case in the modal and lands on its page; answers the case id. */
  async recordDispute({ uscc, receivedOn, workers, claims, claimed, arrears, parties }) {
    await this.page.getByTestId('dispute-new').click();
    const modal = this.page.locator('.ant-modal:visible');
    await modal.getByLabel('企业统一社会信用代码').fill(uscc);
    await this.fillDate('受理日期', receivedOn);
    await modal.getByLabel('涉及劳动者人数').fill(String(workers));
    await modal.getByLabel('请求事项和事实理由').fill(claims);
    await modal.getByLabel('请求金额（元）').fill(claimed);
    if (arrears) await modal.getByLabel('拖欠工资金额（元，可空）').fill(arrears);
    await modal.getByLabel(/劳动者当事人/).fill(parties.join('\n'));
    await modal.getByRole('button', { name: /登\s*记/ }).click();
    await this.page.waitForURL(/\/labour\/disputes\/\d+$/);
    await this.page.getByTestId('dispute-detail').waitFor();
    return Number(new URL(this.page.url()).pathname.split('/').at(-1));
  }

  async detailText() {
    return this.page.getByTestId('dispute-detail').innerText();
  }

  async calculate({ kind, wage, from, to }) {
    await this.choose('项目', kind);
    await this.page.getByLabel('月工资（元）').fill(wage);
    await this.fillDate('入职日期', from);
    await this.fillDate('解除日期', to);
    await this.page.getByTestId('dispute-calculate').click();
    await this.page.getByTestId('compensation-result').waitFor();
    return this.page.getByTestId('compensation-result').innerText();
  }

  async close(outcome) {
    await this.page.getByTestId('dispute-outcome').fill(outcome);
    await this.page.getByTestId('dispute-close').click();
    await this.page.getByTestId('dispute-stage').filter({ hasText: '已结案' }).waitFor();
  }

  /** The open collective-dispute alerts card's text ('' when none is open). */
  async alertsText() {
    const card = this.page.getByTestId('labour-alerts');
    await card.waitFor({ timeout: 5_000 }).catch(() => {});
    return (await card.count()) > 0 ? card.innerText() : '';
  }
}
