import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure helpers (formatting, rules, locales) and of the e2e TOTP
// helper; they need no browser: `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  test: {
    root: decodeURIComponent(new URL('..', import.meta.url).pathname),
    include: ['web/src/**/*.test.ts', 'e2e/support/**/*.test.mjs'],
  },
});
