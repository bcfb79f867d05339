/**
 * The marked block that `fn-codemod hook install` puts in a pre-commit hook. Pure text
 * functions: the block is installed once (a second install replaces it in place), other
 * content and the shebang are kept, and the block goes before a trailing `exit`.
 */

export const BLOCK_START = '# >>> fn-kit pre-commit (managed by `fn-codemod hook install`) >>>';
export const BLOCK_END = '# <<< fn-kit pre-commit <<<';
const NEW_HOOK_SHEBANG = '#!/bin/sh';

/**
 * The block's shell code. It prefers the project's local bin (no npx start-up cost) and
 * falls back to `npx --no-install`, which finds a hoisted install and never downloads.
 * `projectDir` is the project's path relative to the work-tree top level ('' for the top).
 */
export function hookBlock(projectDir: string, extraArgs: readonly string[] = []): string {
  const args = ['precommit', ...extraArgs].map(shellWord).join(' ');
  const lines = [
    BLOCK_START,
    '(',
    ...(projectDir === '' ? [] : [`  cd ${shellWord(projectDir)} || exit 1`]),
    '  if [ -x ./node_modules/.bin/fn-codemod ]; then',
    `    exec ./node_modules/.bin/fn-codemod ${args}`,
    '  fi',
    `  exec npx --no-install fn-codemod ${args}`,
    ') || exit $?',
    BLOCK_END,
  ];
  return lines.join('\n');
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export type InstallAction = 'created' | 'appended' | 'updated' | 'unchanged';

export function installBlock(existing: string | undefined, block: string): { content: string; action: InstallAction } {
  if (existing === undefined || existing.trim() === '') {
    return { content: `${NEW_HOOK_SHEBANG}\n${block}\n`, action: 'created' };
  }
  const region = findBlock(existing);
  if (region) {
    const content = existing.slice(0, region.start) + block + existing.slice(region.end);
    return { content, action: content === existing ? 'unchanged' : 'updated' };
  }
  const lines = existing.replace(/\n*$/, '').split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (lines.length > 1 && /^\s*exit(\s+0)?\s*(#.*)?$/.test(last)) {
    // A hook that ends in `exit 0` would never reach an appended block.
    return { content: [...lines.slice(0, -1), block, last].join('\n') + '\n', action: 'appended' };
  }
  return { content: `${lines.join('\n')}\n\n${block}\n`, action: 'appended' };
}

/** The hook without the block; undefined when nothing but a shebang would remain. */
export function removeBlock(existing: string): { content: string | undefined; removed: boolean } {
  const region = findBlock(existing);
  if (!region) return { content: existing, removed: false };
  const before = existing.slice(0, region.start).replace(/\n+$/, '\n');
  const after = existing.slice(region.end).replace(/^\n+/, '');
  const content = (before === '\n' ? '' : before) + after;
  const meaningful = content.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#!'));
  return { content: meaningful.length === 0 ? undefined : content, removed: true };
}

export class DamagedBlockError extends Error {
  constructor() {
    super(`the hook has the fn-kit start marker without its end marker (${BLOCK_END}); fix the hook by hand`);
    this.name = 'DamagedBlockError';
  }
}

function findBlock(text: string): { start: number; end: number } | undefined {
  const start = text.indexOf(BLOCK_START);
  if (start < 0) return undefined;
  const endMarker = text.indexOf(BLOCK_END, start);
  if (endMarker < 0) throw new DamagedBlockError();
  return { start, end: endMarker + BLOCK_END.length };
}
