/**
 * The fn-codemod CLI contract (SPEC section 3), end to end: the built CLI on real temporary
 * git repositories.
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, ensureBuilt, gitRepo, gitStatus, runCli, tempDir, writeTree } from './helpers.js';

const GEO_ROUTE = `import type { NextRequest } from 'next/server';

export function GET(request: NextRequest) {
  return Response.json({ geo: request.geo, ip: request.ip });
}
`;
const GEO_ROUTE_OUT = `import type { NextRequest } from 'next/server';
import { geolocation, ipAddress } from '@vercel/functions';

export function GET(request: NextRequest) {
  return Response.json({ geo: geolocation(request), ip: ipAddress(request) });
}
`;
const PLAIN = `export const answer = 42;\n`;
const BROKEN = `import type { NextRequest } from 'next/server';\n\nexport function GET(request: NextRequest) {\n  return request.geo +;\n}\n`;

const WAIT_ROUTE = `import { waitUntil } from '@vercel/functions';

export async function POST() {
  waitUntil(Promise.resolve());
  return new Response('ok');
}
`;

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const readBytes = (dir: string, file: string): Buffer => readFileSync(join(dir, file));

interface JsonReport {
  version: number;
  transform: string;
  mode: string;
  exitCode: number;
  workers: number;
  summary: { files: number; changed: number; unchanged: number; notParsed: number; skipped: number; errors: number };
  files: { file: string; status: string; filtered?: boolean; reason?: string; error?: { line?: number; column?: number; message: string }; notes: string[]; diff?: string; output?: string }[];
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => cleanupTempDirs());

describe('usage', () => {
  it('--help shows the transform command and its options', () => {
    const r = runCli(['--help'], tempDir());
    expect(r.status).toBe(0);
    for (const option of ['--dry', '--print', '--force', '--parser', '--extensions', '--ignore-pattern', '--cpus', '--json', '--next-version', '--runtime-module']) {
      expect(r.stdout).toContain(option);
    }
  });

  it('list names every transform with a description', () => {
    const r = runCli(['list'], tempDir());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^geo-ip-to-functions\s+NextRequest \.geo\/\.ip/m);
    expect(r.stdout).toMatch(/^wait-until-to-after\s+waitUntil\(\)/m);
    expect(r.stdout).toMatch(/^edge-to-functions\s+Moves imports from @vercel\/edge/m);
    expect(r.stdout).toMatch(/^oidc-imports\s+Moves imports from the deprecated/m);
    for (const name of ['oidc-env-to-helper', 'await-oidc-token', 'env-to-get-env', 'floating-to-wait-until']) {
      expect(r.stdout).toContain(name);
    }
  });

  it('an unknown transform exits 2 and lists the available ones', () => {
    const dir = gitRepo({ 'a.ts': PLAIN });
    const r = runCli(['geo-ip-to-function', '.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown transform "geo-ip-to-function"');
    expect(r.stderr).toContain('geo-ip-to-functions');
    expect(r.stderr).toContain('wait-until-to-after');
  });

  it.each([
    [['--cpus', '0'], '--cpus'],
    [['--cpus', 'many'], '--cpus'],
    [['--next-version', 'latest-ish'], '--next-version'],
    [['--parser', 'esprima'], 'parser'],
    [['--extensions', 'ts;js'], '--extensions'],
  ])('bad option values exit 2 (%j)', (args, mention) => {
    const dir = gitRepo({ 'a.ts': PLAIN });
    const r = runCli(['geo-ip-to-functions', '.', ...args], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(mention);
  });

  it('an unknown option exits 2', () => {
    const dir = gitRepo({ 'a.ts': PLAIN });
    const r = runCli(['geo-ip-to-functions', '.', '--drry'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('drry');
    expect(gitStatus(dir)).toBe('');
  });

  it('a path that does not exist exits 2', () => {
    const dir = gitRepo({ 'a.ts': PLAIN });
    const r = runCli(['geo-ip-to-functions', 'nope/'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope/');
  });
});

describe('git safety', () => {
  it('refuses a dirty tree, naming what is dirty, and writes nothing', () => {
    const dir = gitRepo({ 'app/route.ts': GEO_ROUTE, 'notes.ts': PLAIN });
    writeFileSync(join(dir, 'notes.ts'), 'export const answer = 43;\n');
    const r = runCli(['geo-ip-to-functions', '.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not clean');
    expect(r.stderr).toContain('notes.ts');
    expect(r.stderr).toContain('--force');
    expect(read(dir, 'app/route.ts')).toBe(GEO_ROUTE);
  });

  it('untracked files make the tree dirty too', () => {
    const dir = gitRepo({ 'app/route.ts': GEO_ROUTE });
    writeFileSync(join(dir, 'scratch.ts'), PLAIN);
    const r = runCli(['geo-ip-to-functions', '.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scratch.ts');
  });

  it('--force runs on a dirty tree', () => {
    const dir = gitRepo({ 'app/route.ts': GEO_ROUTE, 'notes.ts': PLAIN });
    writeFileSync(join(dir, 'notes.ts'), 'export const answer = 43;\n');
    const r = runCli(['geo-ip-to-functions', '.', '--force'], dir);
    expect(r.status).toBe(0);
    expect(read(dir, 'app/route.ts')).toBe(GEO_ROUTE_OUT);
  });

  it('outside a git repository it refuses without --force and runs with it', () => {
    const dir = tempDir();
    writeTree(dir, { 'app/route.ts': GEO_ROUTE });
    const refused = runCli(['geo-ip-to-functions', '.'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('not inside a git repository');
    expect(read(dir, 'app/route.ts')).toBe(GEO_ROUTE);
    const forced = runCli(['geo-ip-to-functions', '.', '--force'], dir);
    expect(forced.status).toBe(0);
    expect(read(dir, 'app/route.ts')).toBe(GEO_ROUTE_OUT);
  });
});

describe('output modes', () => {
  it('--dry prints a unified diff per changed file and writes nothing (dirty tree allowed)', () => {
    const dir = gitRepo({ 'app/a/route.ts': GEO_ROUTE, 'app/b/route.ts': GEO_ROUTE, 'lib/plain.ts': PLAIN });
    writeFileSync(join(dir, 'lib/plain.ts'), 'export const answer = 43;\n');
    const r = runCli(['geo-ip-to-functions', '--dry'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- a/app/a/route.ts');
    expect(r.stdout).toContain('+++ b/app/b/route.ts');
    expect(r.stdout).toContain("+import { geolocation, ipAddress } from '@vercel/functions';");
    expect(r.stdout).toContain('-  return Response.json({ geo: request.geo, ip: request.ip });');
    expect(r.stdout).not.toContain('plain.ts');
    expect(r.stderr).toContain('2 would change');
    expect(read(dir, 'app/a/route.ts')).toBe(GEO_ROUTE);
    expect(gitStatus(dir)).toBe(' M lib/plain.ts\n');
  });

  it('--print prints the transformed source and writes nothing', () => {
    const dir = gitRepo({ 'app/route.ts': GEO_ROUTE });
    const r = runCli(['geo-ip-to-functions', 'app/route.ts', '--print'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(GEO_ROUTE_OUT);
    expect(read(dir, 'app/route.ts')).toBe(GEO_ROUTE);
  });

  it('--json writes one report document on stdout', () => {
    const dir = gitRepo({ 'app/route.ts': GEO_ROUTE, 'lib/plain.ts': PLAIN, 'app/broken/route.ts': BROKEN });
    const r = runCli(['geo-ip-to-functions', '.', '--json'], dir);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report).toMatchObject({ version: 1, transform: 'geo-ip-to-functions', mode: 'write', exitCode: 1, workers: 1 });
    expect(report.summary).toEqual({ files: 3, changed: 1, unchanged: 1, notParsed: 1, skipped: 0, errors: 1 });
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byFile['app/route.ts']).toMatchObject({ status: 'changed', notes: [] });
    expect(byFile['lib/plain.ts']).toMatchObject({ status: 'unchanged', filtered: true });
    expect(byFile['app/broken/route.ts']?.status).toBe('error');
    expect(byFile['app/broken/route.ts']?.error).toMatchObject({ line: 4, column: 23 });
  });
});

describe('never corrupts a file', () => {
  it('a file that does not parse is left byte for byte, the others are written, exit 1', () => {
    const dir = gitRepo({ 'app/route.ts': GEO_ROUTE, 'app/broken/route.ts': BROKEN });
    const before = readBytes(dir, 'app/broken/route.ts');
    const r = runCli(['geo-ip-to-functions', '.'], dir);
    expect(r.status).toBe(1);
    expect(readBytes(dir, 'app/broken/route.ts').equals(before)).toBe(true);
    expect(read(dir, 'app/route.ts')).toBe(GEO_ROUTE_OUT);
    expect(r.stdout).toMatch(/app\/broken\/route\.ts:4:23: Unexpected token/);
    expect(r.stdout).toContain('1 changed');
    expect(r.stdout).toContain('1 error');
  });

  it('keeps CRLF line endings, the BOM and the shebang', () => {
    const crlf = `\uFEFF${GEO_ROUTE.replace(/\n/g, '\r\n')}`;
    const shebang = `#!/usr/bin/env node\nconst handler = (req) => req.headers.get('x-real-ip');\nmodule.exports = handler;\n`;
    const dir = gitRepo({ 'app/crlf/route.ts': crlf, 'bin/cli.js': shebang });
    const r = runCli(['geo-ip-to-functions', '.'], dir);
    expect(r.status).toBe(0);
    expect(read(dir, 'app/crlf/route.ts')).toBe(`\uFEFF${GEO_ROUTE_OUT.replace(/\n/g, '\r\n')}`);
    expect(read(dir, 'bin/cli.js')).toBe(
      `#!/usr/bin/env node\nconst { ipAddress } = require('@vercel/functions');\n\nconst handler = (req) => ipAddress(req);\nmodule.exports = handler;\n`,
    );
  });

  it('keeps the file mode, never rewrites unchanged files, and a second run changes nothing', () => {
    const dir = gitRepo({ 'app/route.ts': GEO_ROUTE, 'app/other/route.ts': `export const GET = (request: NextRequest) => request.nextUrl;\n` });
    chmodSync(join(dir, 'app/route.ts'), 0o750);
    const untouchedBefore = statSync(join(dir, 'app/other/route.ts')).mtimeMs;
    const first = runCli(['geo-ip-to-functions', '.', '--force'], dir);
    expect(first.status).toBe(0);
    expect(statSync(join(dir, 'app/route.ts')).mode & 0o777).toBe(0o750);
    expect(statSync(join(dir, 'app/other/route.ts')).mtimeMs).toBe(untouchedBefore);
    const second = runCli(['geo-ip-to-functions', '.', '--force', '--json'], dir);
    expect((JSON.parse(second.stdout) as JsonReport).summary.changed).toBe(0);
  });
});

describe('Next.js versions', () => {
  it('reads each project\'s next version: 14 skipped, 15.0 unstable_after, 15.2 after', () => {
    const dir = gitRepo({
      'v14/package.json': JSON.stringify({ dependencies: { next: '^14.2.3' } }),
      'v14/app/api/route.ts': WAIT_ROUTE,
      'v150/package.json': JSON.stringify({ dependencies: { next: '15.0.4' } }),
      'v150/app/api/route.ts': WAIT_ROUTE,
      'v152/package.json': JSON.stringify({ devDependencies: { next: '~15.2.0' } }),
      'v152/app/api/route.ts': WAIT_ROUTE,
      'v152/pages/api/hook.ts': WAIT_ROUTE,
    });
    const r = runCli(['wait-until-to-after', '.', '--json'], dir);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byFile['v14/app/api/route.ts']?.status).toBe('skipped');
    expect(byFile['v14/app/api/route.ts']?.reason).toContain('Next.js 14.2.3');
    expect(byFile['v152/pages/api/hook.ts']?.reason).toContain('pages/api');
    expect(read(dir, 'v14/app/api/route.ts')).toBe(WAIT_ROUTE);
    expect(read(dir, 'v150/app/api/route.ts')).toContain("import { unstable_after as after } from 'next/server';");
    expect(read(dir, 'v152/app/api/route.ts')).toContain("import { after } from 'next/server';");
    expect(read(dir, 'v152/app/api/route.ts')).toContain('  after(Promise.resolve());');
  });

  it('--next-version overrides package.json; without any version the file is skipped with a hint', () => {
    const dir = gitRepo({ 'app/route.ts': WAIT_ROUTE });
    const none = runCli(['wait-until-to-after', '.'], dir);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('--next-version');
    expect(read(dir, 'app/route.ts')).toBe(WAIT_ROUTE);
    const given = runCli(['wait-until-to-after', '.', '--next-version', '15.1.0'], dir);
    expect(given.status).toBe(0);
    expect(read(dir, 'app/route.ts')).toContain("import { after } from 'next/server';");
  });
});

describe('file selection', () => {
  it('skips node_modules, .next, dist and build by default, and --ignore-pattern globs', () => {
    const dir = gitRepo({
      'app/route.ts': GEO_ROUTE,
      'node_modules/x/route.ts': GEO_ROUTE,
      '.next/server/route.ts': GEO_ROUTE,
      'dist/route.ts': GEO_ROUTE,
      'build/route.ts': GEO_ROUTE,
      'legacy/old/route.ts': GEO_ROUTE,
      'app/keep.generated.ts': GEO_ROUTE,
    });
    const r = runCli(['geo-ip-to-functions', '.', '--ignore-pattern', 'legacy/**', '--ignore-pattern', '**/*.generated.ts', '--json'], dir);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual(['app/route.ts']);
    for (const f of ['node_modules/x/route.ts', '.next/server/route.ts', 'dist/route.ts', 'build/route.ts', 'legacy/old/route.ts', 'app/keep.generated.ts']) {
      expect(read(dir, f)).toBe(GEO_ROUTE);
    }
  });

  it('--extensions limits the files', () => {
    const js = `export function middleware(request) {\n  return request.ip;\n}\n`;
    const dir = gitRepo({ 'middleware.js': js, 'app/route.ts': GEO_ROUTE });
    const r = runCli(['geo-ip-to-functions', '.', '--extensions', 'js', '--json'], dir);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual(['middleware.js']);
    expect(read(dir, 'middleware.js')).toContain('ipAddress(request)');
    expect(read(dir, 'app/route.ts')).toBe(GEO_ROUTE);
  });

  it('--runtime-module adds a wrapper module', () => {
    const src = `import { waitUntil } from '@acme/fns';\n\nexport async function GET() {\n  waitUntil(Promise.resolve());\n}\n`;
    const dir = gitRepo({ 'app/route.ts': src });
    const r = runCli(['wait-until-to-after', '.', '--next-version', '15.2.0', '--runtime-module', '@acme/fns'], dir);
    expect(r.status).toBe(0);
    expect(read(dir, 'app/route.ts')).toContain("import { after } from 'next/server';");
  });
});

describe('workers', () => {
  it('--cpus 2 on a big tree gives the same result as --cpus 1', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) {
      files[`app/r${String(i).padStart(3, '0')}/route.ts`] = i % 10 === 0 ? GEO_ROUTE : i === 57 ? BROKEN : `export const n${i} = ${i};\n`;
    }
    const serial = gitRepo(files);
    const parallel = gitRepo(files);
    const a = runCli(['geo-ip-to-functions', '.', '--cpus', '1', '--json'], serial);
    const b = runCli(['geo-ip-to-functions', '.', '--cpus', '2', '--json'], parallel);
    const ra = JSON.parse(a.stdout) as JsonReport;
    const rb = JSON.parse(b.stdout) as JsonReport;
    expect(ra.workers).toBe(1);
    expect(rb.workers).toBe(2);
    expect(a.status).toBe(1);
    expect(b.status).toBe(1);
    expect(rb.files).toEqual(ra.files);
    expect(ra.summary).toMatchObject({ files: 120, changed: 12, errors: 1 });
    for (const name of Object.keys(files)) expect(read(parallel, name)).toBe(read(serial, name));
  });
});
