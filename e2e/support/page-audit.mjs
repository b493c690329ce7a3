import { findCodeLike, findDraftingNotes, findSpecMention } from './visible-codes.mjs';

/**
 * Reads what the page shows, in the browser: the text of every visible text node (outside the
 * places where an identifier is the point: elements marked `data-code-hint`, typed input, the
 * username a user signs in with), and whether anything sticks out sideways — the document wider
 * than the window, or a visible element past the window's right edge that no scrolling
 * container holds.
 */
/* global document, window, NodeFilter, getComputedStyle -- runs in the browser (page.evaluate) */
function readPage() {
  const allowed = (element) =>
    element.closest('[data-code-hint], input, textarea, script, style, noscript, svg, [aria-hidden="true"]');
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (!text || !parent || allowed(parent)) continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const rect = parent.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    texts.push(text);
  }
  const width = window.innerWidth;
  const scrollsSideways = (element) => {
    const style = getComputedStyle(element);
    return (
      /(auto|scroll|hidden|clip)/.test(style.overflowX) &&
      element !== document.body &&
      element !== document.documentElement
    );
  };
  const sticking = [];
  for (const element of document.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) continue;
    if (!element.checkVisibility({ checkVisibilityCSS: true })) continue;
    let holder = element.parentElement;
    while (holder && !scrollsSideways(holder)) holder = holder.parentElement;
    if (holder) continue;
    // Report the outermost element only.
    if (sticking.some((outer) => outer.element.contains(element))) continue;
    const label = `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`;
    sticking.push({
      element,
      text: `${label} right edge ${Math.round(rect.right)} px: “${(element.innerText ?? '').trim().slice(0, 40)}”`,
    });
  }
  return {
    texts,
    documentWidth: document.documentElement.scrollWidth,
    width,
    sticking: sticking.slice(0, 5).map((entry) => entry.text),
  };
}

/**
 * The problems of the page as a list of sentences (empty when it is fine). `isOutward` marks
 * enterprise and public pages, where drafting notes are not allowed either.
 */
export async function auditPage(page, { isOutward }) {
  const seen = await page.evaluate(readPage);
  const problems = [];
  if (seen.documentWidth > seen.width + 1)
    problems.push(`the page is ${seen.documentWidth} px wide in a ${seen.width} px window`);
  for (const line of seen.sticking) problems.push(`sticks out sideways: ${line}`);
  const codes = new Set();
  const notes = new Set();
  for (const text of seen.texts) {
    for (const found of findCodeLike(text)) codes.add(`${found.kind} “${found.match}” in “${text.slice(0, 60)}”`);
    for (const word of isOutward ? findDraftingNotes(text) : findSpecMention(text))
      notes.add(`“${word}” in “${text.slice(0, 60)}”`);
  }
  for (const code of codes) problems.push(`internal code: ${code}`);
  for (const note of notes) problems.push(`internal note: ${note}`);
  return problems;
}

/** Waits until the page's data has arrived: no spinner, no skeleton, nothing loading for a moment. */
export async function settle(page) {
  for (const selector of ['.ant-spin-spinning', '.ant-skeleton', '.ant-btn-loading']) {
    await page
      .locator(selector)
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 })
      .catch(() => undefined);
  }
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

function readTable(testId) {
  const holder = document.querySelector(`[data-testid="${testId}"]`);
  const table = holder?.querySelector('table');
  if (!holder || !table) return { isMissing: true };
  const wrapper = holder.querySelector('.ant-table-wrapper') ?? holder;
  let scroller = table.parentElement;
  while (scroller && scroller !== wrapper && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowX))
    scroller = scroller.parentElement;
  const isScrolling = Boolean(scroller) && scroller !== wrapper;
  const box = isScrolling ? scroller : wrapper;
  return {
    isMissing: false,
    right: Math.round(wrapper.getBoundingClientRect().right),
    width: window.innerWidth,
    tableWidth: Math.round(table.getBoundingClientRect().width),
    visibleWidth: Math.round(box.clientWidth),
    isScrolling,
    hasFixedStart: Boolean(
      table.closest('.ant-table')?.querySelector('thead [class*="cell-fix-start"], thead [class*="cell-fix-left"]'),
    ),
  };
}

/**
 * Whether a wide table shows all its columns: it stays inside the window, and a table wider than
 * its box scrolls sideways with its key column fixed at the start (officials' wide tables).
 * Answers the problems as sentences.
 */
export async function auditWideTable(page, testId) {
  await page
    .getByTestId(testId)
    .locator('table')
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(() => undefined);
  const seen = await page.evaluate(readTable, testId);
  if (seen.isMissing) return [`table ${testId} is not on the page`];
  const problems = [];
  if (seen.right > seen.width + 1)
    problems.push(`table ${testId} ends at ${seen.right} px in a ${seen.width} px window`);
  if (seen.tableWidth > seen.visibleWidth + 1) {
    if (!seen.isScrolling)
      problems.push(
        `table ${testId} is clipped: ${seen.tableWidth} px of columns in ${seen.visibleWidth} px without scrolling`,
      );
    else if (!seen.hasFixedStart) problems.push(`table ${testId} scrolls sideways without a fixed key column`);
  }
  return problems;
}

/**
 * Whether 退出登录 can be reached on a phone: a visible button inside the window, and the menu
 * opening from its button with the pages in it.
 */
export async function auditPhoneFrame(page) {
  const problems = [];
  const logout = page.getByRole('button', { name: /退出登录|Log out/ });
  const box = await logout.boundingBox().catch(() => null);
  const { width, height } = page.viewportSize();
  if (!box || !(await logout.isVisible())) problems.push('退出登录 is not visible');
  else if (box.x < 0 || box.x + box.width > width + 1 || box.y < 0 || box.y + box.height > height)
    problems.push(`退出登录 lies outside the window (${Math.round(box.x)}, ${Math.round(box.y)})`);
  const opener = page.getByTestId('open-menu');
  if (!(await opener.isVisible().catch(() => false))) return [...problems, 'no menu button on a phone'];
  await opener.click();
  const items = page.getByRole('navigation').getByRole('menuitem');
  await items
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  if ((await items.count()) === 0) problems.push('the menu opens empty');
  await page.keyboard.press('Escape');
  await page
    .getByRole('navigation')
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => undefined);
  return problems;
}
