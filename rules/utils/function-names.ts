/**
 * What to call a function in a message, and whether it is defined at the top of its module
 * (a helper a handler can call by name).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyKey, type FunctionNode } from '../../lib/estree/ast.js';

/** `function f` / `const f = () => …` at the module's top level (exported or not). */
export function isModuleLevelFunction(fn: FunctionNode): boolean {
  const atTop = (n: TSESTree.Node | undefined): boolean =>
    n?.type === AST_NODE_TYPES.Program ||
    ((n?.type === AST_NODE_TYPES.ExportNamedDeclaration || n?.type === AST_NODE_TYPES.ExportDefaultDeclaration) &&
      n.parent?.type === AST_NODE_TYPES.Program);
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return atTop(fn.parent);
  let n: TSESTree.Node | undefined = fn.parent;
  while (n && (n.type === AST_NODE_TYPES.TSAsExpression || n.type === AST_NODE_TYPES.TSSatisfiesExpression)) n = n.parent;
  return n?.type === AST_NODE_TYPES.VariableDeclarator && n.parent?.type === AST_NODE_TYPES.VariableDeclaration && atTop(n.parent.parent);
}

/** The name a function is known by: its own, its variable's, its property's, or how it is passed (`app.get(…)` callback). */
export function functionLabel(fn: FunctionNode): string {
  if (fn.id) return fn.id.name;
  let n: TSESTree.Node | undefined = fn.parent;
  while (n && (n.type === AST_NODE_TYPES.TSAsExpression || n.type === AST_NODE_TYPES.TSSatisfiesExpression)) n = n.parent;
  if (n?.type === AST_NODE_TYPES.VariableDeclarator && n.id.type === AST_NODE_TYPES.Identifier) return n.id.name;
  if ((n?.type === AST_NODE_TYPES.Property || n?.type === AST_NODE_TYPES.MethodDefinition) && !n.computed) {
    const key = n.type === AST_NODE_TYPES.Property ? propertyKey(n) : n.key.type === AST_NODE_TYPES.Identifier ? n.key.name : undefined;
    if (key !== undefined) return key;
  }
  if (n?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default export';
  if (n?.type === AST_NODE_TYPES.CallExpression) {
    const callee = calleePath(n.callee);
    if (callee) return `${callee}(…) callback`;
  }
  return 'request handler';
}

function calleePath(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    const object = calleePath(node.object);
    return object === undefined ? node.property.name : `${object}.${node.property.name}`;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) return calleePath(node.callee);
  return undefined;
}
