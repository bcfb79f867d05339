import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  afterSupport,
  clearNextVersionCache,
  findNextVersion,
  normalizeNextVersion,
  requestGeoIpRemoved,
} from '../../lib/next-version.js';

const root = mkdtempSync(join(tmpdir(), 'fn-next-version-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearNextVersionCache());

function project(name: string, pkg: object, installed?: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'app', 'api'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  if (installed) {
    mkdirSync(join(dir, 'node_modules', 'next'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'next', 'package.json'), JSON.stringify({ name: 'next', version: installed }));
  }
  return join(dir, 'app', 'api', 'route.ts');
}

describe('findNextVersion', () => {
  it('reads the lowest version a declared range allows, from dependencies or devDependencies', () => {
    expect(findNextVersion(project('caret', { dependencies: { next: '^15.0.3' } }))?.version).toBe('15.0.3');
    expect(findNextVersion(project('dev', { devDependencies: { next: '~14.2.1' } }))?.version).toBe('14.2.1');
  });

  it('prefers the installed version over the declared range (what builds is what counts)', () => {
    const file = project('installed', { dependencies: { next: '^15.0.0' } }, '15.2.4');
    expect(findNextVersion(file)).toMatchObject({ version: '15.2.4', source: expect.stringContaining('node_modules') });
  });

  it('falls back to the installed version when the range is not semver, and finds none without either', () => {
    expect(findNextVersion(project('canary', { dependencies: { next: 'canary' } }, '16.0.0-canary.3'))?.version).toBe('16.0.0-canary.3');
    expect(findNextVersion(project('unknown', { dependencies: { next: 'latest' } }))).toBeUndefined();
    expect(findNextVersion(project('none', { dependencies: { react: '19.0.0' } }))).toBeUndefined();
  });

  it('walks up from a package without next to the one that declares it (monorepo root)', () => {
    const rootPkg = project('mono', { devDependencies: { next: '15.1.0' } });
    const pkgDir = join(root, 'mono', 'packages', 'web');
    mkdirSync(join(pkgDir, 'app'), { recursive: true });
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: 'web' }));
    expect(rootPkg).toContain('mono');
    expect(findNextVersion(join(pkgDir, 'app', 'page.tsx'))?.version).toBe('15.1.0');
  });

  it('an override wins; an invalid one is an error that quotes it', () => {
    const file = project('override', { dependencies: { next: '14.2.0' } });
    expect(findNextVersion(file, '15.2')).toEqual({ version: '15.2.0', source: 'settings' });
    expect(() => findNextVersion(file, 'fifteen')).toThrow(/"fifteen"/);
  });
});

describe('version facts', () => {
  it('normalizes versions and ranges, and rejects garbage', () => {
    expect(normalizeNextVersion('15.1.0')).toBe('15.1.0');
    expect(normalizeNextVersion('>=15.1 <16')).toBe('15.1.0');
    expect(normalizeNextVersion('npm:next@15.0.2')).toBe('15.0.2');
    expect(normalizeNextVersion('workspace:*')).toBeUndefined();
  });

  it('after from 15.1.0, unstable_after on 15.0.x (a 15.1 canary is still 15.0-level), none below or unknown', () => {
    expect(afterSupport('16.0.0')).toBe('after');
    expect(afterSupport('15.1.0')).toBe('after');
    expect(afterSupport('15.1.0-canary.4')).toBe('unstable_after');
    expect(afterSupport('15.0.4')).toBe('unstable_after');
    expect(afterSupport('14.2.30')).toBe('none');
    expect(afterSupport(undefined)).toBe('none');
  });

  it('NextRequest geo/ip are gone from 15.0.0', () => {
    expect(requestGeoIpRemoved('15.0.0')).toBe(true);
    expect(requestGeoIpRemoved('14.2.30')).toBe(false);
    expect(requestGeoIpRemoved(undefined)).toBe(false);
  });
});

describe('afterExportsOf / nextProjectDir', () => {
  it('knows which after export each version has', async () => {
    const { afterExportsOf } = await import('../../lib/next-version.js');
    expect(afterExportsOf(undefined)).toEqual([]);
    expect(afterExportsOf('14.2.35')).toEqual([]);
    expect(afterExportsOf('15.0.0')).toEqual(['unstable_after']);
    expect(afterExportsOf('15.0.8')).toEqual(['unstable_after']);
    expect(afterExportsOf('15.1.0')).toEqual(['after']);
    expect(afterExportsOf('16.5.0')).toEqual(['after']);
  });

  it('finds the project directory of a version found in package.json or node_modules', async () => {
    const { nextProjectDir } = await import('../../lib/next-version.js');
    expect(nextProjectDir({ version: '15.0.0', source: 'settings' })).toBeUndefined();
    expect(nextProjectDir({ version: '15.0.0', source: join(root, 'a', 'package.json') })).toBe(join(root, 'a'));
    expect(nextProjectDir({ version: '15.0.0', source: join(root, 'b', 'node_modules', 'next', 'package.json') })).toBe(join(root, 'b'));
  });
});
