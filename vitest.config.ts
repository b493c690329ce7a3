import { defineConfig } from 'vitest/config';

// Tests sit next to the code (src/**). Database tests run once per dialect in DIALECTS
// (see src/test/dialects.ts); PostgreSQL joins when YANGFAN_TEST_PG or DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/support/**/*.test.mjs'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
