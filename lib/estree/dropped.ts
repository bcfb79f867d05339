/**
 * Promises dropped by an expression whose value is discarded (an expression statement):
 * the rule reports them, and the project index uses the same test to find exported
 * functions that start work and drop it.
 *
 * Besides what the promise analysis knows, the code's own shape is evidence (SPEC 5): a
 * dropped `x.then(…)` / `x.catch(…)` / `x.finally(…)`, or `void call()`, is a promise even when
 * `x` or `call` is out of reach (an import from a package, a method of an injected service),
 * unless the analysis knows it is not one.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { CallResult } from '../catalog.js';
import { PROMISE_CHAIN_METHODS } from '../promise-facts.js';
import { memberName, unwrapTypeWrappers } from './ast.js';

export interface DroppedPromise {
  /** The discarded expression to report and replace: `void p`, or the promise itself. */
  readonly target: TSESTree.Expression;
  /** The promise: the operand of `void`, or the target itself. */
  readonly inner: TSESTree.Expression;
  readonly form: 'floating' | 'voided' | 'chained';
  /** For `chained`: then / catch / finally. */
  readonly method?: string;
  /** A lazy thenable: dropped, its work never runs. */
  readonly lazy: boolean;
  /** Known only from the code's shape (`.catch(…)`, `void call()`), not from a definition. */
  readonly evidence: boolean;
}

type KindOf = (node: TSESTree.Expression) => CallResult | undefined;

/** The chain method of `x.then(…)` / `x.catch(…)` / `x.finally(…)`, if `node` is such a call. */
export function chainMethodOf(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapTypeWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  return name !== undefined && PROMISE_CHAIN_METHODS.has(name) ? name : undefined;
}

/** `x` of `x.then(…)` (callers check chainMethodOf first). */
function receiverOf(node: TSESTree.Node): TSESTree.Expression {
  const callee = unwrapTypeWrappers((node as TSESTree.CallExpression).callee);
  return (callee as TSESTree.MemberExpression).object;
}

/** `p` of `p.then(a).catch(b)`: the receiver under every chain call. */
export function chainRootOf(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (chainMethodOf(n)) n = unwrapTypeWrappers(receiverOf(n));
  return n;
}

function isCall(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression;
}

/**
 * `readElsewhere(id)`: whether the value of the variable `id` is used as a whole elsewhere. A chain on
 * a promise that is awaited, returned or handed on elsewhere (`p.catch(log); …; await p`) only
 * handles its outcome: the work itself is kept, so the chain is not dropped work.
 */
export function droppedPromises(
  input: TSESTree.Expression,
  kindOf: KindOf,
  readElsewhere: (id: TSESTree.Identifier) => boolean = () => false,
): DroppedPromise[] {
  const out: DroppedPromise[] = [];
  const visit = (expr: TSESTree.Expression): void => {
    const node = unwrapTypeWrappers(expr);
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.YieldExpression:
        return;
      case AST_NODE_TYPES.UnaryExpression: {
        if (node.operator !== 'void') return;
        const kind = kindOf(node.argument);
        const operand = unwrapTypeWrappers(node.argument);
        if (kind === 'promise' || kind === 'lazy') out.push({ target: node, inner: node.argument, form: 'voided', lazy: kind === 'lazy', evidence: false });
        else if (kind === undefined && isCall(operand)) out.push({ target: node, inner: node.argument, form: 'voided', lazy: false, evidence: true });
        return;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        visit(node.consequent);
        visit(node.alternate);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        visit(node.left);
        visit(node.right);
        return;
      case AST_NODE_TYPES.SequenceExpression:
        node.expressions.forEach(visit);
        return;
      default: {
        const method = chainMethodOf(node);
        const root = method ? chainRootOf(node) : undefined;
        if (root?.type === AST_NODE_TYPES.Identifier && readElsewhere(root)) return;
        const kind = kindOf(expr);
        if (kind === 'promise' || kind === 'lazy') {
          out.push({ target: expr, inner: expr, form: method ? 'chained' : 'floating', ...(method ? { method } : {}), lazy: kind === 'lazy', evidence: false });
        } else if (kind === undefined && method && kindOf(receiverOf(node)) !== 'value') {
          out.push({ target: expr, inner: expr, form: 'chained', method, lazy: false, evidence: true });
        }
      }
    }
  };
  visit(input);
  return out;
}
