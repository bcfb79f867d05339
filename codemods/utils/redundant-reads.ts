/**
 * Tidying after a transform has turned several different reads into calls of one pure
 * helper (`request.geo?.country ?? request.headers.get('x-vercel-ip-country')` becomes two
 * `geolocation(request).country` reads): a `?.` after a call that never returns nullish, an
 * operand of `??` / `||` that repeats an earlier one, a fallback that can never be reached.
 * Each works on both AST flavours (ESTree `ChainExpression` + `optional`, Babel
 * `Optional*Expression`).
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { type AnyNode, isMemberExpression, unwrapExpression } from './ast.js';

/** Operators for which `a op a` is `a`, and after a never-nullish object `x op y` is `x`. */
const FALLBACK_OPERATORS: ReadonlySet<string> = new Set(['??', '||']);

function isChainLink(parent: AnyNode, childName: unknown): boolean {
  return (isMemberExpression(parent) && childName === 'object') || ((parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression') && childName === 'callee');
}

/** Whether anything in the chain below `node` (a member or call) is still `?.`. */
function chainHasOptional(node: AnyNode): boolean {
  let current = node;
  while (isMemberExpression(current) || current?.type === 'CallExpression' || current?.type === 'OptionalCallExpression') {
    if (current.optional === true) return true;
    current = isMemberExpression(current) ? current.object : current.callee;
  }
  return false;
}

/**
 * `f(x)?.a` -> `f(x).a` for each call node in `calls` (calls whose result is never null or
 * undefined). The links above it become plain too, up to the next `?.` in the chain; an
 * ESTree `ChainExpression` left with no `?.` is unwrapped. Returns how many were dropped.
 */
export function dropOptionalAccess(j: JSCodeshift, root: Collection, calls: ReadonlySet<AnyNode>): number {
  let dropped = 0;
  root
    .find(j.MemberExpression) // OptionalMemberExpression too (a subtype)
    .filter((p: ASTPath) => isMemberExpression(p.node) && (p.node as AnyNode).optional === true && calls.has((p.node as AnyNode).object))
    .forEach((found: ASTPath) => {
      let path = found;
      (path.node as AnyNode).optional = false;
      dropped++;
      for (;;) {
        const node: AnyNode = path.node;
        if (node.optional === true) break;
        if (node.type === 'OptionalMemberExpression') node.type = 'MemberExpression';
        else if (node.type === 'OptionalCallExpression') node.type = 'CallExpression';
        const parentPath = path.parent as ASTPath | null;
        const parent: AnyNode = parentPath?.node;
        if (parent?.type === 'ChainExpression' && !chainHasOptional(parent.expression)) {
          parentPath?.replace(parent.expression);
          break;
        }
        if (!parentPath || !isChainLink(parent, path.name)) break;
        path = parentPath;
      }
    });
  return dropped;
}

/** The `??` / `||` chains (`a ?? b ?? c` is `(a ?? b) ?? c`): each link, innermost first. */
function fallbackChains(j: JSCodeshift, root: Collection): ASTPath[][] {
  const chains: ASTPath[][] = [];
  root.find(j.LogicalExpression).forEach((top: ASTPath) => {
    const node: AnyNode = top.node;
    if (!FALLBACK_OPERATORS.has(node.operator)) return;
    const parent: AnyNode = top.parent?.node;
    if (parent?.type === 'LogicalExpression' && parent.operator === node.operator && top.name === 'left') return;
    const links: ASTPath[] = [];
    for (let p: ASTPath = top; (p.node as AnyNode).type === 'LogicalExpression' && (p.node as AnyNode).operator === node.operator; p = p.get('left') as ASTPath) {
      links.unshift(p);
    }
    chains.push(links);
  });
  return chains;
}

export interface RepeatedReads {
  /** The same key for two operands that always read the same value; undefined for anything else. */
  keyOf(node: AnyNode): string | undefined;
  /** Whether the transform wrote this operand (a repeat is dropped only when one side is new). */
  isNew(node: AnyNode): boolean;
}

/**
 * In each `??` / `||` chain, drops an operand that repeats an earlier one (`a ?? a ?? c` ->
 * `a ?? c`): when the first is nullish (falsy) the repeat is too, so the result is the same.
 * Returns how many operands were dropped.
 */
export function dropRepeatedOperands(j: JSCodeshift, root: Collection, reads: RepeatedReads): number {
  let dropped = 0;
  for (const links of fallbackChains(j, root)) {
    const seen = new Map<string, AnyNode>();
    const remember = (operand: AnyNode): void => {
      const key = reads.keyOf(operand);
      if (key !== undefined && !seen.has(key)) seen.set(key, operand);
    };
    remember((links[0]?.node as AnyNode).left);
    for (const link of links) {
      const right: AnyNode = (link.node as AnyNode).right;
      const key = reads.keyOf(right);
      const twin = key === undefined ? undefined : seen.get(key);
      if (twin !== undefined && (reads.isNew(right) || reads.isNew(twin))) {
        link.replace((link.node as AnyNode).left);
        dropped++;
      } else {
        remember(right);
      }
    }
  }
  return dropped;
}

/**
 * `x ?? {}` / `x || {}` where `x` is never nullish (an object): the empty fallback is
 * dropped. A fallback with content is kept and handed to `onDeadFallback`, because it
 * says what the author wanted when the value was missing, and that no longer happens.
 */
export function dropUnreachableFallbacks(
  j: JSCodeshift,
  root: Collection,
  neverNullish: (node: AnyNode) => boolean,
  onDeadFallback: (logical: AnyNode) => void,
): number {
  let dropped = 0;
  // Innermost first, so `x ?? {} ?? {}` reduces all the way.
  const paths = root.find(j.LogicalExpression).paths().reverse();
  for (const path of paths) {
    const node: AnyNode = path.node;
    if (!FALLBACK_OPERATORS.has(node.operator) || !neverNullish(unwrapExpression(node.left))) continue;
    const right = unwrapExpression(node.right);
    if (right?.type === 'ObjectExpression' && right.properties.length === 0 && !(right.comments?.length > 0)) {
      path.replace(node.left);
      dropped++;
    } else {
      onDeadFallback(node);
    }
  }
  return dropped;
}
