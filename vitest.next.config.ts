// `npm run test:next`: the compatibility suite against real next releases (network: npm registry only).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({ ...base, test: { ...base.test, include: ['test-next/**/*.test.ts'], testTimeout: 300_000 } });
