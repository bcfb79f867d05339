/**
 * A plain recursive walk over an ESTree subtree (no ESLint traversal needed), optionally
 * not entering nested functions: what runs when a function is called, not what it defines.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { isFunctionNode } from './ast.js';

/** Visits `root` and its descendants; `visit` returning true stops the walk. Returns whether it stopped. */
export function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void, options: { enterFunctions: boolean }): boolean {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === true) return true;
    if (node !== root && !options.enterFunctions && isFunctionNode(node)) continue;
    const keys = (visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push(value[i] as TSESTree.Node);
      } else if (isNode(value)) stack.push(value);
    }
  }
  return false;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
