/**
 * Where an OIDC-token expression sits: may an `await` be written there, and does it run
 * while the module is evaluated? (Kept private to the OIDC rules; rules/utils/ast.ts has
 * overlapping helpers that do not treat parameters and class fields the same way.)
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function isFunctionLike(node: TSESTree.Node): node is FunctionLike {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

function within(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  return node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
}

/**
 * What runs `node`: the body of a function (async or not), a class field initializer or
 * static block (own evaluation, no `await`), or the module itself.
 */
export type EvaluationContext = 'async-function' | 'function' | 'class-initializer' | 'module';

export function evaluationContext(node: TSESTree.Node): EvaluationContext {
  let child: TSESTree.Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (isFunctionLike(n)) {
      // Parameters (defaults) cannot contain `await`, even in an async function.
      const inParams = n.params.some((p) => within(child, p));
      return n.async && !inParams ? 'async-function' : 'function';
    }
    if (n.type === AST_NODE_TYPES.StaticBlock) return 'class-initializer';
    if ((n.type === AST_NODE_TYPES.PropertyDefinition || n.type === AST_NODE_TYPES.AccessorProperty) && n.value === child) {
      return n.static ? 'class-initializer' : 'function';
    }
  }
  return 'module';
}

/** Whether `await` may be written at `node` (inside an async function body). */
export function canAwaitAt(node: TSESTree.Node): boolean {
  return evaluationContext(node) === 'async-function';
}

/**
 * Whether `node` is evaluated once, while the module loads: outside every function and
 * instance field (static fields and static blocks count, they run at class definition).
 */
export function runsAtModuleLoad(node: TSESTree.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (isFunctionLike(n)) return false;
    if ((n.type === AST_NODE_TYPES.PropertyDefinition || n.type === AST_NODE_TYPES.AccessorProperty) && !n.static) {
      return false;
    }
  }
  return true;
}

/** Strips wrappers that keep the runtime value: `x as T`, `x!`, `x satisfies T`, `<T>x`, `a?.b` chains. */
export function unwrapValue(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (
    n.type === AST_NODE_TYPES.TSAsExpression ||
    n.type === AST_NODE_TYPES.TSNonNullExpression ||
    n.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    n.type === AST_NODE_TYPES.TSTypeAssertion ||
    n.type === AST_NODE_TYPES.ChainExpression
  ) {
    n = n.expression;
  }
  return n;
}

/** Whether `await <x>` written in place of `node` needs parentheses to keep its meaning. */
export function awaitNeedsParens(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  // `x!.y`: the `!` binds tighter than `await`, so look past it.
  if (parent.type === AST_NODE_TYPES.TSNonNullExpression) return awaitNeedsParens(parent);
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    default:
      return false;
  }
}
