/**
 * Small ESTree helpers the rules share: function nodes, directives, static names, unwrapping
 * of TypeScript-only wrappers, and where a node sits (may it `await`, does it run at module load).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
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
    if (isFunctionNode(n)) {
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

/**
 * Whether `await` may be written at `node`: in the body of an async function, not in its
 * parameters, nor in a class field initializer or static block inside it (top-level await
 * is not counted).
 */
export function canAwaitAt(node: TSESTree.Node): boolean {
  return evaluationContext(node) === 'async-function';
}

/**
 * Whether `node` runs while the module is evaluated: not inside any function, and not in
 * an instance field initializer (those run per construction). Static blocks and static
 * fields run at module evaluation, so they count as module scope.
 */
export function isAtModuleScope(node: TSESTree.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (isFunctionNode(n)) return false;
    if ((n.type === AST_NODE_TYPES.PropertyDefinition || n.type === AST_NODE_TYPES.AccessorProperty) && !n.static) {
      return false;
    }
  }
  return true;
}

/** The directive prologue of a program or function body (`'use server'`, `'use client'`, …). */
export function directivesOf(body: readonly TSESTree.Node[]): string[] {
  const out: string[] = [];
  for (const stmt of body) {
    if (stmt.type !== AST_NODE_TYPES.ExpressionStatement || typeof stmt.directive !== 'string') break;
    out.push(stmt.directive);
  }
  return out;
}

/** Whether a function's body starts with the given directive (`'use server'` inline actions). */
export function functionHasDirective(fn: FunctionNode, directive: string): boolean {
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const first = fn.body.body[0];
  // Checked first without building an array: this runs for every function in a handler file.
  if (first?.type !== AST_NODE_TYPES.ExpressionStatement || typeof first.directive !== 'string') return false;
  return directivesOf(fn.body.body).includes(directive);
}

/** Wrappers that pass their operand's runtime value on unchanged: `x as T`, `x!`, `x satisfies T`, `<T>x`, `a?.b` chains. */
type ValueWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.ChainExpression;

export function isValueWrapper(node: TSESTree.Node): node is ValueWrapper {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.ChainExpression
  );
}

/** Strips the wrappers that keep the runtime value (see isValueWrapper). */
export function unwrapTypeWrappers(node: TSESTree.Expression): TSESTree.Expression;
export function unwrapTypeWrappers(node: TSESTree.Node): TSESTree.Node;
export function unwrapTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (isValueWrapper(n)) n = n.expression;
  return n;
}

/** The outermost wrapper around `node` that keeps its value: the node whose parent tells how the value is used. */
export function outermostValueWrapper(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (n.parent && isValueWrapper(n.parent)) n = n.parent;
  return n;
}

/** The value of a string literal or of a template literal without expressions. */
export function staticString(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The static property name of `a.b` / `a['b']` / ``a[`b`]``. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed) return staticString(node.property);
  return undefined;
}

/** The export an import specifier names: `a` in `import { a as b }` and in `import { 'a' as b }`. */
export function importedName(spec: TSESTree.ImportSpecifier): string {
  return spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
}

/** The static key of an object-pattern or object-literal property (`a`, `'a'`, `['a']`). */
export function propertyKey(prop: TSESTree.Property): string | undefined {
  if (!prop.computed && prop.key.type === AST_NODE_TYPES.Identifier) return prop.key.name;
  return staticString(prop.key);
}

/** The function a `const x = <fn>` / `function x() {}` binding holds, through type wrappers. */
export function functionOfInit(init: TSESTree.Expression | null | undefined): FunctionNode | undefined {
  if (!init) return undefined;
  const value = unwrapTypeWrappers(init);
  return isFunctionNode(value) ? value : undefined;
}

/** `a`, `a.b`, `this.a.b` as a dotted path; undefined for computed or call-based chains. */
export function dottedPath(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    const object = dottedPath(node.object);
    return object === undefined ? undefined : `${object}.${node.property.name}`;
  }
  return undefined;
}

/**
 * Whether `node` can be written as the operand of a prefix operator (`await x`) or
 * as a call argument without parentheses changing its meaning.
 */
export function isTightExpression(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    default:
      return false;
  }
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

/** `module.exports` (not computed). */
export function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'exports'
  );
}

/**
 * The export a CommonJS assignment target names: `module.exports` -> 'default';
 * `module.exports.GET` / `exports.GET` -> 'GET'; anything else undefined.
 */
export function commonJsExportName(left: TSESTree.Node): string | undefined {
  if (isModuleExports(left)) return 'default';
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = left.computed ? staticString(left.property) : left.property.type === AST_NODE_TYPES.Identifier ? left.property.name : undefined;
  if (name === undefined) return undefined;
  const owner = left.object;
  return isModuleExports(owner) || (owner.type === AST_NODE_TYPES.Identifier && owner.name === 'exports') ? name : undefined;
}
