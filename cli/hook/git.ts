/** Small synchronous git helpers for the hook installer and the pre-commit check. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

export function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitError(`git ${args[0] ?? ''} failed${stderr ? `: ${stderr.split('\n')[0]}` : ''}`);
  }
}

/** The work tree's top-level directory; a GitError outside a git work tree. */
export function gitTopLevel(cwd: string): string {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new GitError(`${cwd} is not inside a git work tree`);
  }
}

/** The directory git runs hooks from (honours core.hooksPath and worktrees). */
export function gitHooksDir(cwd: string): string {
  return resolve(cwd, git(['rev-parse', '--git-path', 'hooks'], cwd).trim());
}

/** Staged added/copied/modified/renamed paths, relative to the top level. */
export function stagedPaths(topLevel: string): string[] {
  return git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], topLevel)
    .split('\0')
    .filter((p) => p !== '');
}

/** The staged content (what will be committed) of a path relative to the top level. */
export function stagedContent(topLevel: string, path: string): string {
  return git(['show', `:${path}`], topLevel);
}

/** True when the path (relative to the top level) is in the index. */
export function isIndexed(topLevel: string, path: string): boolean {
  return git(['ls-files', '--cached', '-z', '--', path], topLevel) !== '';
}
