// One lint setup for server, renderer, electron, tests and benchmarks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const focusedOrSkipped = ['only', 'skip', 'todo'].flatMap((property) =>
  ['test', 'it', 'describe'].map((object) => ({
    object,
    property,
    message: `Do not leave .${property} in tests: every test must run.`,
  })),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      '**/dist/**',
      'assets/**',
      'server/src/db/generated/**',
      'prisma/postgresql/**',
      'test-results/**',
      'tests/output/**',
      'playwright-report/**',
      'bench/output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        window: 'readonly',
        document: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      'no-restricted-properties': ['error', ...focusedOrSkipped],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
