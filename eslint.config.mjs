// Lint: typescript-eslint's recommended type-checked rules on every TypeScript file the
// compiler sees (tsconfig.json), the plain recommended rules on the build and test scripts.
// `npm run lint` allows no warnings; `npm test` runs it first.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'test-results/', '.vscode-test/', 'bench/fixtures/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An unused parameter kept for a signature (an interface method, a callback's position)
      // is named with a leading underscore; the compiler's noUnusedParameters agrees.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // extension.ts loads the workbench, and the workbench the command table, with require() on
      // purpose: bundles of their own (scripts/build.mjs), so activation need not load them.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./commands$', '^\\./workbench$'] }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Runs in the workbench page (Playwright's evaluate), not in Node.
    files: ['test/ui/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Webview scripts run in the webview's page, which provides acquireVsCodeApi.
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
);
