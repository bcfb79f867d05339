import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const runtimeSrc = fileURLToPath(new URL('./packages/functions/src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Suites run against the runtime's sources; the packaging suites test the built output.
    alias: [
      { find: /^@fn-kit\/functions$/, replacement: `${runtimeSrc}index.ts` },
      { find: /^@fn-kit\/functions\/(headers|middleware)$/, replacement: `${runtimeSrc}$1.ts` },
      { find: /^@fn-kit\/functions\/(oidc|catalog)$/, replacement: `${runtimeSrc}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
