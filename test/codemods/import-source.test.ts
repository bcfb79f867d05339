/**
 * lib/import-source: the module an added API import names, from the file's own imports and
 * from what the project (temp directories with package.json / node_modules) can resolve.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { chooseImportSource, clearImportSourceCache, packageOf, packageResolvableFrom } from '../../lib/import-source.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => clearImportSourceCache());

/** A project directory with a package.json listing `deps`, and installed `installed` packages; returns a file path in it. */
function project(deps: readonly string[], installed: readonly string[] = [], file = 'app/api/route.ts'): string {
  const dir = mkdtempSync(join(tmpdir(), 'fn-import-source-'));
  made.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', dependencies: Object.fromEntries(deps.map((d) => [d, '*'])) }));
  for (const pkg of installed) {
    mkdirSync(join(dir, 'node_modules', pkg), { recursive: true });
    writeFileSync(join(dir, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg }));
  }
  return join(dir, file);
}

describe('chooseImportSource from the project', () => {
  it('picks @fn-kit/functions (and its /oidc subpath) when that is all the project has', () => {
    const file = project(['@fn-kit/functions']);
    expect(chooseImportSource(file, 'geolocation', [])).toEqual({ module: '@fn-kit/functions', resolvable: true });
    expect(chooseImportSource(file, 'waitUntil', [])).toEqual({ module: '@fn-kit/functions', resolvable: true });
    expect(chooseImportSource(file, 'getVercelOidcToken', [])).toEqual({ module: '@fn-kit/functions/oidc', resolvable: true });
    expect(chooseImportSource(file, 'awsCredentialsProvider', [])).toEqual({ module: '@fn-kit/functions/oidc', resolvable: true });
  });

  it('prefers @vercel/functions when the project has it (alone or next to @fn-kit/functions)', () => {
    expect(chooseImportSource(project(['@vercel/functions']), 'getEnv', [])).toEqual({ module: '@vercel/functions', resolvable: true });
    expect(chooseImportSource(project(['@fn-kit/functions', '@vercel/functions']), 'ipAddress', [])).toEqual({
      module: '@vercel/functions',
      resolvable: true,
    });
  });

  it('uses the catalog default, marked unresolvable, when the project has no functions package', () => {
    const file = project(['next']);
    expect(chooseImportSource(file, 'geolocation', [])).toEqual({ module: '@vercel/functions', resolvable: false });
    expect(chooseImportSource(file, 'getVercelOidcTokenSync', [])).toEqual({ module: '@vercel/oidc', resolvable: false });
    expect(chooseImportSource(undefined, 'waitUntil', [])).toEqual({ module: '@vercel/functions', resolvable: false });
  });

  it('takes the OIDC helpers from their own upstream packages, never from the deprecated @vercel/functions/oidc', () => {
    const both = project(['@vercel/functions', '@vercel/oidc', '@vercel/oidc-aws-credentials-provider']);
    expect(chooseImportSource(both, 'getVercelOidcToken', []).module).toBe('@vercel/oidc');
    expect(chooseImportSource(both, 'awsCredentialsProvider', []).module).toBe('@vercel/oidc-aws-credentials-provider');
    // @vercel/functions alone: its /oidc entry point is deprecated, so the default stays.
    expect(chooseImportSource(project(['@vercel/functions']), 'getVercelOidcToken', [])).toEqual({ module: '@vercel/oidc', resolvable: false });
  });

  it('counts an installed package (node_modules) and a package.json further up', () => {
    expect(chooseImportSource(project([], ['@fn-kit/functions']), 'geolocation', []).module).toBe('@fn-kit/functions');
    const nested = project(['@fn-kit/functions'], [], 'packages/web/src/app/route.ts');
    mkdirSync(join(nested, '..', '..', '..'), { recursive: true });
    writeFileSync(join(nested, '..', '..', '..', 'package.json'), JSON.stringify({ name: 'web' }));
    expect(chooseImportSource(nested, 'geolocation', []).module).toBe('@fn-kit/functions');
  });

  it('re-reads the project after clearImportSourceCache', () => {
    const file = project([]);
    expect(chooseImportSource(file, 'geolocation', []).resolvable).toBe(false);
    writeFileSync(join(file, '..', '..', '..', 'package.json'), JSON.stringify({ dependencies: { '@fn-kit/functions': '*' } }));
    expect(chooseImportSource(file, 'geolocation', []).resolvable).toBe(false); // cached per directory
    clearImportSourceCache();
    expect(chooseImportSource(file, 'geolocation', [])).toEqual({ module: '@fn-kit/functions', resolvable: true });
  });
});

describe('chooseImportSource from the file’s imports', () => {
  it('follows a module the file already imports the API from, over the project', () => {
    const file = project(['@vercel/functions', '@fn-kit/functions']);
    expect(chooseImportSource(file, 'geolocation', ['next/server', '@fn-kit/functions']).module).toBe('@fn-kit/functions');
    expect(chooseImportSource(file, 'getVercelOidcToken', ['@fn-kit/functions/oidc']).module).toBe('@fn-kit/functions/oidc');
  });

  it('takes the OIDC helpers from the /oidc subpath of a functions package the file imports', () => {
    expect(chooseImportSource(undefined, 'getVercelOidcTokenSync', ['@fn-kit/functions'])).toEqual({
      module: '@fn-kit/functions/oidc',
      resolvable: true,
    });
    // A module that exports the name itself wins over a derived subpath.
    expect(chooseImportSource(undefined, 'getVercelOidcToken', ['@fn-kit/functions', '@vercel/oidc']).module).toBe('@vercel/oidc');
  });

  it('never chooses the deprecated @vercel/functions/oidc, and ignores modules that do not export the name', () => {
    expect(chooseImportSource(undefined, 'getVercelOidcToken', ['@vercel/functions/oidc', '@vercel/functions'])).toEqual({
      module: '@vercel/oidc',
      resolvable: false,
    });
    expect(chooseImportSource(undefined, 'waitUntil', ['@fn-kit/functions/oidc', 'next/server']).module).toBe('@vercel/functions');
  });

  it('treats --runtime-module wrappers as exporting every name', () => {
    expect(chooseImportSource(undefined, 'getVercelOidcToken', ['~/lib/platform'], ['~/lib/platform']).module).toBe('~/lib/platform');
  });

  it('rejects a name the catalog has no module for', () => {
    expect(() => chooseImportSource(undefined, 'notAnApi', [])).toThrow('no canonical module for "notAnApi"');
  });
});

describe('helpers', () => {
  it('packageOf strips subpaths', () => {
    expect(packageOf('@fn-kit/functions/oidc')).toBe('@fn-kit/functions');
    expect(packageOf('next/server')).toBe('next');
  });

  it('packageResolvableFrom walks up from the directory', () => {
    const file = project(['@fn-kit/functions'], [], 'a/b/c/route.ts');
    expect(packageResolvableFrom(join(file, '..'), '@fn-kit/functions')).toBe(true);
    expect(packageResolvableFrom(join(file, '..'), '@vercel/functions')).toBe(false);
  });
});
