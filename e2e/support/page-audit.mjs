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
  const allowed = (element) => element.closest('[data-code-hint], input, textarea, script, style, noscript, svg, [aria-hidden="true"]');
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
    return /(auto|scroll|hidden|clip)/.test(style.overflowX) && element !== document.body && element !== document.documentElement;
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
    sticking.push({ element, text: `${label} right edge ${Math.round(rect.right)} px: “${(element.innerText ?? '').trim().slice(0, 40)}”` });
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
  if (seen.documentWidth > seen.width + 1) problems.push(`the page is ${seen.documentWidth} px wide in a ${seen.width} px window`);
  for (const line of seen.sticking) problems.push(`sticks out sideways: ${line}`);
  const codes = new Set();
  const notes = new Set();
  for (const text of seen.texts) {
    for (const found of findCodeLike(text)) codes.add(`${found.kind} “${found.match}” in “${text.slice(0, 60)}”`);
    for (const word of isOutward ? findDraftingNotes(text) : findSpecMention(text)) notes.add(`“${word}” in “${text.slice(0, 60)}”`);
  }
  for (const code of codes) problems.push(`internal code: ${code}`);
  for (const note of notes) problems.push(`internal note: ${note}`);
  return problems;
}

/** Waits until the page's data has arrived: no spinner, no skeleton, nothing loading for a moment. */
export async function settle(page) {
  for (const selector of ['.ant-spin-spinning', '.ant-skeleton', '.ant-btn-loading']) {
    await page.locator(selector).first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
  }
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}
