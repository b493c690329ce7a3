import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Throws with a readable message when a condition does not hold. */
export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Deep equality of two JSON-able values, with both shown on failure. */
export function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/**
 * A minimal runner: a spec is a list of named steps against one page. The first failing step
 * ends its spec with a screenshot; the others specs still run, and the summary says what failed.
 */
export function createRunner() {
  const failures = [];
  let passed = 0;
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  /** A full-page picture once loading spinners are gone and animations have finished. */
  async function screenshot(page, name) {
    const file = `${SCREENSHOT_DIR}${name}.png`;
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => undefined);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    return file;
  }

  async function spec(name, page, steps) {
    console.log(`\n${name}`);
    for (const [stepName, run] of steps) {
      const started = Date.now();
      try {
        await run();
        passed += 1;
        console.log(`  ✓ ${stepName} (${Date.now() - started} ms)`);
      } catch (error) {
        const slug = `${name}-${stepName}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
        let shot = '';
        try {
          shot = await screenshot(page, `FAILED-${slug}`);
        } catch {
          shot = '(no screenshot)';
        }
        failures.push({ spec: name, step: stepName, message: error.message });
        console.log(`  ✗ ${stepName}\n      ${error.message.split('\n').join('\n      ')}\n      screenshot: ${shot}`);
        return;
      }
    }
  }

  function summary() {
    console.log(`\n${passed} step(s) passed, ${failures.length} failed`);
    for (const failure of failures)
      console.log(`  FAILED ${failure.spec} › ${failure.step}: ${failure.message.split('\n')[0]}`);
    return failures.length === 0;
  }

  return { spec, screenshot, summary };
}
