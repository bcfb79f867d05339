import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ENV_VARS } from '@fn-kit/functions/catalog';
import { renderSystemEnvModule, SYSTEM_ENV_FILE } from '../../scripts/generate-system-env.mjs';

describe('packages/functions/src/system-env.ts', () => {
  it('is what the generator makes of the current catalog (run `npm run generate` when this fails)', () => {
    expect(readFileSync(SYSTEM_ENV_FILE, 'utf8')).toBe(renderSystemEnvModule(SYSTEM_ENV_VARS));
  });

  it('refuses a catalog name that is not an identifier', () => {
    expect(() => renderSystemEnvModule([{ name: 'VERCEL-URL', doc: 'x', getEnv: true }])).toThrow(/VERCEL-URL/);
  });
});
