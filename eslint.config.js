// Lint: recommended rules for TypeScript, plus the architecture boundaries of DESIGN.md as import rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Plugin maps hold heterogeneous settings types; `any` is confined to those registries.
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/shell may import electron.' }] }],
    },
  },
  {
    files: ['main/shell/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os'], message: 'shared/ runs in the renderer too: no Node modules.' }] }],
    },
  },
);
