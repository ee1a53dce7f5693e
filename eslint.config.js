// One lint configuration for the workspace; each project's `lint` target runs it on its own
// folder after the type check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/out-tsc/**', '**/generated/**', '**/node_modules/**', '.nx/**', '.data/**', '.scratch/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', Blob: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', WebAssembly: 'readonly' },
    },
    rules: {
      // Unused arguments prefixed with _ are documentation of a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest modules are classes with only decorators.
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Command-line tools and seeds talk to their operator on stdout; tests and the benchmark print figures.
    files: ['tools/**', 'libs/db/prisma/**', 'libs/db/src/seed/**', 'apps/api/src/main.ts', 'apps/api/bench/**', '*/*/test/**'],
    rules: { 'no-console': 'off' },
  },
);
