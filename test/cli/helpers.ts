/**
 * Helpers for the CLI suites: real temporary git repositories and the BUILT CLI
 * (`node dist/cli/bin.js`). `npm test` builds first; when dist is missing or older than
 * the CLI/codemod sources, `ensureBuilt()` runs the TypeScript compiler itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const binPath = join(repoRoot, 'dist', 'cli', 'bin.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__testfixtures__') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const sources = Math.max(...['cli', 'codemods', 'lib'].map((d) => newestMtime(join(repoRoot, d))));
  if (existsSync(binPath) && statSync(binPath).mtimeMs >= sources) return;
  // Emit even if some other part of the tree does not type-check yet; the bin must exist after.
  spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'tsconfig.json')], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'postbuild.mjs')], { cwd: repoRoot });
  if (!existsSync(binPath)) throw new Error(`building the CLI did not produce ${binPath}; run npm run build`);
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string): CliResult {
  const r = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDirs: string[] = [];

export function tempDir(prefix = 'fn-codemod-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = join(root, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** A committed git repository holding `files`. */
export function gitRepo(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'fn-codemod tests');
  git(dir, 'config', 'core.autocrlf', 'false');
  writeTree(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fixture');
  return dir;
}

export function gitStatus(dir: string): string {
  return git(dir, 'status', '--porcelain');
}
