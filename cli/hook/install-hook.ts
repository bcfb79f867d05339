/**
 * `fn-codemod hook install|uninstall`: puts the fn-kit block into the project's git
 * pre-commit hook. With husky (a `.husky/` directory in the project or at the work-tree
 * top level) that is `.husky/pre-commit`; otherwise the `pre-commit` file in git's hooks
 * directory, which honours `core.hooksPath`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { exitCodes } from '../exit-codes.js';
import type { Output } from '../env/run-env.js';
import { gitHooksDir, gitTopLevel, GitError } from './git.js';
import { DamagedBlockError, hookBlock, installBlock, removeBlock } from './hook-block.js';

export interface HookOptions {
  readonly cwd: string;
  /** Passed on to `fn-codemod precommit --env-out` (when the env files live elsewhere). */
  readonly envOut?: string;
}

export interface HookTarget {
  readonly path: string;
  readonly kind: 'husky' | 'git';
}

export function findHookTarget(cwd: string, topLevel: string): HookTarget {
  for (const dir of cwd === topLevel ? [cwd] : [cwd, topLevel]) {
    const husky = join(dir, '.husky');
    if (existsSync(husky) && statSync(husky).isDirectory()) return { path: join(husky, 'pre-commit'), kind: 'husky' };
  }
  return { path: join(gitHooksDir(topLevel), 'pre-commit'), kind: 'git' };
}

export function installHook(options: HookOptions, io: Output): number {
  return withHook(options, io, (target, existing, projectDir) => {
    const block = hookBlock(projectDir, options.envOut === undefined ? [] : ['--env-out', options.envOut]);
    const { content, action } = installBlock(existing, block);
    if (action !== 'unchanged') writeExecutable(target.path, content);
    else chmodSync(target.path, statSync(target.path).mode | 0o111);
    const where = `${target.kind === 'husky' ? 'husky hook' : 'git hook'} ${target.path}`;
    const said: Record<typeof action, string> = {
      created: `installed the pre-commit ${where}`,
      appended: `added fn-kit's block to the existing pre-commit ${where} (its other content is kept)`,
      updated: `updated fn-kit's block in the pre-commit ${where}`,
      unchanged: `already installed in the pre-commit ${where}`,
    };
    io.out(`fn-codemod hook: ${said[action]}.`);
    return exitCodes.ok;
  });
}

export function uninstallHook(options: HookOptions, io: Output): number {
  return withHook(options, io, (target, existing) => {
    const result = existing === undefined ? undefined : removeBlock(existing);
    if (!result?.removed) {
      io.out(`fn-codemod hook: no fn-kit block in ${target.path}; nothing to do.`);
      return exitCodes.ok;
    }
    if (result.content === undefined) rmSync(target.path);
    else writeExecutable(target.path, result.content);
    io.out(`fn-codemod hook: removed fn-kit's block from ${target.path}${result.content === undefined ? ' (and the now empty hook)' : ''}.`);
    return exitCodes.ok;
  });
}

function withHook(
  options: HookOptions,
  io: Output,
  act: (target: HookTarget, existing: string | undefined, projectDir: string) => number,
): number {
  try {
    const cwd = realpathSync(options.cwd);
    const topLevel = realpathSync(gitTopLevel(cwd));
    const target = findHookTarget(cwd, topLevel);
    const existing = existsSync(target.path) ? readFileSync(target.path, 'utf8') : undefined;
    return act(target, existing, relative(topLevel, cwd).split('\\').join('/'));
  } catch (error) {
    if (error instanceof GitError || error instanceof DamagedBlockError) {
      io.err(`fn-codemod hook: ${error.message}`);
      return exitCodes.failure;
    }
    throw error;
  }
}

/** Atomic replace that keeps the file's other permission bits and adds the execute bits. */
function writeExecutable(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const mode = (existsSync(path) ? statSync(path).mode & 0o777 : 0o644) | 0o111;
  const temp = `${path}.fn-kit-${process.pid}.tmp`;
  try {
    writeFileSync(temp, content, { mode });
    chmodSync(temp, mode);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
