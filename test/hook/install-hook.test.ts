import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_START, hookBlock } from '../../cli/hook/hook-block.js';
import { installHook, uninstallHook } from '../../cli/hook/install-hook.js';
import { captureOutput } from '../env/helpers.js';
import { git, isolateGitConfig, repoFactory, writeFiles } from './git-fixture.js';

const repo = repoFactory();

const isExecutable = (path: string): boolean => (statSync(path).mode & 0o111) === 0o111;

isolateGitConfig();

describe('fn-codemod hook install', () => {
  it('creates an executable .git/hooks/pre-commit, once', () => {
    const dir = repo();
    const io = captureOutput();
    expect(installHook({ cwd: dir }, io)).toBe(0);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    expect(readFileSync(hook, 'utf8')).toBe(`#!/bin/sh\n${hookBlock('')}\n`);
    expect(isExecutable(hook)).toBe(true);
    expect(io.stdout[0]).toMatch(/installed the pre-commit git hook/);

    const again = captureOutput();
    expect(installHook({ cwd: dir }, again)).toBe(0);
    expect(again.stdout[0]).toMatch(/already installed/);
    expect(readFileSync(hook, 'utf8').split(BLOCK_START)).toHaveLength(2);
  });

  it('keeps an existing hook and its shebang, appending the block and making it executable', () => {
    const dir = repo();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/usr/bin/env bash\necho "their check"\n', { mode: 0o644 });
    expect(installHook({ cwd: dir }, captureOutput())).toBe(0);
    const text = readFileSync(hook, 'utf8');
    expect(text.startsWith('#!/usr/bin/env bash\necho "their check"\n')).toBe(true);
    expect(text).toContain(hookBlock(''));
    expect(isExecutable(hook)).toBe(true);
  });

  it('honours core.hooksPath', () => {
    const dir = repo();
    git(dir, 'config', 'core.hooksPath', 'tools/hooks');
    expect(installHook({ cwd: dir }, captureOutput())).toBe(0);
    expect(existsSync(join(dir, 'tools', 'hooks', 'pre-commit'))).toBe(true);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it('writes the husky hook when husky is set up', () => {
    const dir = repo();
    writeFiles(dir, { '.husky/pre-commit': 'npm test\n', '.husky/_/h': '' });
    git(dir, 'config', 'core.hooksPath', '.husky/_');
    const io = captureOutput();
    expect(installHook({ cwd: dir }, io)).toBe(0);
    expect(readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8')).toBe(`npm test\n\n${hookBlock('')}\n`);
    expect(isExecutable(join(dir, '.husky', 'pre-commit'))).toBe(true);
    expect(io.stdout[0]).toMatch(/husky hook/);
    expect(existsSync(join(dir, '.husky', '_', 'pre-commit'))).toBe(false);
  });

  it('from a project below the top level, changes into it first', () => {
    const dir = repo();
    mkdirSync(join(dir, 'apps', 'web'), { recursive: true });
    expect(installHook({ cwd: join(dir, 'apps', 'web') }, captureOutput())).toBe(0);
    expect(readFileSync(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain('cd apps/web || exit 1');
  });

  it('passes --env-out on to the precommit command', () => {
    const dir = repo();
    expect(installHook({ cwd: dir, envOut: 'types' }, captureOutput())).toBe(0);
    expect(readFileSync(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain('fn-codemod precommit --env-out types');
  });

  it('refuses a damaged block, leaving the hook as it was', () => {
    const dir = repo();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const damaged = `#!/bin/sh\n${BLOCK_START}\necho half\n`;
    writeFileSync(hook, damaged);
    const io = captureOutput();
    expect(installHook({ cwd: dir }, io)).toBe(1);
    expect(io.stderr[0]).toMatch(/start marker without its end marker/);
    expect(readFileSync(hook, 'utf8')).toBe(damaged);
  });

  it('fails clearly outside a git repository', async () => {
    const { tempProject, removeDir: remove } = await import('../env/helpers.js');
    const dir = tempProject({ 'a.txt': '' });
    try {
      const io = captureOutput();
      expect(installHook({ cwd: dir }, io)).toBe(1);
      expect(io.stderr[0]).toMatch(/is not inside a git work tree/);
    } finally {
      remove(dir);
    }
  });
});

describe('fn-codemod hook uninstall', () => {
  it('removes the block and keeps the rest; removes a hook that held only the block', () => {
    const dir = repo();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho mine\n');
    installHook({ cwd: dir }, captureOutput());
    expect(uninstallHook({ cwd: dir }, captureOutput())).toBe(0);
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho mine\n');

    const fresh = repo();
    installHook({ cwd: fresh }, captureOutput());
    expect(uninstallHook({ cwd: fresh }, captureOutput())).toBe(0);
    expect(existsSync(join(fresh, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });
});
