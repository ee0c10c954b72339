// One linter for the whole repository; zero warnings allowed (see package.json "lint").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import shape from './scripts/eslint/shape.js';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'web/dist', 'data', 'coverage', 'bench/out', 'scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      // A module may use another module's service, never its repository or tables (DESIGN.md).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/repo', '../*/repo.ts', '**/modules/*/repo', '**/modules/*/repo.ts'],
              message: 'Dùng service của module khác, không dùng repo của nó.',
            },
          ],
        },
      ],
    },
  },
  // The shape of the code (docs/ARCHITECTURE.md): the kernel and the shared
  // libraries know no module and no app code.
  {
    files: ['src/core/**/*.ts', 'src/lib/**/*.ts', 'src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/server/**', '**/cli/**', '**/app/**'],
              message:
                'src/core, src/lib và src/db không được dùng mã của module hay của ứng dụng (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  // The web shares the server's contracts, never its code: only contract and
  // label files, the kernel's contract pieces and src/lib. The diploma QR
  // verifier is the one exception: the browser must check a QR code offline
  // with exactly the server's code.
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '(^|/)src/(?!lib/|core/contract\\.ts$|core/[^/]+/contract\\.ts$|modules/[^/]+/(contract|labels)\\.ts$|modules/diplomas/credentials/qr\\.ts$)',
              message:
                'Giao diện chỉ dùng contract.ts, labels.ts của module, src/core/contract.ts và src/lib (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  // A module is used from outside only through its index.ts, and only its
  // repo files query the database (scripts/eslint/shape.js). The demo is the
  // written exception to the second: it is generated fixture data that fills
  // every module's tables in bulk at the first start, not a use case.
  {
    files: ['src/**/*.ts'],
    plugins: { sogd: shape },
    rules: { 'sogd/module-boundary': 'error' },
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/demo/**'],
    plugins: { sogd: shape },
    rules: { 'sogd/queries-in-repo': 'error' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['web/public/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
