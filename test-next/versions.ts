/**
 * The `next` releases the compatibility suite runs against, and the package versions each
 * temp project installs beside them. Everything installed is pinned, so a cache entry keyed
 * by these versions never goes stale.
 */

/** Latest 14.2, 15.0, 15.1, 15 and 16 releases when this suite was written, plus 15.2 (the task's example). */
export const NEXT_VERSIONS = ['14.2.35', '15.0.8', '15.1.12', '15.2.0', '15.5.29', '16.5.0'] as const;

export type NextVersion = (typeof NEXT_VERSIONS)[number];

/** React types for a Next major: 14 builds on React 18, 15 and 16 on React 19. */
export function reactTypesFor(next: string): Record<string, string> {
  return Number(next.split('.')[0]) >= 15
    ? { '@types/react': '19.3.2', '@types/react-dom': '19.3.0' }
    : { '@types/react': '18.3.32', '@types/react-dom': '18.3.7' };
}

/**
 * eslint-config-next releases checked beside `fn.configs.next` (the latest 15 and the latest
 * 16), with the ESLint each runs on. 15.x is an eslintrc config (loaded through FlatCompat)
 * whose peer range stops at ESLint 9, and its @rushstack/eslint-patch fails to load under
 * ESLint 10 ("Failed to patch ESLint because the calling module was not recognized"), so it
 * is tested on the latest ESLint 9. 16.x ships flat config and runs on ESLint 10, the repo's.
 */
export const ESLINT_CONFIG_NEXT = [
  { version: '15.5.29', eslint: '9.39.5', flat: false },
  { version: '16.5.0', eslint: '10.15.0', flat: true },
] as const;

/** @eslint/eslintrc for FlatCompat (eslint-config-next 15). */
export const ESLINTRC_VERSION = '3.3.7';
/** TypeScript in the eslint-config-next projects (typescript-eslint's peer), the repo's own. */
export const TYPESCRIPT_VERSION = '5.9.3';
