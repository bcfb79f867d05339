/**
 * Scope look-ups on ESTree: the variable an identifier refers to, and whether it refers to
 * a global (not declared in the file: undeclared, or a configured global). Works on ESLint's
 * SourceCode and on a module the project index parsed itself (./parsed-module.ts).
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isValueWrapper } from './ast.js';

/** What scope look-ups need: ESLint's SourceCode has this shape, and so does a ParsedModule. */
export interface ScopeSource {
  getScope(node: TSESTree.Node): TSESLint.Scope.Scope;
}

export function variableOf(source: ScopeSource, id: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(source.getScope(id), id);
}

/** Whether `id` is a global: no binding in the file shadows it (`fetch`, `console`, `process`). */
export function isGlobalReference(source: ScopeSource, id: TSESTree.Identifier): boolean {
  const variable = variableOf(source, id);
  return !variable || variable.defs.length === 0;
}

/** Whether `name` at `node` is the global (no binding of the file hides it there). */
export function isGlobalName(source: ScopeSource, node: TSESTree.Node, name: string): boolean {
  const variable = ASTUtils.findVariable(source.getScope(node), name);
  return !variable || variable.defs.length === 0;
}

/** A variable written only by its declaration. */
export function isNeverReassigned(variable: TSESLint.Scope.Variable): boolean {
  let writes = 0;
  for (const ref of variable.references) if (ref.isWrite() && ++writes > 1) return false;
  return true;
}

/**
 * Whether the value of the variable `id` refers to is used as a whole anywhere else: awaited,
 * returned, passed on, stored (`p.catch(log); …; await p`). Reading a member of it
 * (`schema.parse(x)`) does not count: that is not keeping a promise.
 */
export function isValueUsedElsewhere(source: ScopeSource, id: TSESTree.Identifier): boolean {
  const variable = variableOf(source, id);
  if (!variable || variable.defs.length === 0) return false;
  return variable.references.some((ref) => {
    if (ref.identifier === id || !ref.isRead()) return false;
    let node: TSESTree.Node = ref.identifier;
    while (node.parent && isValueWrapper(node.parent)) node = node.parent;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return false;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) return false;
    return true;
  });
}
