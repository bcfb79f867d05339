/**
 * Real `next` releases for the compatibility suite, cached on the machine under
 * ~/.cache/fn-kit/next/<version> (the package's files, unpacked from the registry tarball
 * with `npm pack`). A version is unpacked into a temp dir and renamed into place, so a run
 * cut off halfway never leaves a half-written cache entry.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CACHE_DIR = process.env.FN_KIT_NEXT_CACHE ?? join(homedir(), '.cache', 'fn-kit', 'next');

/** The package directory of `next@version`, fetched once. */
export function nextPackage(version: string): string {
  const target = join(CACHE_DIR, version);
  const pkg = join(target, 'package');
  if (existsSync(join(pkg, 'package.json'))) return pkg;
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = mkdtempSync(join(CACHE_DIR, `.tmp-${version}-`));
  try {
    process.stdout.write(`[test:next] fetching next@${version} ...\n`);
    execFileSync('npm', ['pack', `next@${version}`, '--silent', '--pack-destination', tmp], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack next@${version} produced no tarball`);
    execFileSync('tar', ['-xzf', join(tmp, tarball), '-C', tmp]);
    rmSync(join(tmp, tarball));
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  return pkg;
}
