/**
 * Which files a run covers: the given paths (files or directories, walked recursively),
 * filtered by extension and ignore globs. Symbolic links to directories are not followed.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const DEFAULT_EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts'] as const;
/** Directory names skipped everywhere (in addition to --ignore-pattern). */
export const DEFAULT_IGNORED_DIRS = ['node_modules', '.next', 'dist', 'build', '.git'] as const;

export interface FileSelection {
  readonly extensions: readonly string[];
  readonly ignorePatterns: readonly string[];
  /** Globs are matched against paths relative to this directory (and against base names). */
  readonly cwd: string;
}

export class PathNotFoundError extends Error {}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Absolute paths of the files to process, sorted, without duplicates. */
export function collectFiles(paths: readonly string[], selection: FileSelection): string[] {
  const exts = new Set(selection.extensions.map((e) => `.${e.replace(/^\./, '').toLowerCase()}`));
  const ignoredDirs = new Set<string>(DEFAULT_IGNORED_DIRS);
  const matchers = selection.ignorePatterns.map((p) => picomatch(p, { dot: true }));
  const ignored = (abs: string, isDir: boolean): boolean => {
    const rel = toPosix(relative(selection.cwd, abs));
    return matchers.some((m) => m(rel) || (isDir && m(`${rel}/`)) || (isDir && m(`${rel}/x`)));
  };
  const found = new Set<string>();

  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (ignoredDirs.has(entry.name) || ignored(abs, true)) continue;
        walk(abs);
      } else if (entry.isFile()) {
        if (exts.has(extname(entry.name).toLowerCase()) && !ignored(abs, false)) found.add(abs);
      }
    }
  };

  for (const p of paths) {
    const abs = resolve(selection.cwd, p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new PathNotFoundError(`No such file or directory: ${p}`);
    }
    if (stat.isDirectory()) walk(abs);
    else if (stat.isFile() && !ignored(abs, false)) found.add(abs);
  }
  return [...found].sort();
}
