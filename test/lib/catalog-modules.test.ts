import { describe, expect, it } from 'vitest';
import { mentionsApiModule, moduleExports, resolveApiModule } from '../../lib/catalog.js';

describe('resolveApiModule / moduleExports', () => {
  it('knows each subpath of both functions packages by its own export table', () => {
    for (const pkg of ['@vercel/functions', '@fn-kit/functions']) {
      expect(moduleExports(pkg, 'waitUntil')).toBe(true);
      expect(moduleExports(`${pkg}/headers`, 'CITY_HEADER_NAME')).toBe(true);
      expect(moduleExports(`${pkg}/headers`, 'waitUntil')).toBe(false);
      expect(moduleExports(`${pkg}/oidc`, 'getVercelOidcToken')).toBe(true);
      expect(moduleExports(`${pkg}/middleware`, 'rewrite')).toBe(true);
    }
  });

  it('the standalone OIDC packages export only their helpers', () => {
    expect(moduleExports('@vercel/oidc', 'getVercelOidcTokenSync')).toBe(true);
    expect(moduleExports('@vercel/oidc', 'awsCredentialsProvider')).toBe(false);
    expect(moduleExports('@vercel/oidc-aws-credentials-provider', 'awsCredentialsProvider')).toBe(true);
  });

  it('unknown subpaths and other packages are not API modules', () => {
    expect(resolveApiModule('@vercel/functions/db-connections')).toBeNull();
    expect(resolveApiModule('@vercel/oidc/dist/token')).toBeNull();
    expect(resolveApiModule('@vercel/edge')).toBeNull();
    expect(resolveApiModule('functions')).toBeNull();
  });

  it("the user's extra modules export every API name and add to the defaults", () => {
    expect(moduleExports('@acme/fns', 'waitUntil', ['@acme/fns'])).toBe(true);
    expect(moduleExports('@acme/fns', 'getVercelOidcToken', ['@acme/fns'])).toBe(true);
    expect(moduleExports('@acme/fns', 'waitUntil')).toBe(false);
    expect(moduleExports('@vercel/functions', 'waitUntil', ['@acme/fns'])).toBe(true);
  });

  it('the text pre-filter sees default and extra modules', () => {
    expect(mentionsApiModule("import { after } from 'next/server'")).toBe(false);
    expect(mentionsApiModule("const f = require('@fn-kit/functions/oidc')")).toBe(true);
    expect(mentionsApiModule("import x from '~/fns'", ['~/fns'])).toBe(true);
  });
});
