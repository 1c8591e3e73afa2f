// ESLint for the TypeScript sources, run by `npm test` (`npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/**', 'imports/**', 'docs/**', 'node_modules/**', 'dist/**'] },
  js.configs.recommended,
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', globals: { module: 'readonly', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  // Plain CommonJS scripts (scripts/run-ts.js) load modules with require().
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.ts'],
    rules: {
      // Props trees and L1 JSON are untyped at the edges; `any` is used there on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      // Unused names are already errors in tsc (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'Name each export (src/index.ts is the curated public API).' }],
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
);
