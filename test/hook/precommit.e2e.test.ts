// A real temporary git repository whose pre-commit hook (installed by `fn-codemod hook
// install`) runs THIS repository's built CLI and ESLint plugin, through node_modules
// symlinks, as in a user project. Needs `npm run build` first (npm test does it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GIT_ENV, git, removeDir, tempRepo, tryGit, writeFiles } from './git-fixture.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT_CLI = join(ROOT, 'dist', 'cli', 'bin.js');
const BUILT_PLUGIN = join(ROOT, 'dist', 'rules', 'index.js');

const FLOATING_ROUTE = `export async function GET(): Promise<Response> {
  fetch('https://example.com/audit', { method: 'POST' });
  return new Response('ok');
}
`;
const AWAITED_ROUTE = FLOATING_ROUTE.replace("  fetch('", "  await fetch('");

const ENV_EXAMPLE = '# The port.\n# @type number\n# @default 3000\nPORT=3000\n';

/** A user project: its node_modules link fn-kit (this repository) and ESLint. */
function userProject(): string {
  const dir = tempRepo('fn-precommit-');
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT.replace(/\/$/, ''), join(dir, 'node_modules', 'fn-kit'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', 'eslint'), join(dir, 'node_modules', 'eslint'), 'dir');
  symlinkSync('../fn-kit/dist/cli/bin.js', join(dir, 'node_modules', '.bin', 'fn-codemod'));
  writeFiles(dir, {
    '.gitignore': 'node_modules/\n',
    'package.json': JSON.stringify({ name: 'user-app', private: true, dependencies: { next: '16.0.0' } }, null, 2),
  });
  git(dir, 'add', '.gitignore', 'package.json');
  git(dir, 'commit', '-q', '-m', 'init', '--no-verify');
  return dir;
}

function fnCodemod(cwd: string, ...args: string[]): { status: number; output: string } {
  const result = spawnSync(join(cwd, 'node_modules', '.bin', 'fn-codemod'), args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function commit(cwd: string, message: string): { status: number; output: string } {
  return tryGit(cwd, 'commit', '-m', message);
}

const headMessage = (cwd: string): string => git(cwd, 'log', '-1', '--format=%s').trim();

// Each step spawns git, the hook, node and ESLint (and ts-morph when regenerating).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

describe('pre-commit hook in a real git repository', () => {
  let dir = '';
  beforeAll(() => {
    if (!existsSync(BUILT_CLI) || !existsSync(BUILT_PLUGIN)) {
      throw new Error(`build fn-kit first (npm run build): ${BUILT_CLI} and ${BUILT_PLUGIN} are needed`);
    }
    dir = userProject();
    const installed = fnCodemod(dir, 'hook', 'install');
    expect(installed.output).toMatch(/installed the pre-commit git hook/);
    expect(installed.status).toBe(0);
  });
  afterAll(() => removeDir(dir));

  it('refuses a floating promise in an App Router route handler, showing the finding', () => {
    writeFiles(dir, { 'app/api/x/route.ts': FLOATING_ROUTE });
    git(dir, 'add', 'app/api/x/route.ts');
    const result = commit(dir, 'add route');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('app/api/x/route.ts');
    expect(result.output).toMatch(/2:3\s+error\s+.*fn\/no-floating-background-promise/);
    expect(result.output).toMatch(/ESLint\s+FAIL/);
    expect(result.output).toContain('Commit blocked');
    expect(headMessage(dir)).toBe('init');
  });

  it('lints the staged content, not the working tree: a fix that is not staged does not help', () => {
    writeFileSync(join(dir, 'app/api/x/route.ts'), AWAITED_ROUTE);
    const result = commit(dir, 'add route');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('fn/no-floating-background-promise');
    expect(headMessage(dir)).toBe('init');
  });

  it('accepts the commit once the fix is staged', () => {
    git(dir, 'add', 'app/api/x/route.ts');
    const result = commit(dir, 'add route');
    expect(result.output).toMatch(/ESLint\s+ok/);
    expect(result.status).toBe(0);
    expect(headMessage(dir)).toBe('add route');
  });

  it('ignores unstaged bad code in other files', () => {
    writeFiles(dir, { 'app/api/y/route.ts': FLOATING_ROUTE, 'README.md': 'hello\n' });
    git(dir, 'add', 'README.md');
    const result = commit(dir, 'readme');
    expect(result.status).toBe(0);
    expect(result.output).toContain('skipped (no staged JS/TS files)');
  });

  it('refuses a commit when the staged generated env types are stale', () => {
    writeFiles(dir, { '.env.example': ENV_EXAMPLE });
    const generated = fnCodemod(dir, 'env');
    expect(generated.status).toBe(0);
    git(dir, 'add', '.env.example', 'env.generated.ts', 'process-env.generated.d.ts');
    const fresh = commit(dir, 'env types');
    expect(fresh.output).toMatch(/env types\s+ok/);
    expect(fresh.status).toBe(0);

    writeFileSync(join(dir, '.env.example'), `${ENV_EXAMPLE}\n# @type url\nAPI_URL=https://api.example.com\n`);
    git(dir, 'add', '.env.example');
    const stale = commit(dir, 'new var');
    expect(stale.status).not.toBe(0);
    expect(stale.output).toContain('env.generated.ts is out of date with .env.example; variables: API_URL (added)');
    expect(stale.output).toMatch(/env types\s+FAIL/);
    expect(stale.output).not.toContain('api.example.com');
    expect(stale.output).not.toContain('eslint-disable');
    expect(headMessage(dir)).toBe('env types');

    expect(fnCodemod(dir, 'env').status).toBe(0);
    const unstaged = commit(dir, 'new var');
    expect(unstaged.status).not.toBe(0);
    expect(unstaged.output).toContain('env.generated.ts is out of date with .env.example');
    git(dir, 'add', 'env.generated.ts', 'process-env.generated.d.ts');
    const regenerated = commit(dir, 'new var');
    expect(regenerated.status).toBe(0);
    expect(headMessage(dir)).toBe('new var');
  });

  it('the hook was installed once and is executable', () => {
    expect(fnCodemod(dir, 'hook', 'install').output).toMatch(/already installed/);
    const hook = readFileSync(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8');
    expect(hook.match(/>>> fn-kit pre-commit/g)).toHaveLength(1);
  });
});

describe('pre-commit with the project\'s own ESLint config', () => {
  let dir = '';
  beforeAll(() => {
    if (!existsSync(BUILT_CLI) || !existsSync(BUILT_PLUGIN)) throw new Error('build fn-kit first (npm run build)');
    dir = userProject();
    writeFiles(dir, {
      'eslint.config.js': [
        "import fn from 'fn-kit/eslint-plugin';",
        'export default [',
        '  ...fn.configs.recommended,',
        "  { files: ['**/*.js'], rules: { 'no-var': 'error' } },",
        '];',
        '',
      ].join('\n'),
      'package.json': JSON.stringify({ name: 'user-app', private: true, type: 'module' }, null, 2),
    });
    git(dir, 'add', 'eslint.config.js', 'package.json');
    git(dir, 'commit', '-q', '-m', 'config', '--no-verify');
    expect(fnCodemod(dir, 'hook', 'install').status).toBe(0);
  });
  afterAll(() => removeDir(dir));

  it('uses that config: its own rules and the fn rules it enables both block the commit', () => {
    writeFiles(dir, {
      'lib/old.js': 'var x = 1;\nexport default x;\n',
      'app/api/z/route.ts': FLOATING_ROUTE,
    });
    git(dir, 'add', 'lib/old.js', 'app/api/z/route.ts');
    const result = commit(dir, 'old code');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/lib\/old\.js[\s\S]*no-var/);
    expect(result.output).toContain('fn/no-floating-background-promise');
    expect(result.output).toContain('(eslint.config.js)');
  });
});
