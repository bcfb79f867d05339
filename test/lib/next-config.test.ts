import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearNextConfigCache, findNextConfig, readNextConfigFlag } from '../../lib/next-config.js';

const root = mkdtempSync(join(tmpdir(), 'fn-next-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearNextConfigCache());

const FLAG = ['experimental', 'after'] as const;
let n = 0;
function project(file: string, text: string): string {
  const dir = join(root, `p${n++}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

describe('readNextConfigFlag', () => {
  it.each([
    ['next.config.js', `module.exports = { experimental: { after: true } };`, 'on'],
    ['next.config.cjs', `const nextConfig = { experimental: { after: true } };\nmodule.exports = nextConfig;`, 'on'],
    ['next.config.mjs', `const experimental = { after: true };\nexport default { reactStrictMode: true, experimental };`, 'on'],
    ['next.config.ts', `import type { NextConfig } from 'next';\nconst c: NextConfig = { experimental: { 'after': true } };\nexport default c;`, 'on'],
    ['next.config.ts', `export default { experimental: { after: true } } satisfies import('next').NextConfig;`, 'on'],
    ['next.config.js', `module.exports = { experimental: { after: false } };`, 'off'],
    ['next.config.js', `module.exports = { experimental: { ppr: true } };`, 'off'],
    ['next.config.js', `module.exports = {};`, 'off'],
    // The last property wins, as at run time.
    ['next.config.js', `module.exports = { experimental: { after: true, after: false } };`, 'off'],
  ])('%s: %s -> %s', (file, text, expected) => {
    expect(readNextConfigFlag(project(file, text), FLAG)).toBe(expected);
  });

  it.each([
    ['a function config', `module.exports = (phase) => ({ experimental: { after: true } });`],
    ['a wrapper call', `const withX = require('x');\nmodule.exports = withX({ experimental: { after: true } });`],
    ['a spread', `const base = require('./base');\nmodule.exports = { ...base };`],
    ['a computed flag', `module.exports = { experimental: { after: process.env.AFTER === '1' } };`],
    ['an unknown binding', `import shared from './shared.mjs';\nexport default shared;`],
    ['a let that may change', `let c = { experimental: { after: true } };\nexport default c;`],
    ['a syntax error', `module.exports = { experimental: {`],
  ])('unknown for %s', (_, text) => {
    expect(readNextConfigFlag(project('next.config.js', text), FLAG)).toBe('unknown');
  });

  it('is off when the project has no config file', () => {
    const dir = project('package.json', '{}');
    expect(findNextConfig(dir)).toBeUndefined();
    expect(readNextConfigFlag(dir, FLAG)).toBe('off');
  });

  it('prefers next.config.js over the other names, as Next.js does', () => {
    const dir = project('next.config.ts', `export default { experimental: { after: true } };`);
    writeFileSync(join(dir, 'next.config.js'), `module.exports = {};`);
    expect(findNextConfig(dir)).toBe(join(dir, 'next.config.js'));
    expect(readNextConfigFlag(dir, FLAG)).toBe('off');
  });

  it('re-reads a config whose mtime changed', () => {
    const dir = project('next.config.js', `module.exports = {};`);
    expect(readNextConfigFlag(dir, FLAG)).toBe('off');
    writeFileSync(join(dir, 'next.config.js'), `module.exports = { experimental: { after: true } };`);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'next.config.js'), later, later);
    expect(readNextConfigFlag(dir, FLAG)).toBe('on');
  });
});
