// fn-codemod precommit in-process, in temporary git repositories (ESLint comes from
// fn-kit's own install here; the e2e suite covers a project-installed one).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runPrecommit } from '../../cli/hook/run-precommit.js';
import { captureOutput, removeDir as removeTemp, tempProject } from '../env/helpers.js';
import { git, isolateGitConfig, repoFactory, writeFiles } from './git-fixture.js';

vi.setConfig({ testTimeout: 120_000 });

isolateGitConfig();

const repo = repoFactory();

const FLOATING = "export async function GET() {\n  fetch('https://example.com');\n  return new Response('ok');\n}\n";

describe('fn-codemod precommit', () => {
  it('exits 2 outside a git repository', async () => {
    const dir = tempProject({ 'a.ts': '' });
    try {
      const io = captureOutput();
      expect(await runPrecommit({ cwd: dir }, io)).toBe(2);
      expect(io.stderr[0]).toMatch(/not inside a git work tree/);
    } finally {
      removeTemp(dir);
    }
  });

  it('passes with nothing to check, saying what it skipped', async () => {
    const dir = repo({ 'README.md': 'x\n' });
    git(dir, 'add', 'README.md');
    const io = captureOutput();
    expect(await runPrecommit({ cwd: dir }, io)).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/env types\s+ok\s+skipped \(no \.env\.example\)/);
    expect(io.stderr.join('\n')).toMatch(/ESLint\s+ok\s+skipped \(no staged JS\/TS files\)/);
  });

  it('fails (and blocks) when the project ESLint config is broken, with ESLint\'s message', async () => {
    const dir = repo({ 'eslint.config.js': 'export default [ this is not javascript\n', 'a.js': 'export const a = 1;\n' });
    git(dir, 'add', 'a.js');
    const io = captureOutput();
    expect(await runPrecommit({ cwd: dir }, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/ESLint failed: /);
    expect(io.stderr.join('\n')).toMatch(/ESLint\s+FAIL/);
  });

  it('notes a project config that enables no fn/ rules, and uses it', async () => {
    const dir = repo({ 'eslint.config.js': "export default [{ rules: { 'no-var': 'error' } }];\n", 'a.js': 'var a = 1;\nexport { a };\n' });
    git(dir, 'add', 'a.js');
    const io = captureOutput();
    expect(await runPrecommit({ cwd: dir }, io)).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/no-var/);
    expect(io.stderr.join('\n')).toMatch(/enables no fn\/ rules/);
  });

  it('in a package below the top level, lints only that package\'s staged files', async () => {
    const dir = repo({ 'apps/web/app/api/x/route.ts': FLOATING, 'apps/other/app/api/x/route.ts': FLOATING });
    git(dir, 'add', 'apps');
    mkdirSync(join(dir, 'apps', 'web', 'src'), { recursive: true });
    const io = captureOutput();
    expect(await runPrecommit({ cwd: join(dir, 'apps', 'web') }, io)).toBe(1);
    const out = io.stdout.join('\n');
    expect(out).toContain(join('apps', 'web', 'app', 'api', 'x', 'route.ts'));
    expect(out).not.toContain(join('apps', 'other'));
    expect(io.stderr.join('\n')).toMatch(/1 staged file \(fn-kit's recommended config\): 1 error/);
  });

  it('checks staged env files: a schema change that is only in the working tree does not fail', async () => {
    const dir = repo({ '.env.example': 'A=\n' });
    const { runEnv } = await import('../../cli/env/run-env.js');
    expect(await runEnv({ cwd: dir, check: false, force: false }, captureOutput())).toBe(0);
    git(dir, 'add', '.');
    writeFiles(dir, { '.env.example': 'A=\nB=\n' });
    expect(await runPrecommit({ cwd: dir }, captureOutput())).toBe(0);
    git(dir, 'add', '.env.example');
    const io = captureOutput();
    expect(await runPrecommit({ cwd: dir }, io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('variables: B (added)');
  });
});
