/**
 * Collects the page's Content-Security-Policy violations: Chromium reports each refused script,
 * style, image or connection as a console error naming the policy.
 */
export function watchCspViolations(page) {
  const violations = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The same for every page of a browser context, into one list (each with the page's address). */
export function watchContextCspViolations(context, violations) {
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
}
