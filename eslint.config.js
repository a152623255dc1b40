// Lint with type information. Besides the usual checks it enforces the process
// boundaries: only src/main/electron (and the preload) may import 'electron';
// src/shared may use neither Node built-ins nor DOM globals; src/documents (made for the app
// and the team server alike) imports neither of them, and the team server never src/main.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const electronOnlyThere = {
  paths: [{ name: 'electron', message: "Only src/main/electron/ (and the preload) may import 'electron': pass Electron objects in as parameters." }],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/unified-signatures': 'off',
      // Electron's factories (Menu.buildFromTemplate, nativeImage.*) return class instances this rule cannot see.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      'no-restricted-imports': ['error', electronOnlyThere],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['src/main/electron/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyThere,
          patterns: [
            { group: ['node:*'], message: 'src/shared is pure TypeScript: no Node built-ins.' },
            { regex: '^(fs|path|os|crypto|child_process|http|https|net|url|util|stream|events|buffer|worker_threads)(/.*)?$', message: 'src/shared is pure TypeScript: no Node built-ins.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/shared holds no UI code.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'src/shared runs everywhere: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    // The file makers (XLSX, PDF, a billing run's files) serve the app and the team server
    // alike, so they stand below both and import neither.
    files: ['src/documents/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyThere,
          patterns: [
            { group: ['**/main/**', '**/server/**', '**/renderer/**'], message: 'src/documents serves the app and the team server: it imports neither (only src/shared and packages).' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/documents holds no UI code.' },
          ],
        },
      ],
    },
  },
  {
    // The team server runs without the app: it may share src/shared and src/documents, never src/main.
    files: ['src/server/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...electronOnlyThere, patterns: [{ group: ['**/main/**'], message: 'The team server runs without the app: share code through src/shared or src/documents, not src/main.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
)
