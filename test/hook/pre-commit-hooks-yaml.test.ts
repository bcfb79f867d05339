// The hook definition shipped for the pre-commit framework (a flat YAML list, read as text).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const text = readFileSync(new URL('../../.pre-commit-hooks.yaml', import.meta.url), 'utf8');

function field(name: string): string | undefined {
  return new RegExp(`^\\s+${name}: (.+)$`, 'm').exec(text)?.[1]?.trim();
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares one hook, fn-kit, running `fn-codemod precommit` once per commit', () => {
    expect(text.match(/^- id: /gm)).toHaveLength(1);
    expect(text).toMatch(/^- id: fn-kit$/m);
    expect(field('entry')).toBe('fn-codemod precommit');
    expect(field('language')).toBe('node');
    expect(field('pass_filenames')).toBe('false');
    expect(field('always_run')).toBe('true');
    expect(field('stages')).toBe('[pre-commit]');
  });

  it('names a command the package really ships', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string>; files: string[] };
    expect(Object.keys(pkg.bin)).toContain(field('entry')?.split(' ')[0]);
    expect(pkg.files).toContain('.pre-commit-hooks.yaml');
  });
});
