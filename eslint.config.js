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

// Layer boundaries (docs/ARCHITECTURE.md "Layers"), enforced: each zone lists what its files may not import.
// A rule needed by both ends lives in contract/, which imports nothing of ours.
const forbid = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
});
const INFRA_PACKAGES = [
  '^(express|socket\\.io|socket\\.io-client|pg|better-sqlite3|@prisma/.*|helmet|rate-limiter-flexible)$',
  'The domain is pure: no Express, Socket.IO, Prisma or database driver (docs/ARCHITECTURE.md).',
];
const SERVER_FROM_OUTSIDE = [
  '(^|/)server/',
  'The renderer and the Electron shell never import server code; share it through contract/.',
];
const boundaries = [
  {
    files: ['server/src/domain/*/**/*.ts'],
    rules: forbid(INFRA_PACKAGES, [
      '^\\.\\./\\.\\./',
      'The domain imports only contract/ and itself, never cases/, db/, http/, stream/ or any other server folder.',
    ]),
  },
  {
    files: ['server/src/domain/*.ts'],
    rules: forbid(INFRA_PACKAGES, [
      '^\\.\\./',
      'The domain imports only contract/ and itself, never cases/, db/, http/, stream/ or any other server folder.',
    ]),
  },
  {
    files: ['renderer/src/state/**/*.ts'],
    rules: forbid(
      [
        '^(react|react-dom|cesium|three|socket\\.io-client|@deck\\.gl/.*)$',
        'state/ is plain data and pure updaters: no React, Cesium, three.js, deck.gl or sockets.',
      ],
      ['^\\.\\./(services|map|panels|app)(/|$)', 'state/ imports no services/, map engines or panels.'],
      SERVER_FROM_OUTSIDE,
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/state/**'],
    rules: forbid(SERVER_FROM_OUTSIDE),
  },
  {
    files: ['contract/**/*.ts'],
    rules: forbid(
      ['^\\.\\./', 'contract/ imports nothing of ours: both ends import it.'],
      ['^@contract/', 'Inside contract/, import siblings by ./name.'],
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid(
      ['(^|/)renderer/', 'Electron main and preload never import renderer code.'],
      SERVER_FROM_OUTSIDE,
    ),
  },
];

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
  ...boundaries,
);
