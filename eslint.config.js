import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'dist/', 'web/src/api/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Migrations are written against Kysely<any> on purpose (STYLE habit 4).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  // STYLE habit 13: a module may not reach into another module's SQL. A module has rooms (sub-folders,
  // e.g. benefits/cases/), so whether `../x/y.repository.ts` leaves the module depends on how deep the
  // importing file sits: one block per depth, each forbidding a repository path that climbs out of
  // src/modules/<module>/ (imports within the module, from any room, stay allowed).
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`src/modules/*/${'*/'.repeat(depth)}*.ts`],
    ignores: ['src/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth + 1}}[^/]+/.*\\.repository(\\.ts)?$`,
              message: '不要直接引用其他模块的 repository，请调用其 service。',
            },
          ],
        },
      ],
    },
  })),
  {
    // Migrations are frozen and must not import application code.
    files: ['src/db/migrations/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./\\.\\./', message: '迁移文件不得引用应用代码。' }] },
      ],
    },
  },
);
