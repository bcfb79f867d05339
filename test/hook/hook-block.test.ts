import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START, DamagedBlockError, hookBlock, installBlock, removeBlock } from '../../cli/hook/hook-block.js';

const block = hookBlock('');

describe('hook block text', () => {
  it('runs the local bin when present, else npx --no-install, and passes the failure on', () => {
    expect(block).toBe(
      [
        BLOCK_START,
        '(',
        '  if [ -x ./node_modules/.bin/fn-codemod ]; then',
        '    exec ./node_modules/.bin/fn-codemod precommit',
        '  fi',
        '  exec npx --no-install fn-codemod precommit',
        ') || exit $?',
        BLOCK_END,
      ].join('\n'),
    );
  });

  it('changes into a project below the top level, quoting for the shell', () => {
    expect(hookBlock('packages/web')).toContain('  cd packages/web || exit 1\n');
    expect(hookBlock("apps/it's mine")).toContain(`  cd 'apps/it'\\''s mine' || exit 1\n`);
    expect(hookBlock('', ['--env-out', 'types dir'])).toContain("fn-codemod precommit --env-out 'types dir'");
  });

  it('creates a new hook with a shebang', () => {
    expect(installBlock(undefined, block)).toEqual({ content: `#!/bin/sh\n${block}\n`, action: 'created' });
    expect(installBlock('  \n', block).action).toBe('created');
  });

  it('appends to an existing hook, keeping its shebang and content', () => {
    const existing = '#!/usr/bin/env bash\nset -e\nnpm test\n';
    const { content, action } = installBlock(existing, block);
    expect(action).toBe('appended');
    expect(content).toBe(`${existing}\n${block}\n`);
  });

  it('goes before a trailing exit, which would otherwise skip it', () => {
    const { content } = installBlock('#!/bin/sh\nnpm test\nexit 0\n', block);
    expect(content).toBe(`#!/bin/sh\nnpm test\n${block}\nexit 0\n`);
  });

  it('is installed once: a second install changes nothing; a changed block is replaced in place', () => {
    const first = installBlock('#!/bin/sh\necho before\n', block).content;
    expect(installBlock(first, block)).toEqual({ content: first, action: 'unchanged' });
    const updated = installBlock(`${first}echo after\n`, hookBlock('web'));
    expect(updated.action).toBe('updated');
    expect(updated.content).toBe(`#!/bin/sh\necho before\n\n${hookBlock('web')}\necho after\n`);
    expect(updated.content.split(BLOCK_START)).toHaveLength(2);
  });

  it('refuses a damaged block (start marker without end marker)', () => {
    expect(() => installBlock(`#!/bin/sh\n${BLOCK_START}\necho x\n`, block)).toThrow(DamagedBlockError);
  });

  it('removes the block, and reports an otherwise empty hook', () => {
    const withOthers = installBlock('#!/bin/sh\necho before\n', block).content;
    expect(removeBlock(withOthers)).toEqual({ content: '#!/bin/sh\necho before\n', removed: true });
    expect(removeBlock(installBlock(undefined, block).content)).toEqual({ content: undefined, removed: true });
    expect(removeBlock('#!/bin/sh\necho x\n')).toEqual({ content: '#!/bin/sh\necho x\n', removed: false });
  });

  it('property: installing keeps every existing line, in order, and is idempotent', () => {
    const line = fc.stringMatching(/^[a-z #!=$"'-]{0,20}$/).filter((l) => !l.includes('fn-kit'));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        const existing = `${lines.join('\n')}\n`;
        const once = installBlock(existing, block).content;
        expect(installBlock(once, block)).toEqual({ content: once, action: 'unchanged' });
        const kept = once.replace(`${block}\n`, '').split('\n').filter((l) => l.trim() !== '');
        const before = existing.split('\n').filter((l) => l.trim() !== '');
        expect(kept).toEqual(before.length === 0 ? ['#!/bin/sh'] : before);
        expect(once.startsWith(existing.trim() === '' ? '#!/bin/sh' : (lines[0] ?? ''))).toBe(true);
      }),
    );
  });
});
