/**
 * Projects installed from the npm registry once and kept under ~/.cache/fn-kit/<group>/<key>
 * (override the root with FN_KIT_CACHE). An entry is installed into a temp dir and renamed
 * into place, so a run cut off halfway never leaves a half-written entry; a `fn-kit-cache.json`
 * marker records what was installed, and an entry whose marker differs is installed again.
 * A lock directory beside the entry keeps two test workers from installing it at once.
 *
 * Installs never run package scripts and skip optional dependencies (next's @next/swc-* and
 * sharp binaries): only the registry is reachable, and nothing may download binaries.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CACHE_ROOT = process.env.FN_KIT_CACHE ?? join(homedir(), '.cache', 'fn-kit');

export interface InstallSpec {
  /** Exact versions: name -> version. */
  readonly dependencies: Readonly<Record<string, string>>;
}

const MARKER = 'fn-kit-cache.json';

function markerOf(spec: InstallSpec): string {
  return JSON.stringify({ dependencies: spec.dependencies }, null, 2);
}

const LOCK_STALE_MS = 10 * 60_000;

/** Runs `fn` holding `lock` (a directory: mkdir is atomic), waiting for another holder to finish. */
function withLock<T>(lock: string, fn: () => T): T {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      // Left behind by a run that was killed.
      if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
    if (Date.now() - started > LOCK_STALE_MS) throw new Error(`timed out waiting for ${lock}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The directory of an installed project (its node_modules beside its package.json), installed on first use. */
export function cachedInstall(group: string, key: string, spec: InstallSpec): string {
  const parent = join(CACHE_ROOT, group);
  const target = join(parent, key);
  const marker = markerOf(spec);
  const ready = (): boolean => existsSync(join(target, MARKER)) && readFileSync(join(target, MARKER), 'utf8') === marker;
  if (ready()) return target;
  mkdirSync(parent, { recursive: true });
  return withLock(`${target}.lock`, () => (ready() ? target : install(group, key, spec.dependencies, marker)));
}

function install(group: string, key: string, dependencies: Readonly<Record<string, string>>, marker: string): string {
  const parent = join(CACHE_ROOT, group);
  const target = join(parent, key);
  const tmp = mkdtempSync(join(parent, `.tmp-${key}-`));
  try {
    process.stdout.write(`[test:next] installing ${group}/${key} ...\n`);
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: `fn-kit-cache-${group}`, private: true, dependencies }, null, 2));
    const args = ['install', '--ignore-scripts', '--omit=optional', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'];
    execFileSync('npm', args, { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
    writeFileSync(join(tmp, MARKER), marker);
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  return target;
}
