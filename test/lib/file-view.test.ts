// The index's per-file view of the file system: one stat per path while a file is linted,
// fresh stats for the next file, so an edit between two lints in one process is seen.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileView, statPath } from '../../lib/project-index/file-view.js';
import plugin from '../../rules/index.js';

const dir = mkdtempSync(join(tmpdir(), 'fn-kit-file-view-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let clock = 1_700_000_000;
const write = (name: string, text: string): void => {
  writeFileSync(join(dir, name), text);
  clock += 10;
  utimesSync(join(dir, name), clock, clock);
};

describe('file views', () => {
  it('stats a path once per view', () => {
    write('a.ts', 'one');
    openFileView();
    const first = statPath(join(dir, 'a.ts'));
    write('a.ts', 'three');
    expect(statPath(join(dir, 'a.ts'))).toBe(first);
    openFileView();
    expect(statPath(join(dir, 'a.ts'))?.size).toBe(5);
    expect(statPath(join(dir, 'missing.ts'))).toBeUndefined();
  });

  it('a module edited between two lints of one process changes the finding', () => {
    const route = join(dir, 'pages', 'api', 'x.ts');
    const code = "import { work } from '../../work';\nexport default function handler(req, res) { work(); res.end(); }\n";
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { fn: plugin }, rules: { 'fn/no-floating-background-promise': 'error' } },
    ];
    const lint = () => new Linter({ cwd: dir }).verify(code, config, { filename: route }).map((m) => m.messageId);
    write('work.ts', 'export function work() { return 1; }\nexport async function other() {}\n');
    expect(lint()).toEqual([]);
    write('work.ts', 'export async function work() { return 1; }\n');
    expect(lint()).toEqual(['floating']);
  });
});
