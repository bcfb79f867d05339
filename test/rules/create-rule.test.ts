// The plugin's createRule: options merged with their defaults once per distinct value, frozen.
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../rules/utils/create-rule.js';

type Options = [{ mode?: 'a' | 'b'; names?: string[] }];

function probe() {
  const seen: Readonly<Options>[] = [];
  const rule = createRule<Options, 'x'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe' },
      messages: { x: 'x' },
      schema: [{ type: 'object', properties: { mode: { type: 'string', enum: ['a', 'b'] }, names: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    },
    defaultOptions: [{ mode: 'a', names: ['n'] }],
    create(_context, options) {
      seen.push(options);
      return {};
    },
  });
  const lint = (options?: Options[0]) =>
    new Linter().verify('let x = 1;', [
      { plugins: { p: { rules: { probe: rule as unknown as Rule.RuleModule } } }, rules: { 'p/probe': options ? ['error', options] : 'error' } },
    ]);
  return { seen, lint };
}

describe('createRule', () => {
  it('merges the defaults once per distinct option value and hands every file the same frozen object', () => {
    const { seen, lint } = probe();
    lint();
    lint();
    lint({ mode: 'b' });
    lint({ mode: 'b' });
    expect(seen).toHaveLength(4);
    expect(seen[0]).toEqual([{ mode: 'a', names: ['n'] }]);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toEqual([{ mode: 'b', names: ['n'] }]);
    expect(seen[3]).toBe(seen[2]);
    expect(Object.isFrozen(seen[0]) && Object.isFrozen(seen[0]![0]) && Object.isFrozen(seen[0]![0].names)).toBe(true);
  });

  it('keeps the docs URL and meta of typescript-eslint’s RuleCreator', () => {
    const rule = createRule<[], 'x'>({ name: 'probe', meta: { type: 'problem', docs: { description: 'd' }, messages: { x: 'x' }, schema: [] }, defaultOptions: [], create: () => ({}) });
    expect(rule.meta.docs?.url).toMatch(/docs\/rules\/probe\.md$/);
    expect(rule.name).toBe('probe');
  });
});
