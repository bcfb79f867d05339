/**
 * The clean-tree check: a codemod rewrites files in place, so by default it only runs
 * where git can show and undo what it did.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class GitStateError extends Error {}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function repoRoot(dir: string): string | undefined {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return undefined;
  }
}

function existingDir(path: string): string {
  let current = resolve(path);
  while (!existsSync(current)) current = dirname(current);
  return statSync(current).isDirectory() ? current : dirname(current);
}

/**
 * Throws a GitStateError when a path is outside any git repository, or its repository has
 * uncommitted changes (modified, staged or untracked files).
 */
export function assertCleanGitTree(paths: readonly string[], cwd: string): void {
  const roots = new Set<string>();
  for (const p of paths) {
    const dir = existingDir(resolve(cwd, p));
    const root = repoRoot(dir);
    if (!root) {
      throw new GitStateError(
        `${p} is not inside a git repository, so the changes could not be reviewed or undone with git.\n` +
          'Run it inside a repository, or pass --force to transform it anyway.',
      );
    }
    roots.add(root);
  }
  for (const root of roots) {
    const status = git(root, ['status', '--porcelain', '--untracked-files=normal']).split('\n').filter(Boolean);
    if (status.length > 0) {
      const shown = status.slice(0, 10).map((line) => `  ${line}`).join('\n');
      const more = status.length > 10 ? `\n  … and ${status.length - 10} more` : '';
      throw new GitStateError(
        `The git working tree at ${root} is not clean (${status.length} uncommitted change${status.length === 1 ? '' : 's'}):\n` +
          `${shown}${more}\n` +
          'Commit or stash them first so the codemod\'s changes can be reviewed on their own, or pass --force.',
      );
    }
  }
}
