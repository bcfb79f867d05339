/**
 * Projects installed from the npm registry once and kept under ~/.cache/fn-kit/<group>/<key>
 * (override the root with FN_KIT_CACHE). An entry is installed into a temp dir and renamed
 * into place, so a run cut off halfway never leaves a half-written entry; a `fn-kit-cache.json`
 * marker records what was installed, and an entry whose marker differs is installed again.
 *
 * Installs never run package scripts and skip optional dependencies (next's @next/swc-* and
 * sharp binaries): only the registry is reachable, and nothing may download binaries.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CACHE_ROOT = process.env.FN_KIT_CACHE ?? join(homedir(), '.cache', 'fn-kit');

export interface InstallSpec {
  /** Exact versions: name -> version. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** `--legacy-peer-deps`, for a peer range the pinned set is known to break on purpose. */
  readonly legacyPeerDeps?: boolean;
}

const MARKER = 'fn-kit-cache.json';

function markerOf(spec: InstallSpec): string {
  return JSON.stringify({ dependencies: spec.dependencies, legacyPeerDeps: spec.legacyPeerDeps ?? false }, null, 2);
}

/** The directory of an installed project (its node_modules beside its package.json), installed on first use. */
export function cachedInstall(group: string, key: string, spec: InstallSpec): string {
  const parent = join(CACHE_ROOT, group);
  const target = join(parent, key);
  const marker = markerOf(spec);
  if (existsSync(join(target, MARKER)) && readFileSync(join(target, MARKER), 'utf8') === marker) return target;
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.tmp-${key}-`));
  try {
    process.stdout.write(`[test:next] installing ${group}/${key} ...\n`);
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: `fn-kit-cache-${group}`, private: true, dependencies: spec.dependencies }, null, 2));
    const args = ['install', '--ignore-scripts', '--omit=optional', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'];
    if (spec.legacyPeerDeps) args.push('--legacy-peer-deps');
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
