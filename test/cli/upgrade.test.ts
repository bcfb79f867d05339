/**
 * `fn-codemod upgrade` and the dependency handling, on the built CLI in real temp git repos.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, cleanupTempDirs, ensureBuilt, gitRepo, gitStatus, runCli, tempDir } from './helpers.js';

beforeAll(() => ensureBuilt());
afterAll(() => cleanupTempDirs());

const ROUTE = `import { geolocation } from '@vercel/edge';
import { unstable_after } from 'next/server';

export async function GET(request: Request) {
  unstable_after(() => console.log('done'));
  return Response.json(geolocation(request));
}
`;
const ROUTE_OUT = `import { geolocation } from '@vercel/functions';
import { after } from 'next/server';

export async function GET(request: Request) {
  after(() => console.log('done'));
  return Response.json(geolocation(request));
}
`;

function project(manifest: string, lockfile?: string, extra: Record<string, string> = {}): string {
  return gitRepo({ 'package.json': manifest, ...(lockfile ? { [lockfile]: '' } : {}), 'app/route.ts': ROUTE, ...extra });
}

describe('fn-codemod upgrade', () => {
  it('runs the transforms in order over each file once, adds the missing dependency, and a second run changes nothing', () => {
    const dir = project('{\n  "name": "app",\n  "dependencies": {\n    "next": "15.2.0"\n  }\n}\n', 'pnpm-lock.yaml');
    const first = runCli(['upgrade', '.'], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(join(dir, 'app/route.ts'), 'utf8')).toBe(ROUTE_OUT);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(
      '{\n  "name": "app",\n  "dependencies": {\n    "@vercel/functions": "^3.11.2",\n    "next": "15.2.0"\n  }\n}\n',
    );
    expect(first.stdout).toContain('added @vercel/functions@^3.11.2 to package.json');
    expect(first.stdout).toContain('run `pnpm install`');
    execCommit(dir);
    const second = runCli(['upgrade', '.'], dir);
    expect(second.status).toBe(0);
    expect(gitStatus(dir)).toBe('');
  });

  it.each([
    ['package-lock.json', 'npm install'],
    ['yarn.lock', 'yarn install'],
    ['bun.lock', 'bun install'],
    ['bun.lockb', 'bun install'],
  ])('takes the install command from %s', (lockfile, command) => {
    const dir = project('{"name":"app","dependencies":{"next":"15.2.0"}}', lockfile);
    const r = runCli(['upgrade', '.', '--dry', '--json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.install).toEqual([expect.objectContaining({ command, ran: false, cwd: '.' })]);
  });

  it('--dry shows the package.json change in its diff and writes nothing; tabs and a missing final newline are kept', () => {
    const manifest = '{\n\t"name": "app",\n\t"dependencies": {\n\t\t"next": "15.2.0"\n\t}\n}';
    const dir = project(manifest, 'package-lock.json');
    const r = runCli(['upgrade', '.', '--dry'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('+++ b/package.json');
    expect(r.stdout).toContain('+\t\t"@vercel/functions": "^3.11.2",');
    expect(r.stdout).toContain('\\ No newline at end of file');
    expect(gitStatus(dir)).toBe('');
  });

  it('in a monorepo adds the dependency to the workspace package, and finds the lockfile at the root', () => {
    const dir = gitRepo({
      'package.json': '{"name":"root","private":true,"workspaces":["apps/*"],"dependencies":{"@vercel/functions":"^3.0.0"}}\n',
      'pnpm-lock.yaml': '',
      'apps/web/package.json': '{\n  "name": "web",\n  "dependencies": {\n    "next": "15.2.0"\n  }\n}\n',
      'apps/web/app/route.ts': ROUTE,
    });
    const r = runCli(['upgrade', 'apps', '--json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.dependencies).toEqual([
      expect.objectContaining({ manifest: 'apps/web/package.json', package: '@vercel/functions', action: 'added', range: '^3.11.2' }),
    ]);
    expect(report.install).toEqual([expect.objectContaining({ packageManager: 'pnpm', cwd: '.', command: 'pnpm install' })]);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).not.toContain('3.11.2');
    expect(report.transforms.map((t: { transform: string }) => t.transform)[0]).toBe('edge-to-functions');
    expect(report.files[0].transforms.find((t: { transform: string }) => t.transform === 'unstable-after-to-after').status).toBe('changed');
  });

  it('--no-deps leaves package.json and warns of the undeclared import', () => {
    const dir = project('{"name":"app","dependencies":{"next":"15.2.0"}}\n', 'yarn.lock');
    const r = runCli(['upgrade', '.', '--no-deps'], dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe('{"name":"app","dependencies":{"next":"15.2.0"}}\n');
    expect(r.stdout).toContain("warning: app/route.ts now imports @vercel/functions, but package.json does not declare it (--no-deps); add it: yarn add '@vercel/functions@^3.11.2'");
  });

  it('--install runs the package manager found from the lockfile (a fake one on PATH)', () => {
    const dir = project('{"name":"app","dependencies":{"next":"15.2.0"}}\n', 'pnpm-lock.yaml');
    const bin = tempDir('fake-pm-');
    const log = join(bin, 'argv.log');
    writeFileSync(join(bin, 'pnpm'), `#!/bin/sh\necho "$PWD $@" >> ${log}\n`);
    chmodSync(join(bin, 'pnpm'), 0o755);
    const r = runCliWithPath(['upgrade', '.', '--install', '--force'], dir, bin);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(log, 'utf8').trim()).toMatch(/ install$/);
    expect(r.stdout).toContain('installed: `pnpm install`');
  });

  it('a file that does not parse is left untouched; exit 1', () => {
    const broken = "import { unstable_after } from 'next/server';\nexport async function GET( {\n";
    const dir = project('{"name":"app","dependencies":{"next":"15.2.0","@vercel/functions":"^3.0.0"}}\n', undefined, { 'app/broken.ts': broken });
    const r = runCli(['upgrade', '.'], dir);
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'app/broken.ts'), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, 'app/route.ts'), 'utf8')).toBe(ROUTE_OUT);
  });

  it('does not run unstable-after-to-after on Next.js 15.0 (not applicable)', () => {
    const dir = project('{"name":"app","dependencies":{"next":"15.0.3","@vercel/functions":"^3.0.0"}}\n');
    const r = runCli(['upgrade', '.', '--json', '--dry'], dir);
    const report = JSON.parse(r.stdout);
    const step = report.files[0].transforms.find((t: { transform: string }) => t.transform === 'unstable-after-to-after');
    expect(step).toEqual(expect.objectContaining({ status: 'not-applicable', reason: 'Next.js 15.0.3 has no stable after()' }));
  });

  it('rejects --install with --dry or --no-deps (exit 2)', () => {
    const dir = project('{"name":"app"}\n');
    expect(runCli(['upgrade', '.', '--install', '--dry'], dir).status).toBe(2);
    expect(runCli(['upgrade', '.', '--install', '--no-deps'], dir).status).toBe(2);
  });
});

function execCommit(dir: string): void {
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'upgrade'], { cwd: dir });
}

function runCliWithPath(args: string[], cwd: string, bin: string): { status: number | null; stdout: string; stderr: string } {
  mkdirSync(bin, { recursive: true });
  const r = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
