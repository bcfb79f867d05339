/**
 * Shared by the packaging suites: builds under a cross-process lock (vitest runs test
 * files in parallel and two `tsc -b` on the same outputs would clash), runs commands
 * with their output in the failure message, packs tarballs, makes temp projects.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const functionsDir = join(repoRoot, 'packages', 'functions');
export const tscBin = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
export const typeRoots = join(repoRoot, 'node_modules', '@types');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command; throws with its output unless it exits 0 (or `allowFailure`). */
export function run(
  command: string,
  args: readonly string[],
  options: SpawnSyncOptions & { allowFailure?: boolean } = {},
): RunResult {
  const { allowFailure, ...spawnOptions } = options;
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 170_000, ...spawnOptions });
  const out: RunResult = { status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
  if (!allowFailure && (result.error || result.status !== 0)) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${String(spawnOptions.cwd ?? process.cwd())}) failed with ${result.error ? String(result.error) : `exit ${result.status}`}\n--- stdout\n${out.stdout}\n--- stderr\n${out.stderr}`,
    );
  }
  return out;
}

/** Runs a Node script file (ESM `.mjs` or CommonJS `.cjs`) in `cwd`. */
export function node(cwd: string, script: string, env: NodeJS.ProcessEnv = {}, allowFailure = false): RunResult {
  return run(process.execPath, [script], { cwd, env: { ...process.env, ...env }, allowFailure });
}

const LOCK = join(tmpdir(), 'fn-kit-packaging-build.lock');
const STALE_MS = 5 * 60_000;

/** Runs `fn` while holding a lock shared by every packaging suite (and process). */
export async function withBuildLock<T>(fn: () => T): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the runtime package the way `npm run build` does for it: `tsc -b` of its ESM
 * and CommonJS projects, then `scripts/postbuild.mjs` (the dist/cjs type marker).
 */
export function buildRuntime(): Promise<void> {
  return withBuildLock(() => {
    run(process.execPath, [tscBin, '-b', join(functionsDir, 'tsconfig.json'), join(functionsDir, 'tsconfig.cjs.json')], {
      cwd: repoRoot,
    });
    run(process.execPath, [join(repoRoot, 'scripts', 'postbuild.mjs')], { cwd: repoRoot });
  });
}

/** `npm pack` of the package in `dir` into `destination`; returns the tarball path. */
export function npmPack(dir: string, destination: string): string {
  const before = new Set(readdirSync(destination));
  run('npm', ['pack', '--pack-destination', destination, '--silent'], { cwd: dir });
  const created = readdirSync(destination).filter((f) => f.endsWith('.tgz') && !before.has(f));
  if (created.length !== 1) throw new Error(`npm pack in ${dir} produced ${created.length} tarballs: ${created.join(', ')}`);
  return join(destination, created[0]!);
}

/** A fresh project directory under the OS temp dir (outside the repo). */
export function tempProject(prefix: string, packageJson: object = {}): { dir: string; write(file: string, text: string): void; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `${prefix}-consumer`, version: '1.0.0', private: true, ...packageJson }, null, 2));
  return {
    dir,
    write: (file, text) => writeFileSync(join(dir, file), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `npm install` of local tarballs, offline where the cache allows. */
export function npmInstall(cwd: string, specs: readonly string[]): void {
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs], { cwd });
}
