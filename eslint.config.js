import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/__testfixtures__/**',
      'test/**/fixtures/**',
      'test-next/fixtures/**',
      'examples/**',
      '.bench/**',
      '.corpus/**',
      'bench/recall/projects/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
