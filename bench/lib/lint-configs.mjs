// The flat configs the lint benchmarks compare: every side uses the same parser setup, so a
// ratio measures only what the rules add.
import tseslint from 'typescript-eslint';

export const SOURCE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}';

/** The typescript-eslint parser on every file, JSX on, no rules. */
export function parserConfig(parserOptions = {}) {
  return [
    {
      files: [SOURCE_GLOB],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true }, ...parserOptions } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
}

/** A rule that does nothing (one empty `Program` listener): what ESLint charges for running rules at all. */
export const NOOP_CONFIG = {
  plugins: { 'bench-noop': { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) } } } },
  rules: { 'bench-noop/noop': 'error' },
};

/** typescript-eslint's own `recommended` (untyped), as a user's eslint.config.js spreads it. */
export const TSESLINT_RECOMMENDED = tseslint.configs.recommended;

/** `@typescript-eslint/no-floating-promises` alone (needs type information). */
export const NO_FLOATING_PROMISES = {
  plugins: { '@typescript-eslint': tseslint.plugin },
  rules: { '@typescript-eslint/no-floating-promises': 'error' },
};

/** The plugin with its cross-file project index switched off (`settings.fn.projectIndex`). */
export const INDEX_OFF = { settings: { fn: { projectIndex: false } } };
